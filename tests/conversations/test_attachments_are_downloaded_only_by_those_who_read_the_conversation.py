"""A document is sent from the message form and downloaded from the thread: by the applicant
from their space, by staff from the back office, never shown in the page nor cached; anyone
else, or a guessed id, finds nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conversations.attachments import attachment_send
from conversations.models import Attachment, AttachmentOpening, Message
from conversations.services import conversation_of_file, message_hide
from tests.workflow.factories import ApplicationFactory, set_state

from .conftest import sign_in
from .private_files import attachment_files  # noqa: F401 - attachments stored in the test's folder

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_the_applicant_sends_a_document_without_a_text_from_the_form(client, sent_file):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    url = reverse("applicant_conversation", args=[conversation.pk])

    sent = client.post(url, {"body": "", "attachment": SimpleUploadedFile("quittance.pdf", PDF)})

    assert sent.status_code == 302
    attachment = Attachment.objects.get(message__conversation=conversation)
    assert attachment.message.body == "quittance.pdf"
    page = client.get(url).content.decode()
    assert reverse("applicant_conversation_attachment", args=[attachment.pk]) in page
    assert 'enctype="multipart/form-data"' in page
    assert 'name="attachment"' in page


def test_an_empty_message_without_a_document_is_still_refused(client, sent_file):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    refused = client.post(reverse("applicant_conversation", args=[conversation.pk]), {"body": "  "})

    assert refused.status_code == 400
    assert not Message.objects.exists()


def test_a_refused_document_is_said_and_nothing_is_stored(client, sent_file):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    refused = client.post(
        reverse("applicant_conversation", args=[conversation.pk]),
        {"body": "Mon script", "attachment": SimpleUploadedFile("note.pdf", b"#!/bin/sh\necho hi\n")},
        headers={"X-Requested-With": "fetch"},
    )

    assert refused.status_code == 400
    assert refused.json()["error"]
    assert not Message.objects.exists()


def test_the_advisor_sends_a_document_and_the_applicant_downloads_it(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    client.force_login(advisor)
    client.post(
        reverse("conversation_admin", args=[conversation.pk]),
        {"body": "La liste des pièces.", "attachment": SimpleUploadedFile("pieces.pdf", PDF)},
    )
    attachment = Attachment.objects.get(message__conversation=conversation)
    assert (
        reverse("conversation_attachment", args=[attachment.pk])
        in client.get(reverse("conversation_admin", args=[conversation.pk])).content.decode()
    )
    client.logout()
    sign_in(client, sent_file)

    response = client.get(reverse("applicant_conversation_attachment", args=[attachment.pk]))

    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="pieces.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert AttachmentOpening.objects.filter(reader=f"person:{sent_file.person_id}").count() == 1


def test_staff_download_from_the_back_office(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    applicant = _applicant(sent_file)
    attachment = attachment_send(
        conversation_id=conversation.pk, uploaded_file=SimpleUploadedFile("bail.pdf", PDF), applicant=applicant
    )
    client.force_login(advisor)

    response = client.get(reverse("conversation_attachment", args=[attachment.pk]))

    assert response.status_code == 200
    assert response.content == PDF
    assert response["X-Content-Type-Options"] == "nosniff"


def test_another_applicant_another_territory_s_advisor_and_a_guessed_id_get_404(
    client, sent_file, advisor, stranger_advisor, territory
):
    conversation = conversation_of_file(sent_file)
    attachment = attachment_send(
        conversation_id=conversation.pk, uploaded_file=SimpleUploadedFile("bail.pdf", PDF), user=advisor
    )
    applicant_url = reverse("applicant_conversation_attachment", args=[attachment.pk])
    staff_url = reverse("conversation_attachment", args=[attachment.pk])

    assert client.get(applicant_url).status_code == 404  # signed out
    client.force_login(stranger_advisor)
    assert client.get(staff_url).status_code == 404
    client.force_login(advisor)
    assert client.get(reverse("conversation_attachment", args=[attachment.pk + 1000])).status_code == 404
    client.logout()
    sign_in(client, set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted"))
    assert client.get(applicant_url).status_code == 404
    assert not AttachmentOpening.objects.exists()


def test_a_hidden_message_shows_no_document_to_the_applicant(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    attachment = attachment_send(
        conversation_id=conversation.pk, uploaded_file=SimpleUploadedFile("rib.pdf", PDF), user=advisor
    )
    message_hide(message_id=attachment.message_id, by=advisor, reason="Envoyé par erreur.")
    sign_in(client, sent_file)
    url = reverse("applicant_conversation_attachment", args=[attachment.pk])

    page = client.get(reverse("applicant_conversation", args=[conversation.pk])).content.decode()

    assert url not in page
    assert "rib.pdf" not in page
    assert client.get(url).status_code == 404


def _applicant(application):
    from workflow.applicant_session import SignedInApplicant

    return SignedInApplicant(person_id=application.person_id, application_ids=frozenset({application.pk}))
