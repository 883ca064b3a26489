"""Applicants sign in by a one-time link and follow, download, withdraw or ask to erase their file."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state


@pytest.fixture
def client(committing_client):
    """Links are emailed once the transaction commits: each request's commit callbacks run as it ends."""
    return committing_client


def space_url():
    return reverse("applicant_space")


def sign_in(client, application):
    client.post(space_url(), {"email": application.email.upper()})
    link = re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0)
    client.post(link)
    return link


def test_signing_in_shows_the_file_and_the_advisors_message(client):
    application = set_state(ApplicationFactory(status_reason="Ajoutez votre certificat."), "sent_back")

    sign_in(client, application)
    response = client.get(space_url())

    body = response.content.decode()
    assert response.status_code == 200
    assert "Ajoutez votre certificat." in body
    assert str(application.territory) in body


def test_an_unknown_address_gets_the_same_answer_and_no_email(client):
    response = client.post(space_url(), {"email": "nobody@example.org"})

    assert response.status_code == 200
    assert mail.outbox == []


def test_a_sign_in_link_works_once(client):
    application = ApplicationFactory()
    link = sign_in(client, application)
    client.post(reverse("applicant_sign_out"))

    response = client.post(link)

    assert response.status_code == 400


def test_an_applicant_withdraws_from_their_space(client):
    application = set_state(ApplicationFactory(), "in_review")
    sign_in(client, application)

    client.post(reverse("applicant_withdraw", args=[application.pk]), {"reason": "J'ai trouvé un logement."})

    application.refresh_from_db()
    assert application.state == "withdrawn"
    assert application.status_reason == "J'ai trouvé un logement."


def test_an_applicant_downloads_their_data(client):
    application = set_state(ApplicationFactory(answers={"budget": "90"}), "submitted")
    sign_in(client, application)

    response = client.get(reverse("applicant_export", args=[application.pk]))

    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["application"]["email"] == application.email
    assert data["application"]["answers"] == {"budget": "90"}


def test_nobody_reaches_someone_elses_file(client):
    mine = ApplicationFactory()
    theirs = ApplicationFactory()
    sign_in(client, mine)

    assert client.get(reverse("applicant_export", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("applicant_withdraw", args=[theirs.pk])).status_code == 404
    client.post(reverse("applicant_sign_out"))
    assert client.get(reverse("applicant_export", args=[mine.pk])).status_code == 404


def test_an_erasure_request_is_recorded_and_the_association_told_once(client):
    application = set_state(ApplicationFactory(), "approved")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    sign_in(client, application)
    mail.outbox.clear()

    client.post(reverse("applicant_erasure", args=[application.pk]))
    client.post(reverse("applicant_erasure", args=[application.pk]))

    application.refresh_from_db()
    assert application.erasure_requested_at is not None
    (message,) = mail.outbox
    assert message.to == [advisor.email]


def test_a_malformed_email_gets_a_clear_message(client):
    response = client.post(space_url(), {"email": "not an email" * 50})

    assert response.status_code == 400
    assert mail.outbox == []


def test_withdrawing_a_closed_file_is_refused_with_a_message(client):
    application = set_state(ApplicationFactory(), "rejected")
    sign_in(client, application)

    response = client.post(reverse("applicant_withdraw", args=[application.pk]))

    assert response.status_code == 409
    application.refresh_from_db()
    assert application.state == "rejected"
