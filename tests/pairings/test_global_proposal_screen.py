"""An advisor reviews the optimal pairs of a territory in the admin and proposes them one by one."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from pairings.matching.engine import CRITERION_LABELS
from pairings.models import Pairing
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

from .test_pairing_life import approved


@pytest.fixture
def world():
    territory = TerritoryFactory(department=True)
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    hosts = [approved("host", territory, evenings_per_week=n) for n in (1, 5)]
    guests = [approved("guest", territory, evenings_per_week=n) for n in (5, 1)]
    return territory, advisor, hosts, guests


def test_the_proposal_lists_the_best_pairs_of_the_territory_with_their_explanations(client, world):
    territory, advisor, (calm, lively), (present, busy) = world
    client.force_login(advisor)

    page = client.get(reverse("pairings_pairing:proposal_for", args=[territory.pk]))

    assert page.status_code == 200
    pairs = [(p["host"], p["guest"]) for p in page.context["pairs"]]
    assert sorted(pairs, key=lambda pair: pair[0].pk) == sorted(
        [(calm, busy), (lively, present)], key=lambda p: p[0].pk
    )
    assert page.context["total"] == sum(p["score"] for p in page.context["pairs"])
    with translation.override("fr"):
        assert capfirst(str(CRITERION_LABELS["presence"])) in page.content.decode()


def test_accepting_one_pair_proposes_it_and_leaves_the_rest_of_the_proposal(client, world):
    territory, advisor, (calm, lively), (present, busy) = world
    client.force_login(advisor)
    url = reverse("pairings_pairing:proposal_for", args=[territory.pk])
    first = client.get(url).context["pairs"][0]

    response = client.post(url, {"host": first["host"].pk, "guest": first["guest"].pk, "score": first["score"]})
    after = client.get(url)

    assert response.status_code == 302
    pairing = Pairing.objects.get()
    assert (pairing.host, pairing.guest, pairing.score, pairing.created_by) == (
        first["host"],
        first["guest"],
        first["score"],
        advisor,
    )
    assert len(after.context["pairs"]) == 1
    assert first["host"] not in [p["host"] for p in after.context["pairs"]]


def test_accepting_a_pair_taken_meanwhile_is_refused_with_a_message(client, world):
    territory, advisor, (calm, lively), (present, busy) = world
    client.force_login(advisor)
    url = reverse("pairings_pairing:proposal_for", args=[territory.pk])
    client.post(url, {"host": calm.pk, "guest": busy.pk, "score": "50"})

    again = client.post(url, {"host": lively.pk, "guest": busy.pk, "score": "50"})

    assert again.status_code == 409
    assert again.context["refusal"]
    assert Pairing.objects.count() == 1


def test_staff_without_a_territory_to_vet_cannot_open_it_and_others_territories_are_not_found(client, world):
    territory, _advisor, _hosts, _guests = world
    other = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    officer = StaffMembershipFactory(
        organisation__kind="pension_office", organisation__country=territory.country, role="pension_officer"
    ).user

    client.force_login(other)
    assert client.get(reverse("pairings_pairing:proposal")).status_code == 200
    assert client.get(reverse("pairings_pairing:proposal_for", args=[territory.pk])).status_code == 404
    client.force_login(officer)
    assert client.get(reverse("pairings_pairing:proposal")).status_code == 403


def test_staff_can_ask_why_a_guest_is_not_suggested_and_pair_them_by_hand_with_a_reason(client, world):
    territory, advisor, (calm, _lively), (_present, busy) = world
    far = approved("guest", territory, pets_ok=False)
    client.force_login(advisor)
    url = reverse("pairings_pairing:suggestions", args=[calm.pk])
    type(calm).objects.filter(pk=calm.pk).update(answers={**calm.answers, "pets": "un chat"})

    excluded = client.get(url, {"why_not": far.pk})
    unknown = client.get(url, {"why_not": "999999"})
    manual = client.post(url, {"guest": busy.pk, "manual_reason": "Se connaissent déjà, même quartier."})

    assert not excluded.context["why_not"]["explanation"]["suggested"]
    assert [c["constraint"] for c in excluded.context["why_not"]["explanation"]["excluded_because"]] == ["pets"]
    assert unknown.context["why_not_error"]
    assert manual.status_code == 302
    assert Pairing.objects.get().manual_reason == "Se connaissent déjà, même quartier."
