"""A proxy reads a proposal in words about the person they act for: whom she would live with, a
button that accepts for her, and no link to a convention only she may sign (a dead end for them)."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from pairings.services import pairing_propose
from tests.workflow.factories_mandates import mandate_between, signed_in_as

from .conftest import approved


@pytest.fixture
def proposed(territory, advisor):
    return pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)


def _page(client, pairing) -> str:
    with translation.override("en"):
        response = client.get(reverse("applicant_pairing", args=[pairing.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_proxy_answers_for_the_person_by_name(client, proposed):
    host = proposed.host
    mandate = mandate_between(host, rights=["answer"])
    signed_in_as(client, mandate.proxy_id)

    page = _page(client, proposed)

    name = f"{host.first_name} {host.last_name}"
    assert escape(f"Who {name} would live with") in page
    assert escape(f"Accept for {name}") in page and escape(f"Decline for {name}") in page
    assert "Who you would live with" not in page
    assert "I accept" not in page


def test_the_person_still_answers_in_the_first_person(client, proposed):
    signed_in_as(client, proposed.host.person_id)

    page = _page(client, proposed)

    assert "Who you would live with" in page
    assert "I accept" in page


def test_a_proxy_is_told_the_person_signs_the_convention_and_gets_no_link_to_it(client, signing):
    host = signing.host
    mandate = mandate_between(host, rights=["follow"])
    signed_in_as(client, mandate.proxy_id)
    convention = signing.conventions.get()

    page = _page(client, signing)

    with translation.override("en"):
        convention_url = reverse("applicant_convention", args=[convention.pk])
        assert client.get(convention_url).status_code == 404
    assert convention_url not in page
    assert escape(f"{host.first_name} {host.last_name} reads and signs the convention themselves") in page
