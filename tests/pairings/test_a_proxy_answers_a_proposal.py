"""A proxy with the right to answer accepts or declines a proposal for the person, written in the
person's journal; a proxy who only follows reads it and cannot answer."""

import pytest
from django.urls import reverse

from pairings.services import pairing_propose
from tests.workflow.factories_mandates import mandate_between, signed_in_as
from workflow.models import ProxyAction

from .conftest import approved


@pytest.fixture
def proposed(territory, advisor):
    return pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)


def test_a_proxy_with_the_right_to_answer_accepts_for_the_person(client, proposed):
    mandate = mandate_between(proposed.host, rights=["answer"])
    signed_in_as(client, mandate.proxy_id)

    response = client.post(reverse("applicant_pairing", args=[proposed.pk]), {"answer": "accept"})

    proposed.refresh_from_db()
    assert response.status_code == 302
    assert proposed.host_accepted_at is not None
    action = ProxyAction.objects.get()
    assert (action.action, action.person_id, action.proxy_id) == (
        "proxy.proposal_answered",
        proposed.host.person_id,
        mandate.proxy_id,
    )
    assert action.details == {"accept": True}


def test_a_proxy_who_only_follows_reads_the_proposal_but_cannot_answer(client, proposed):
    mandate = mandate_between(proposed.host, rights=["follow"])
    signed_in_as(client, mandate.proxy_id)

    page = client.get(reverse("applicant_pairing", args=[proposed.pk]))
    refused = client.post(reverse("applicant_pairing", args=[proposed.pk]), {"answer": "accept"})

    proposed.refresh_from_db()
    assert page.status_code == 200
    assert refused.status_code == 403
    assert proposed.host_accepted_at is None
    assert not ProxyAction.objects.exists()


def test_after_revocation_the_proposal_is_not_found(client, proposed):
    from workflow.mandates import mandate_revoke

    mandate = mandate_between(proposed.host, rights=["answer"])
    mandate_revoke(mandate_id=mandate.pk, person_id=proposed.host.person_id)
    signed_in_as(client, mandate.proxy_id)

    assert client.post(reverse("applicant_pairing", args=[proposed.pk]), {"answer": "accept"}).status_code == 404
