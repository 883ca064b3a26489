"""Host and guest answer a proposal from their space, seeing only what is meant to be shown."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from pairings.services import pairing_propose
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

from .test_pairing_life import approved


@pytest.fixture
def client(committing_client):
    return committing_client


@pytest.fixture
def pairing():
    territory = TerritoryFactory(department=True)
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    host = approved("host", territory, room="Chambre au calme, côté jardin", smoking="no")
    guest = approved("guest", territory, programme="student", city="Bordeaux")
    return pairing_propose(host=host, guest=guest, by=advisor)


def sign_in(client, application):
    client.post(reverse("applicant_space"), {"email": application.email})
    link = re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0)
    client.post(link)


def test_the_guest_sees_the_hosts_room_and_rules_but_no_contact_details(client, pairing):
    sign_in(client, pairing.guest)

    page = client.get(reverse("applicant_pairing", args=[pairing.pk])).content.decode()

    assert pairing.host.first_name in page
    assert "Chambre au calme, côté jardin" in page
    assert pairing.host.last_name not in page
    assert pairing.host.email not in page


def test_both_accept_from_their_space(client, pairing):
    sign_in(client, pairing.guest)
    client.post(reverse("applicant_pairing", args=[pairing.pk]), {"answer": "accept"})
    client.post(reverse("applicant_sign_out"))
    sign_in(client, pairing.host)

    client.post(reverse("applicant_pairing", args=[pairing.pk]), {"answer": "accept"})

    pairing.refresh_from_db()
    assert pairing.state == "accepted"


def test_declining_without_a_reason_is_refused_with_a_message(client, pairing):
    sign_in(client, pairing.host)

    response = client.post(reverse("applicant_pairing", args=[pairing.pk]), {"answer": "decline", "reason": " "})

    assert response.status_code == 400
    pairing.refresh_from_db()
    assert pairing.state == "proposed"


def test_nobody_else_sees_the_proposal(client, pairing):
    other = approved("guest", TerritoryFactory(department=True))
    sign_in(client, other)

    assert client.get(reverse("applicant_pairing", args=[pairing.pk])).status_code == 404
