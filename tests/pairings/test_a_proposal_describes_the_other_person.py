"""A proposal describes the other person as one would want to read it, and shows nothing it must not."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from pairings.services import pairing_propose
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

from .test_applicants_answer_proposals import sign_in
from .test_pairing_life import approved

MOTIVATION = "J'aime la compagnie des personnes âgées.\nEt je cuisine <b>très</b> bien."


@pytest.fixture
def client(committing_client):
    return committing_client


def propose(host_answers=None, guest_answers=None, *, host=None, guest=None):
    """A pairing between a host and a guest of one territory, with the answers (and fields) given."""
    territory = TerritoryFactory(department=True)
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    host_file = approved("host", territory, **(host_answers or {}))
    guest_file = approved("guest", territory, **(guest_answers or {}))
    for application, fields in ((host_file, host), (guest_file, guest)):
        if fields:
            type(application).objects.filter(pk=application.pk).update(**fields)
            application.refresh_from_db()
    return pairing_propose(host=host_file, guest=guest_file, by=advisor)


def proposal_page(client, pairing, reader) -> str:
    """The main part of the proposal's page, as the host or the guest of the pairing reads it."""
    sign_in(client, getattr(pairing, reader))
    response = client.get(reverse("applicant_pairing", args=[pairing.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def one_line(page: str) -> str:
    """The text of a page with its spaces made plain, to look for a sentence across tags."""
    return re.sub(r"\s+", " ", page.replace("\N{NO-BREAK SPACE}", " "))


def test_the_host_reads_who_the_guest_is_her_age_at_arrival_her_studies_and_her_own_words(client):
    arrival = timezone.localdate() + timedelta(days=5)
    pairing = propose(
        guest_answers={
            "gender": "woman",
            "programme": "student",
            "city": "Bordeaux",
            "institution": "Université de Bordeaux",
            "languages": ["fr", "es"],
            "services": ["errands", "company"],
            "motivation": MOTIVATION,
            "preferences": "Un quartier calme, près du tram.",
        },
        # 21 today, 22 on the day she arrives.
        guest={"first_name": "Marie", "birth_date": arrival.replace(year=arrival.year - 22) - timedelta(days=2)},
    )

    page = one_line(proposal_page(client, pairing, "host"))

    assert "Avec qui vous vivriez" in page
    assert "<strong>Marie</strong>, 22 ans" in page
    assert "Étudiante à Bordeaux · Université de Bordeaux" in page
    assert "Elle parle français et espagnol." in page
    assert "Elle propose son aide pour : petites courses, compagnie le soir." in page
    assert "Elle peut être présente 3 soirs par semaine." in page
    assert "Ce que Marie dit d&#x27;elle-même" in page
    assert "J&#x27;aime la compagnie des personnes âgées.<br>Et je cuisine &lt;b&gt;très&lt;/b&gt; bien." in page
    assert "Ce qui compte pour Marie" in page and "Un quartier calme, près du tram." in page
    assert "Le séjour" in page and f"du {date_format(arrival, 'DATE_FORMAT')} au " in page


def test_the_guest_reads_the_room_the_house_rules_and_the_contribution_asked(client):
    pairing = propose(
        host_answers={
            "gender": "woman",
            "room": "Chambre au calme, côté jardin",
            "room_size": 14,
            "furnished": True,
            "smoking": "outside",
            "visits": "ask",
            "meals": "sometimes",
            "weekends": "free",
            "pets": "un chat",
            "services": ["digital"],
            "contribution": "80",
        },
        host={"first_name": "Jeanne"},
    )

    page = one_line(proposal_page(client, pairing, "guest"))

    assert "<strong>Jeanne</strong>, " in page and " ans</p>" in page
    assert "Elle apprécierait : aide pour l&#x27;ordinateur et le téléphone." in page
    assert "Chez Jeanne" in page
    assert "Votre chambre" in page
    assert "Chambre au calme, côté jardin" in page
    assert "La chambre fait 14 m²." in page and "La chambre est meublée." in page
    assert "Règles de la maison" in page
    assert "<dt>Tabac</dt><dd>uniquement à l&#x27;extérieur</dd>" in page
    assert "<dt>Visites d&#x27;amis</dt><dd>après en avoir parlé à Jeanne</dd>" in page
    assert "<dt>Repas</dt><dd>parfois partagés</dd>" in page
    assert "<dt>Soirées ensemble</dt><dd>3 soirs par semaine à la maison avec Jeanne</dd>" in page
    assert "<dt>Week-ends</dt><dd>vos week-ends sont libres</dd>" in page
    assert "<dt>Animaux à la maison</dt><dd>un chat</dd>" in page
    assert "<dt>Votre participation</dt><dd>80 € par mois, en participation aux charges du logement" in page
    assert "ce n&#x27;est pas un loyer" in page


def test_a_host_who_asks_no_contribution_says_so_plainly(client):
    page = one_line(proposal_page(client, propose(host_answers={"contribution": "0"}), "guest"))

    assert "<dt>Votre participation</dt><dd>aucune : vous ne versez pas de participation aux charges</dd>" in page


def test_the_host_does_not_read_the_contribution_as_if_it_were_theirs_to_pay(client):
    page = one_line(proposal_page(client, propose(), "host"))

    assert "Votre participation" not in page


def test_answers_not_given_leave_no_empty_label_and_no_none(client):
    pairing = propose(
        host_answers={"languages": [], "evenings_per_week": None, "contribution": None},
        guest_answers={"languages": [], "evenings_per_week": None, "pets_ok": None},
    )

    for reader in ("host", "guest"):
        page = proposal_page(client, pairing, reader)

        assert "None" not in page
        assert not re.search(r"<(dt|dd|p|h2|h3|strong|li)\b[^>]*>\s*</\1>", page), page
        for absent in ("Votre chambre", "Règles de la maison", "Ce que ", "Ce qui compte", "parle", "Langues parlées"):
            assert absent not in page


def test_no_surname_email_phone_or_address_is_shown_before_both_accept(client):
    pairing = propose(
        host_answers={"address": "12 rue des Lilas", "postcode": "33000", "city": "Bordeaux"},
        host={"phone": "+33 6 12 34 56 78"},
        guest={"phone": "+33 7 98 76 54 32"},
    )

    for reader, other in (("guest", pairing.host), ("host", pairing.guest)):
        page = proposal_page(client, pairing, reader)
        client.post(reverse("applicant_sign_out"))

        for secret in (other.last_name, other.email, other.phone, "12 rue des Lilas", "33000"):
            assert secret not in page
