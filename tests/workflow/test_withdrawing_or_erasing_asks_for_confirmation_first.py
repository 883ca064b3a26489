"""Withdrawing a file or asking for the erasure of one's data is done from a page that first says
what will happen; opening that page changes nothing."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from .factories import ApplicationFactory, set_state


@pytest.fixture
def client(committing_client):
    return committing_client


def sign_in(client, application):
    client.post(reverse("applicant_space"), {"email": application.email})
    client.post(re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0))


def test_the_space_links_to_the_confirmation_pages_rather_than_acting_at_once(client):
    application = set_state(ApplicationFactory(), "in_review")
    sign_in(client, application)

    page = client.get(reverse("applicant_space")).content.decode()

    assert f'href="{reverse("applicant_withdraw", args=[application.pk])}"' in page
    assert f'href="{reverse("applicant_erasure", args=[application.pk])}"' in page
    assert f'action="{reverse("applicant_withdraw", args=[application.pk])}"' not in page


def test_opening_the_withdrawal_page_says_what_will_happen_and_changes_nothing(client):
    application = set_state(ApplicationFactory(), "in_review")
    sign_in(client, application)

    with translation.override("en"):
        response = client.get(reverse("applicant_withdraw", args=[application.pk]))

    application.refresh_from_db()
    assert response.status_code == 200
    assert application.state == "in_review"
    body = response.content.decode()
    assert "What will happen" in body and 'name="reason"' in body


def test_confirming_withdraws_the_file(client):
    application = set_state(ApplicationFactory(), "in_review")
    sign_in(client, application)

    response = client.post(reverse("applicant_withdraw", args=[application.pk]), {"reason": "Trouvé"})

    application.refresh_from_db()
    assert response.status_code == 302
    assert application.state == "withdrawn"


def test_opening_the_erasure_page_records_nothing(client):
    application = set_state(ApplicationFactory(), "approved")
    sign_in(client, application)

    response = client.get(reverse("applicant_erasure", args=[application.pk]))

    application.refresh_from_db()
    assert response.status_code == 200
    assert application.erasure_requested_at is None


def test_confirming_records_the_erasure_request(client):
    application = set_state(ApplicationFactory(), "approved")
    sign_in(client, application)

    client.post(reverse("applicant_erasure", args=[application.pk]))

    application.refresh_from_db()
    assert application.erasure_requested_at is not None


def test_a_closed_file_has_nothing_to_withdraw(client):
    application = set_state(ApplicationFactory(), "rejected")
    sign_in(client, application)

    with translation.override("en"):
        body = client.get(reverse("applicant_withdraw", args=[application.pk])).content.decode()

    assert "nothing to withdraw" in body and 'name="reason"' not in body


def test_nobody_opens_the_confirmation_pages_of_someone_elses_file(client):
    mine, theirs = ApplicationFactory(), ApplicationFactory()
    sign_in(client, mine)

    assert client.get(reverse("applicant_withdraw", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("applicant_erasure", args=[theirs.pk])).status_code == 404
