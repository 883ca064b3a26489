"""Nobody enters another applicant's space by rewriting a draft's address after asking for a link.

The attack: start the public form with one's own address, ask for a sign-in link for it, send
the first step of the same draft again with the victim's address, then use the link.
"""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from documents.services import document_upload
from workflow.applicants import application_save_answers
from workflow.models import ApplicantLink, Application

from .factories import ApplicationFactory, set_state
from .test_applying_online import form_page, guest_steps

VICTIM = "victim@example.org"
ATTACKER = "attacker@example.org"


@pytest.fixture
def client(committing_client):
    return committing_client


@pytest.fixture
def victim(private_storage):
    application = set_state(
        ApplicationFactory(email=VICTIM, first_name="Victoire", email_confirmed_at=timezone.now()), "in_review"
    )
    picture = io.BytesIO()
    Image.new("RGB", (20, 20), "green").save(picture, format="PNG")
    document = document_upload(
        application=application, kind="identity", uploaded_file=SimpleUploadedFile("id.png", picture.getvalue())
    )
    return application, document


def sign_in_link(message) -> str:
    return re.search(r"https?://\S+/my-application/link/\S+/", message.body).group(0)


def test_rewriting_the_drafts_address_after_asking_for_a_link_shows_nothing_of_the_victim(client, victim):
    victim_file, victim_document = victim
    page = form_page("guest", "es")
    first_step = {**guest_steps()[0], "email": ATTACKER}
    assert client.post(page.url, first_step).status_code == 302
    client.post(reverse("applicant_space"), {"email": ATTACKER})
    link = sign_in_link(mail.outbox[-1])
    assert mail.outbox[-1].to == [ATTACKER]

    client.post(page.url, {**first_step, "email": VICTIM})
    used = client.post(link)
    space = client.get(reverse("applicant_space"))

    assert used.status_code == 400
    assert space.context.get("applications") is None
    assert client.get(reverse("applicant_export", args=[victim_file.pk])).status_code == 404
    assert client.get(reverse("applicant_document", args=[victim_document.pk])).status_code == 404
    assert client.get(reverse("applicant_data_export", args=[victim_file.pk])).status_code == 404
    upload = client.post(
        reverse("applicant_document_upload", args=[victim_file.pk]),
        {"kind": "identity", "file": SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n")},
    )
    assert upload.status_code == 404
    assert victim_file.supporting_documents.count() == 1


def test_changing_a_drafts_address_cancels_its_open_links(client):
    page = form_page("guest", "es")
    first_step = {**guest_steps()[0], "email": ATTACKER}
    client.post(page.url, first_step)
    client.post(reverse("applicant_space"), {"email": ATTACKER})

    client.post(page.url, {**first_step, "email": "someone.new@example.org"})

    draft = Application.objects.get(email="someone.new@example.org")
    assert draft.links.filter(cancelled_at__isnull=True, used_at__isnull=True).count() == 0
    assert draft.email_confirmed_at is None


def test_a_link_works_only_while_the_file_has_the_address_it_was_sent_to(client):
    application = ApplicationFactory(email="first@example.org")
    client.post(reverse("applicant_space"), {"email": "first@example.org"})
    link = sign_in_link(mail.outbox[-1])
    # Even if the address were rewritten without going through the form's services:
    Application.objects.filter(pk=application.pk).update(email=VICTIM)

    assert client.post(link).status_code == 400
    assert ApplicantLink.objects.get().used_at is None


def test_a_confirmed_address_never_changes_silently(django_capture_on_commit_callbacks):
    application = set_state(
        ApplicationFactory(email="confirmed@example.org", email_confirmed_at=timezone.now()), "sent_back"
    )

    with django_capture_on_commit_callbacks(execute=True):
        application_save_answers(application_id=application.pk, answers={}, identity={"email": "new@example.org"})

    application.refresh_from_db()
    assert application.email == "new@example.org"
    assert application.email_confirmed_at is None
    (warning,) = mail.outbox
    assert warning.to == ["confirmed@example.org"]
    assert "/my-application/" in warning.body


def test_another_persons_form_key_starts_a_new_file_instead_of_rewriting_theirs(client, django_user_model):
    page = form_page("guest", "es")
    steps = guest_steps()
    from django.test import Client

    owner = Client()
    owner.post(page.url, steps[0])
    theirs = Application.objects.get(email=steps[0]["email"])

    client.post(page.url, {**steps[0], "email": ATTACKER, "first_name": "Mallory"})

    theirs.refresh_from_db()
    assert theirs.first_name == "Lucía" and theirs.email == steps[0]["email"]
    assert Application.objects.get(email=ATTACKER).pk != theirs.pk


def test_a_draft_someone_typed_your_address_into_is_not_in_your_space(client, victim):
    victim_file, _document = victim
    stranger = ApplicationFactory(email=VICTIM, first_name="Intrus")

    client.post(reverse("applicant_space"), {"email": VICTIM})
    client.post(sign_in_link(mail.outbox[-1]))
    shown = [application.pk for application in client.get(reverse("applicant_space")).context["applications"]]

    assert shown == [victim_file.pk]
    assert client.get(reverse("applicant_export", args=[stranger.pk])).status_code == 404
