"""A person who chose the post gets letters: a PDF in the print queue of their association,
seen by its staff only; and what a message must keep secret (a code, a link) is never stored."""

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from documents.letters import letter_pdf
from documents.models import Letter, SigningCode
from tests.workflow.factories import OrganisationFactory, StaffMembershipFactory
from workflow.applicants import applicant_link_send
from workflow.models import ApplicantLink, Notification, Person
from workflow.notifications import notify

from .conftest import emailed_code
from .test_convention_rendering import pdf_text


@pytest.fixture
def by_post(pairing):
    host = pairing.host
    Person.objects.filter(pk=host.person_id).update(
        preferred_channels=["post"], postal_address="3 rue des Lilas", postcode="33000", city="Bordeaux"
    )
    host.refresh_from_db()
    return host


def test_a_change_of_the_file_becomes_a_letter_in_the_associations_queue(by_post, private_storage, tmp_path):
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(
            by_post.person,
            "application.changed",
            {"state": "approved", "reason": ""},
            about=by_post,
            occasion="test",
            application=by_post,
        )

    letter = Letter.objects.get(notification__application=by_post)
    text = pdf_text(letter_pdf(letter), tmp_path)
    assert "Bordeaux" in text and "3 rue des Lilas" in text
    assert by_post.first_name in text
    assert letter.organisation == by_post.territory.associations.get()
    assert (letter.notification.status, letter.notification.channel) == ("sent", "post")
    assert not [m for m in mail.outbox if by_post.email in m.to]


def test_the_print_queue_shows_the_associations_letters_to_its_staff_only(by_post, advisor, client, private_storage):
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(by_post.person, "pairing.changed", {"action": "pairing.proposed"}, about=by_post, application=by_post)
    letter = Letter.objects.get()
    stranger = StaffMembershipFactory(organisation=OrganisationFactory(country=by_post.country)).user

    client.force_login(advisor)
    queue = client.get(reverse("print_queue"))
    download = client.get(reverse("letter_download", args=[letter.pk]))
    client.force_login(stranger)
    elsewhere = client.get(reverse("print_queue")).content.decode()
    refused = client.get(reverse("letter_download", args=[letter.pk]))

    assert queue.status_code == 200 and by_post.last_name in queue.content.decode()
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    assert by_post.last_name not in elsewhere
    assert refused.status_code == 404


def test_a_signing_code_is_made_when_it_leaves_and_never_stored_in_clear(convention):
    guest = convention.pairing.guest

    code = emailed_code(convention, guest)

    notification = Notification.objects.get(kind="convention.signing_code", application=guest)
    assert code not in str(notification.context) and code not in notification.subject
    stored = SigningCode.objects.get(convention=convention, application=guest)
    assert code not in stored.code_hash


def test_a_link_is_made_when_it_leaves_and_its_token_is_never_stored(pairing):
    guest = pairing.guest
    with TestCase.captureOnCommitCallbacks(execute=True):
        applicant_link_send(
            application=guest, purpose="sign_in", build_url=lambda token: f"https://weshare.example/link/{token}/"
        )

    token = mail.outbox[-1].body.split("https://weshare.example/link/")[1].split("/")[0]
    notification = Notification.objects.filter(kind="applicant.sign_in").latest("pk")
    assert token not in str(notification.context)
    assert ApplicantLink.objects.filter(application=guest, email=guest.email).count() == 1


def test_the_file_and_the_pairing_pages_list_the_messages_sent(pairing, advisor, client):
    client.force_login(advisor)

    file_page = client.get(reverse("workflow_application:inspect", args=[pairing.guest_id])).content.decode()
    pairing_page = client.get(reverse("pairings_pairing:inspect", args=[pairing.pk])).content.decode()

    assert 'id="notifications"' in file_page and 'id="notifications"' in pairing_page
    assert Notification.objects.filter(about=f"pairings.pairing:{pairing.pk}").exists()
    proposal = Notification.objects.filter(about=f"pairings.pairing:{pairing.pk}", channel="email").first()
    assert proposal.subject in pairing_page
