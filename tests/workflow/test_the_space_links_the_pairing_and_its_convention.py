"""From the space, an applicant reaches their proposal at every state of their pairing, and their
convention once one is past its draft; the check-ins planned with their advisor are listed."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.pairings.conftest import approved, rendered_convention

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering


@pytest.fixture
def client(committing_client):
    return committing_client


def sign_in(client, application):
    client.post(reverse("applicant_space"), {"email": application.email})
    client.post(re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0))


@pytest.fixture
def pairing():
    territory = ApplicationFactory().territory
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    proposed = pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)
    proposed.advisor = advisor
    return proposed


def test_a_proposal_is_linked_from_the_space(client, pairing):
    sign_in(client, pairing.guest)

    page = client.get(reverse("applicant_space")).content.decode()

    assert page.count(f'href="{reverse("applicant_pairing", args=[pairing.pk])}"') == 1


def test_a_convention_being_signed_is_linked_from_the_space(client, pairing):
    advisor = pairing.advisor
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
    rendered_convention(pairing)
    pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)
    convention = pairing.conventions.get()
    sign_in(client, pairing.host)

    page = client.get(reverse("applicant_space")).content.decode()

    assert f'href="{reverse("applicant_pairing", args=[pairing.pk])}"' in page
    assert f'href="{reverse("applicant_convention", args=[convention.pk])}"' in page
    assert "None" not in page
