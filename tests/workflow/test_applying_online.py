"""Seniors and young people apply through the public form, step by step, and confirm their email."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cms_pages.models import ApplicationFormPage
from workflow.models import ApplicantLink, Application, Territory


def form_page(kind, language):
    return ApplicationFormPage.objects.get(kind=kind, locale__language_code=language, url_path__contains="/espana/")


def years_ago(years):
    today = timezone.localdate()
    return date(today.year - years, 1, 10).isoformat()


def guest_steps():
    madrid = Territory.objects.get(country__code="ES", code="28", level="department")
    start = timezone.localdate() + timedelta(days=30)
    return [
        {
            "form_key": "9f1c1d7e-5a7b-4c61-9f63-0d7f1b2a3c4d",
            "first_name": "Lucía",
            "last_name": "Martín",
            "email": "lucia.martin@example.org",
            "phone": "+34 600 000 000",
            "birth_date": years_ago(21),
            "language": "es",
            "territory": madrid.pk,
            "consent": "on",
            "nationality": "española",
        },
        {
            "programme": "student",
            "institution": "Universidad Complutense de Madrid",
            "city": "Madrid",
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=270)).isoformat(),
        },
        {
            "languages": ["es", "en"],
            "budget": "90",
            "evenings_per_week": "3",
            "motivation": "Quiero compartir la vida diaria con una persona mayor, ayudar en lo que pueda y aprender "
            "de su experiencia mientras estudio en Madrid.",
        },
    ]


@pytest.fixture
def client(committing_client):
    """Links are emailed once the transaction commits: each request's commit callbacks run as it ends."""
    return committing_client


def check_url(page, steps):
    """The page after the last step: the answers to check, and the button that sends them."""
    return page.url + page.reverse_subpage("later_step", args=[len(steps) + 1])


def fill(client, page, steps):
    """Every step, then "check your answers" and its button: the confirmation link is emailed."""
    response = client.post(page.url, steps[0])
    for number, data in enumerate(steps[1:], start=2):
        assert response.status_code == 302, response.content.decode()[:2000]
        response = client.post(page.url + page.reverse_subpage("later_step", args=[number]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == check_url(page, steps)
    return client.post(check_url(page, steps))


def confirmation_link(message):
    return re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)


def test_a_young_person_applies_in_spanish_and_confirms_their_email(client):
    page = form_page("guest", "es")

    response = fill(client, page, guest_steps())

    assert response.status_code == 302
    application = Application.objects.get(email="lucia.martin@example.org")
    assert application.state == "draft"
    assert application.answers["institution"] == "Universidad Complutense de Madrid"
    (message,) = mail.outbox
    assert "Confirme" in message.subject or "confirm" in message.subject.lower()
    link = confirmation_link(message)

    # Opening the link shows a button; only the button spends it.
    assert client.get(link).status_code == 200
    application.refresh_from_db()
    assert application.state == "draft"
    done = client.post(link)

    assert done.status_code == 200
    application.refresh_from_db()
    assert application.state == "submitted"
    assert application.email_confirmed_at is not None
    assert application.transitions.get().action == "application.submitted"


def test_the_first_step_sent_twice_makes_one_file(client):
    page = form_page("guest", "es")
    first = guest_steps()[0]

    client.post(page.url, first)
    client.post(page.url, first)

    assert Application.objects.filter(email="lucia.martin@example.org").count() == 1


def test_a_link_works_once(client):
    page = form_page("guest", "es")
    fill(client, page, guest_steps())
    link = confirmation_link(mail.outbox[0])
    client.post(link)

    again = client.post(link)

    assert again.status_code == 400
    assert "ya se ha utilizado" in again.content.decode() or "already been used" in again.content.decode()


def test_an_expired_link_is_refused_with_a_way_forward(client):
    page = form_page("guest", "es")
    fill(client, page, guest_steps())
    ApplicantLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    response = client.post(confirmation_link(mail.outbox[0]))

    assert response.status_code == 400
    assert Application.objects.get(email="lucia.martin@example.org").state == "draft"


def test_a_forged_link_is_refused(client):
    page = form_page("guest", "es")

    response = client.post(page.url + page.reverse_subpage("confirm", args=["not-a-real-token"]))

    assert response.status_code == 400


def test_a_host_below_the_countrys_age_is_told_why_and_nothing_is_created(client):
    page = ApplicationFormPage.objects.get(kind="host", locale__language_code="fr")
    gironde = Territory.objects.get(country__code="FR", code="33", level="department")

    response = client.post(
        page.url,
        {
            "address": "3 place Gambetta",
            "postcode": "33000",
            "city": "Bordeaux",
            "first_name": "Paul",
            "last_name": "Durand",
            "email": "paul.durand@example.org",
            "birth_date": years_ago(50),
            "language": "fr",
            "territory": gironde.pk,
            "consent": "on",
        },
    )

    assert response.status_code == 400
    assert "au moins 60 ans" in response.content.decode()
    assert 'value="Paul"' in response.content.decode(), "what was typed is kept"
    assert not Application.objects.filter(email="paul.durand@example.org").exists()


def test_a_contribution_above_the_cap_is_refused_and_earlier_steps_are_kept(client):
    page = ApplicationFormPage.objects.get(kind="host", locale__language_code="fr")
    gironde = Territory.objects.get(country__code="FR", code="33", level="department")
    client.post(
        page.url,
        {
            "address": "12 rue des Faures",
            "postcode": "33800",
            "city": "Bordeaux",
            "first_name": "Monique",
            "last_name": "Lafargue",
            "email": "monique@example.org",
            "birth_date": years_ago(78),
            "language": "fr",
            "territory": gironde.pk,
            "consent": "on",
        },
    )
    client.post(
        page.url + page.reverse_subpage("later_step", args=[2]),
        {
            "housing_status": "owner",
            "room_size": "14",
            "furnished": "on",
            "available_from": timezone.localdate().isoformat(),
            "smoking": "no",
            "visits": "ask",
            "meals": "sometimes",
        },
    )

    response = client.post(
        page.url + page.reverse_subpage("later_step", args=[3]),
        {
            "languages": ["fr"],
            "evenings_per_week": "3",
            "weekends": "free",
            "contribution": "400",
            "emergency_contact": "Sophie, 06 00 00 00 00",
        },
    )

    assert response.status_code == 400
    assert "entre 0" in response.content.decode() and "150" in response.content.decode()
    application = Application.objects.get(email="monique@example.org")
    assert application.answers["room_size"] == 14
    assert mail.outbox == []


def test_a_later_step_without_a_started_file_leads_back_to_the_first(client):
    page = form_page("guest", "es")

    response = client.get(page.url + page.reverse_subpage("later_step", args=[3]))

    assert response.status_code == 302
    assert response["Location"] == page.url


@pytest.mark.parametrize(
    "value", ["A" * 100_000, "\x00\x01\x02", "<script>alert(1)</script>", "Robert'); DROP TABLE students;--"]
)
def test_hostile_input_gets_messages_never_an_error_page(client, value):
    page = form_page("guest", "es")
    data = {**guest_steps()[0], "first_name": value, "birth_date": value, "territory": value, "form_key": value}

    response = client.post(page.url, data)

    assert response.status_code == 400
    assert b"<script>alert(1)</script>" not in response.content
    assert not Application.objects.filter(email="lucia.martin@example.org").exists()


def test_a_tenant_host_is_asked_for_the_landlords_consent():
    from .factories import ApplicationFactory

    owner = ApplicationFactory(host=True, answers={"housing_status": "owner"})
    tenant = ApplicationFactory(host=True, answers={"housing_status": "tenant"})

    assert owner.missing_documents() == []
    assert tenant.missing_documents() == ["landlord_consent"]


def test_a_host_gives_the_address_of_the_home(client):
    page = ApplicationFormPage.objects.get(kind="host", locale__language_code="fr")
    gironde = Territory.objects.get(country__code="FR", code="33", level="department")

    response = client.post(
        page.url,
        {
            "first_name": "Monique",
            "last_name": "Lafargue",
            "email": "monique.adresse@example.org",
            "birth_date": years_ago(78),
            "address": "12 rue des Faures",
            "postcode": "33800",
            "city": "Bordeaux",
            "language": "fr",
            "territory": gironde.pk,
            "consent": "on",
        },
    )

    assert response.status_code == 302
    application = Application.objects.get(email="monique.adresse@example.org")
    assert application.answers["address"] == "12 rue des Faures"
    assert application.answers["postcode"] == "33800"
