"""A proxy with the right to send documents adds one to the person's file, written in the
person's journal and in the audit trail with both identities; without the right, nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from documents.models import SupportingDocument
from tests.workflow.factories_mandates import mandate_between, senior_file, signed_in_as
from workflow.models import ProxyAction

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def senior(private_storage):
    return senior_file(state="in_review")


def _send(client, application):
    return client.post(
        reverse("applicant_document_upload", args=[application.pk]),
        {"kind": "identity", "file": SimpleUploadedFile("carte.pdf", PDF)},
    )


def test_a_proxy_with_the_upload_right_sends_a_document_for_the_person(client, senior):
    mandate = mandate_between(senior, rights=["upload"])
    signed_in_as(client, mandate.proxy_id)

    response = _send(client, senior)

    assert response.status_code == 302
    assert response["Location"] == reverse("applicant_proxy_file", args=[senior.pk])
    document = SupportingDocument.objects.get(application=senior)
    assert document.kind == "identity"
    action = ProxyAction.objects.get()
    assert (action.right, action.person_id, action.proxy_id) == ("upload", senior.person_id, mandate.proxy_id)
    assert action.details == {"kind": "identity"}
    event = AuditEvent.objects.get(action="proxy.document_uploaded")
    assert event.data["document_id"] == document.pk
    assert event.data["on_behalf_of"] == senior.person_id
    assert event.actor == f"applicant:{mandate.proxy_id}"


def test_a_proxy_without_the_upload_right_cannot_send_a_document(client, senior):
    mandate = mandate_between(senior, rights=["follow", "write"])
    signed_in_as(client, mandate.proxy_id)

    assert _send(client, senior).status_code == 404
    assert not SupportingDocument.objects.exists()
    assert not ProxyAction.objects.exists()


def test_a_refused_file_is_explained_on_the_proxys_page(client, senior):
    mandate = mandate_between(senior, rights=["upload"])
    signed_in_as(client, mandate.proxy_id)

    response = client.post(
        reverse("applicant_document_upload", args=[senior.pk]),
        {"kind": "identity", "file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")},
        follow=True,
    )

    assert not SupportingDocument.objects.exists()
    assert not ProxyAction.objects.exists()
    assert "PDF" in response.content.decode()
