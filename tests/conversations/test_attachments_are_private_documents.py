"""A document sent in a conversation goes through the private-document pipeline: its type is
judged by its content, it is bounded in size and encrypted at rest, and every opening is
recorded. A refused file leaves no message behind."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from audit.models import AuditEvent
from conversations.attachments import attachment_read, attachment_send
from conversations.exceptions import ConversationNotFound, MessageRefused
from conversations.models import Attachment, AttachmentOpening, Message
from conversations.services import conversation_of_file, conversation_of_pairing, message_hide
from workflow.applicant_session import SignedInApplicant

from .private_files import attachment_files, stored_names  # noqa: F401 - attachments stored in the test's folder

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), "teal").save(out, format="PNG")
    return out.getvalue()


def as_applicant(application) -> SignedInApplicant:
    return SignedInApplicant(person_id=application.person_id, application_ids=frozenset({application.pk}))


def upload(data: bytes, name: str = "bail.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def refusal(**sending) -> str:
    """The reason, in English, why sending is refused."""
    with translation.override("en"):
        with pytest.raises(MessageRefused) as refused:
            attachment_send(**sending)
        return str(refused.value.message)


def test_the_applicant_sends_a_pdf_with_a_message(sent_file):
    conversation = conversation_of_file(sent_file)

    attachment = attachment_send(
        conversation_id=conversation.pk,
        uploaded_file=upload(PDF, "../../Attestation CROUS.pdf"),
        body="Voici mon attestation.",
        applicant=as_applicant(sent_file),
    )

    message = Message.objects.get(conversation=conversation)
    assert message.body == "Voici mon attestation."
    assert message.author_person_id == sent_file.person_id
    assert list(message.attachments.all()) == [attachment]
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "Attestation CROUS.pdf",
        "application/pdf",
        len(PDF),
    )
    assert AuditEvent.objects.filter(action="conversation.attachment_sent", application_id=sent_file.pk).exists()


def test_the_advisor_sends_a_photo_without_a_text_and_the_message_says_its_name(pairing, advisor):
    conversation = conversation_of_pairing(pairing)

    attachment = attachment_send(conversation_id=conversation.pk, uploaded_file=upload(png(), "plan.png"), user=advisor)

    assert attachment.message.body == "plan.png"
    assert attachment.message.author_user == advisor
    assert attachment.content_type == "image/png"


def test_the_type_is_judged_by_the_content_not_by_the_name(sent_file):
    conversation = conversation_of_file(sent_file)

    attachment = attachment_send(
        conversation_id=conversation.pk, uploaded_file=upload(png(), "photo"), applicant=as_applicant(sent_file)
    )

    assert attachment.content_type == "image/png"
    assert "does not match its content" in refusal(
        conversation_id=conversation.pk, uploaded_file=upload(png(), "photo.pdf"), applicant=as_applicant(sent_file)
    )


def test_a_program_named_like_a_pdf_is_refused_and_no_message_is_stored(sent_file):
    conversation = conversation_of_file(sent_file)

    refused = refusal(
        conversation_id=conversation.pk,
        uploaded_file=upload(EXE, "facture.pdf"),
        body="Ma facture",
        applicant=as_applicant(sent_file),
    )

    assert refused == "Only PDF files and JPEG or PNG photos are accepted."
    assert not Message.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_names() == []


def test_a_file_too_big_is_refused_with_the_limit(sent_file):
    conversation = conversation_of_file(sent_file)
    too_big = PDF + b"0" * (10 * 1024 * 1024)

    refused = refusal(conversation_id=conversation.pk, uploaded_file=upload(too_big), applicant=as_applicant(sent_file))

    assert "larger than 10 MB" in refused
    assert not Message.objects.exists()


def test_a_file_in_a_conversation_one_does_not_take_part_in_is_not_stored(sent_file, stranger_advisor):
    conversation = conversation_of_file(sent_file)

    with pytest.raises(ConversationNotFound):
        attachment_send(conversation_id=conversation.pk, uploaded_file=upload(PDF), user=stranger_advisor)

    assert not Attachment.objects.exists()


def test_the_file_is_stored_encrypted(sent_file):
    conversation = conversation_of_file(sent_file)

    attachment = attachment_send(
        conversation_id=conversation.pk, uploaded_file=upload(PDF), applicant=as_applicant(sent_file)
    )

    with attachment.blob.open("rb") as handle:
        stored = handle.read()
    assert stored != PDF
    assert b"%PDF" not in stored
    assert attachment.blob.name.startswith("conversations/")


def test_every_opening_is_recorded(sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    attachment = attachment_send(
        conversation_id=conversation.pk, uploaded_file=upload(PDF), applicant=as_applicant(sent_file)
    )

    assert attachment_read(attachment_id=attachment.pk, user=advisor) == (attachment, PDF)
    assert attachment_read(attachment_id=attachment.pk, applicant=as_applicant(sent_file))[1] == PDF
    attachment_read(attachment_id=attachment.pk, user=advisor)

    assert sorted(AttachmentOpening.objects.filter(attachment=attachment).values_list("reader", flat=True)) == [
        f"person:{sent_file.person_id}",
        f"user:{advisor.pk}",
        f"user:{advisor.pk}",
    ]
    assert AuditEvent.objects.filter(action="conversation.attachment_opened", object_id=str(attachment.pk)).count() == 3


def test_strangers_and_guessed_ids_find_nothing(sent_file, advisor, stranger_advisor, territory):
    from tests.workflow.factories import ApplicationFactory, set_state

    conversation = conversation_of_file(sent_file)
    attachment = attachment_send(conversation_id=conversation.pk, uploaded_file=upload(PDF), user=advisor)
    other = set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")

    for reader in ({"user": stranger_advisor}, {"applicant": as_applicant(other)}, {}):
        with pytest.raises(ConversationNotFound):
            attachment_read(attachment_id=attachment.pk, **reader)
    with pytest.raises(ConversationNotFound):
        attachment_read(attachment_id=attachment.pk + 1000, user=advisor)
    assert not AttachmentOpening.objects.exists()


def test_a_hidden_message_s_attachment_is_kept_from_the_applicant(pairing, advisor):
    conversation = conversation_of_pairing(pairing)
    guest = SignedInApplicant(person_id=pairing.guest.person_id, application_ids=frozenset({pairing.guest_id}))
    attachment = attachment_send(
        conversation_id=conversation.pk, uploaded_file=upload(PDF), applicant=as_applicant(pairing.host)
    )

    message_hide(message_id=attachment.message_id, by=advisor, reason="Document sans rapport.")

    for applicant in (guest, as_applicant(pairing.host)):
        with pytest.raises(ConversationNotFound):
            attachment_read(attachment_id=attachment.pk, applicant=applicant)
    assert attachment_read(attachment_id=attachment.pk, user=advisor)[1] == PDF


def test_a_resend_with_the_same_reference_stores_the_file_once(sent_file):
    conversation = conversation_of_file(sent_file)
    reference = "4b0f6a2e-5d7c-4f1e-9a63-0c1d2e3f4a5b"

    first = attachment_send(
        conversation_id=conversation.pk,
        uploaded_file=upload(PDF),
        applicant=as_applicant(sent_file),
        client_id=reference,
    )
    again = attachment_send(
        conversation_id=conversation.pk,
        uploaded_file=upload(PDF),
        applicant=as_applicant(sent_file),
        client_id=reference,
    )

    assert again == first
    assert Attachment.objects.count() == 1
