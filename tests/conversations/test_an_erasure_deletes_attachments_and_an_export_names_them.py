"""The documents a person sent in conversations are named in their export; when their file is
anonymised, the documents of the messages whose texts are erased are deleted with their stored
files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conversations.attachments import attachment_send
from conversations.models import Attachment
from conversations.services import conversation_of_file, conversation_of_pairing
from workflow.applicant_session import SignedInApplicant
from workflow.applicants import application_anonymise, application_export

from .private_files import attachment_files, stored  # noqa: F401 - attachments stored in the test's folder

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def as_applicant(application) -> SignedInApplicant:
    return SignedInApplicant(person_id=application.person_id, application_ids=frozenset({application.pk}))


def send(conversation, name, **sender):
    return attachment_send(conversation_id=conversation.pk, uploaded_file=SimpleUploadedFile(name, PDF), **sender)


def test_the_export_names_the_documents_the_applicant_sent(sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    send(conversation, "avis-imposition.pdf", body="Mon avis d'imposition", applicant=as_applicant(sent_file))
    send(conversation, "liste.pdf", user=advisor)

    exported = application_export(sent_file)["messages"]

    assert [(item["text"], item["attachments"]) for item in exported] == [
        ("Mon avis d'imposition", ["avis-imposition.pdf"])
    ]


def test_anonymising_a_file_deletes_the_documents_of_the_erased_messages(
    pairing, advisor, django_capture_on_commit_callbacks
):
    host = pairing.host
    guest = SignedInApplicant(person_id=pairing.guest.person_id, application_ids=frozenset({pairing.guest_id}))
    own, shared = conversation_of_file(host), conversation_of_pairing(pairing)
    deleted = [
        send(own, "identite.pdf", applicant=as_applicant(host)),
        send(own, "reponse.pdf", user=advisor),
        send(shared, "plan.pdf", applicant=as_applicant(host)),
    ]
    kept = send(shared, "carte-etudiant.pdf", applicant=guest)
    names = {attachment.blob.name for attachment in deleted}
    assert all(stored(name) for name in names)

    with django_capture_on_commit_callbacks(execute=True):
        application_anonymise(application_id=host.pk, reason="erasure requested")

    assert list(Attachment.objects.all()) == [kept]
    assert not any(stored(name) for name in names)
    assert stored(kept.blob.name)


def test_a_rolled_back_erasure_keeps_the_stored_files(sent_file, advisor):
    from django.db import transaction

    attachment = send(conversation_of_file(sent_file), "rib.pdf", user=advisor)

    with pytest.raises(RuntimeError), transaction.atomic():
        application_anonymise(application_id=sent_file.pk, reason="erasure requested")
        raise RuntimeError("the erasure failed later")

    assert Attachment.objects.filter(pk=attachment.pk).exists()
    assert stored(attachment.blob.name)
