"""Advisors see suggestions with their explanations, propose a pair and lead it from the admin."""

import pytest
from django.urls import reverse

from pairings.models import Pairing
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

from .test_pairing_life import approved


@pytest.fixture
def world():
    territory = TerritoryFactory(department=True)
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    host = approved("host", territory)
    guest = approved("guest", territory)
    return territory, advisor, host, guest


def test_an_advisor_sees_the_suggested_guests_with_their_scores_and_proposes_one(client, world):
    _territory, advisor, host, guest = world
    client.force_login(advisor)
    url = reverse("pairings_pairing:suggestions", args=[host.pk])

    page = client.get(url)
    response = client.post(url, {"guest": guest.pk, "score": "70"})

    assert page.status_code == 200
    assert str(guest) in page.content.decode()
    assert response.status_code == 302
    pairing = Pairing.objects.get(host=host)
    assert pairing.guest == guest
    assert client.get(reverse("pairings_pairing:inspect", args=[pairing.pk])).status_code == 200


def test_proposing_a_person_already_paired_is_refused_on_the_page(client, world):
    territory, advisor, host, guest = world
    client.force_login(advisor)
    client.post(reverse("pairings_pairing:suggestions", args=[host.pk]), {"guest": guest.pk, "score": "70"})
    other_host = approved("host", territory)

    response = client.post(
        reverse("pairings_pairing:suggestions", args=[other_host.pk]), {"guest": guest.pk, "score": "60"}
    )

    assert response.status_code == 409
    assert Pairing.objects.count() == 1


def test_an_advisor_of_another_territory_sees_neither_suggestions_nor_pairings(client, world):
    _territory, advisor, host, guest = world
    client.force_login(advisor)
    client.post(reverse("pairings_pairing:suggestions", args=[host.pk]), {"guest": guest.pk, "score": "70"})
    pairing = Pairing.objects.get()
    stranger = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    client.force_login(stranger)

    assert client.get(reverse("pairings_pairing:suggestions", args=[host.pk])).status_code == 404
    assert client.get(reverse("pairings_pairing:inspect", args=[pairing.pk])).status_code == 404
    assert str(host) not in client.get(reverse("pairings_pairing:index")).content.decode()


def test_a_pairing_is_cancelled_from_its_page_with_a_reason(client, world):
    _territory, advisor, host, guest = world
    client.force_login(advisor)
    client.post(reverse("pairings_pairing:suggestions", args=[host.pk]), {"guest": guest.pk, "score": "70"})
    pairing = Pairing.objects.get()
    url = reverse("pairings_pairing:inspect", args=[pairing.pk])

    refused = client.post(url, {"action": "cancel", "comment": "", "expected_state": "proposed"})
    done = client.post(url, {"action": "cancel", "comment": "Le jeune part à l'étranger", "expected_state": "proposed"})

    assert refused.status_code == 409
    assert done.status_code == 302
    pairing.refresh_from_db()
    assert pairing.state == "cancelled"
