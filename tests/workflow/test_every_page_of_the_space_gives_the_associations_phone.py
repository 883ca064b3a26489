"""Every page of a signed-in applicant's space (the space, their proposal, their conversation,
their convention) gives the phone number and opening hours of the association that accompanies
them, from the site's frame; nobody else sees them."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.pairings.conftest import approved, rendered_convention

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering

PHONE = "05 56 12 34 56"
HOURS = "Du lundi au vendredi, de 9 h à 17 h"


@pytest.fixture
def client(committing_client):
    return committing_client


def sign_in(client, application):
    client.post(reverse("applicant_space"), {"email": application.email})
    client.post(re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0))


@pytest.fixture
def pairing():
    territory = ApplicationFactory().territory
    association = association_covering(territory)
    association.phone, association.opening_hours = PHONE, HOURS
    association.save()
    advisor = StaffMembershipFactory(organisation=association).user
    proposed = pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)
    proposed.advisor = advisor
    proposed.association = association
    return proposed


def contact_band(response) -> str:
    html = response.content.decode()
    assert response.status_code == 200, html[:2000]
    start = html.index('<aside class="association-contact"')
    return html[start : html.index("</aside>", start)]


def test_the_space_the_proposal_and_the_conversation_give_the_associations_phone_and_hours(client, pairing):
    sign_in(client, pairing.host)
    pages = [
        client.get(reverse("applicant_space")),
        client.get(reverse("applicant_pairing", args=[pairing.pk])),
        client.get(reverse("applicant_conversation_pairing", args=[pairing.pk]), follow=True),
    ]

    for response in pages:
        band = contact_band(response)
        assert pairing.association.name in band
        assert f'href="tel:{PHONE.replace(" ", "")}"' in band
        assert PHONE in band
        assert HOURS in band


def test_the_convention_page_gives_them_too(client, pairing):
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        pairing_act(pairing_id=pairing.pk, action=action, by=pairing.advisor)
    rendered_convention(pairing)
    pairing_act(pairing_id=pairing.pk, action="open_signing", by=pairing.advisor)
    sign_in(client, pairing.guest)

    band = contact_band(client.get(reverse("applicant_convention", args=[pairing.conventions.get().pk])))

    assert PHONE in band and HOURS in band


def test_the_public_pages_of_a_signed_in_applicant_give_them_too(client, pairing, demo):
    sign_in(client, pairing.host)

    assert PHONE in contact_band(client.get("/fr/"))


def test_a_visitor_who_is_not_signed_in_sees_no_association(client, pairing, demo):
    for response in (client.get("/fr/"), client.get(reverse("applicant_space"))):
        assert "association-contact" not in response.content.decode()


def test_an_applicant_sees_only_the_association_of_their_own_file(client, pairing):
    other = ApplicationFactory()
    theirs = association_covering(other.territory)
    theirs.phone = "01 02 03 04 05"
    theirs.save()
    sign_in(client, other)

    band = contact_band(client.get(reverse("applicant_space")))

    assert "01 02 03 04 05" in band
    assert PHONE not in band
