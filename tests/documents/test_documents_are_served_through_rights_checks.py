"""Private documents are downloaded only through views that check rights; uploads come from the applicant's space."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import DocumentAccess, SupportingDocument
from documents.services import document_upload
from tests.workflow.factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def application(private_storage):
    return set_state(ApplicationFactory(), "in_review")


@pytest.fixture
def client(committing_client):
    """Links are emailed once the transaction commits: each request's commit callbacks run as it ends."""
    return committing_client


def sign_in_as_applicant(client, application):
    client.post(reverse("applicant_space"), {"email": application.email})
    link = re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0)
    client.post(link)


def test_an_advisor_downloads_and_verifies_a_document_from_the_admin(client, application):
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    document = document_upload(
        application=application, kind="identity", uploaded_file=SimpleUploadedFile("id.pdf", PDF)
    )
    client.force_login(advisor)

    response = client.get(reverse("private_document", args=[document.pk]))
    verified = client.post(reverse("private_document_verify", args=[document.pk]))

    assert response.status_code == 200
    assert response.content == PDF
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment;")
    assert verified.status_code == 302
    document.refresh_from_db()
    assert document.verified_by == advisor


def test_a_document_of_another_territory_answers_404(client, application):
    stranger = StaffMembershipFactory(organisation=association_covering(ApplicationFactory().territory)).user
    document = document_upload(
        application=application, kind="identity", uploaded_file=SimpleUploadedFile("id.pdf", PDF)
    )
    client.force_login(stranger)

    assert client.get(reverse("private_document", args=[document.pk])).status_code == 404
    assert client.post(reverse("private_document_verify", args=[document.pk])).status_code == 404
    document.refresh_from_db()
    assert document.verified_at is None


def test_documents_are_not_in_the_public_media(client, application, settings):
    document = document_upload(
        application=application, kind="identity", uploaded_file=SimpleUploadedFile("id.pdf", PDF)
    )

    assert not document.blob.path.startswith(str(settings.MEDIA_ROOT))
    assert client.get(f"/media/{document.blob.name}").status_code == 404


def test_the_applicant_uploads_a_missing_document_from_their_space_and_downloads_it(client, application):
    sign_in_as_applicant(client, application)

    client.post(
        reverse("applicant_document_upload", args=[application.pk]),
        {"kind": "enrolment", "file": SimpleUploadedFile("certificado.pdf", PDF)},
    )

    document = SupportingDocument.objects.get(application=application)
    assert document.kind == "enrolment"
    assert client.get(reverse("applicant_document", args=[document.pk])).content == PDF
    assert DocumentAccess.objects.filter(document=document, by_applicant=True, action="downloaded").exists()


def test_a_refused_upload_is_explained_and_stores_nothing(client, application):
    sign_in_as_applicant(client, application)

    response = client.post(
        reverse("applicant_document_upload", args=[application.pk]),
        {"kind": "identity", "file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")},
    )

    assert response.status_code == 400
    assert not SupportingDocument.objects.exists()
    assert "PDF" in response.content.decode()


def test_nobody_uploads_to_someone_elses_file(client, application):
    other = ApplicationFactory()
    sign_in_as_applicant(client, application)

    response = client.post(
        reverse("applicant_document_upload", args=[other.pk]),
        {"kind": "identity", "file": SimpleUploadedFile("id.pdf", PDF)},
    )

    assert response.status_code == 404
    assert not SupportingDocument.objects.exists()


def test_an_advisor_adds_a_home_visit_photo_to_the_file(client, application):
    import io

    from PIL import Image

    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    photo = io.BytesIO()
    Image.new("RGB", (60, 40), "green").save(photo, format="JPEG")
    client.force_login(advisor)

    response = client.post(
        reverse("private_document_upload", args=[application.pk]),
        {"kind": "home_visit_photo", "file": SimpleUploadedFile("chambre.jpg", photo.getvalue())},
    )

    assert response.status_code == 302
    document = SupportingDocument.objects.get(application=application)
    assert (document.kind, document.uploaded_by) == ("home_visit_photo", advisor)


def test_an_advisor_of_another_territory_cannot_add_documents(client, application):
    stranger = StaffMembershipFactory(organisation=association_covering(ApplicationFactory().territory)).user
    client.force_login(stranger)

    response = client.post(
        reverse("private_document_upload", args=[application.pk]),
        {"kind": "identity", "file": SimpleUploadedFile("id.pdf", PDF)},
    )

    assert response.status_code == 404
    assert not SupportingDocument.objects.exists()


def test_the_applicant_downloads_their_data_and_documents_as_a_zip(client, application):
    import io
    import json
    import zipfile

    document_upload(application=application, kind="identity", uploaded_file=SimpleUploadedFile("id.pdf", PDF))
    sign_in_as_applicant(client, application)

    response = client.get(reverse("applicant_data_export", args=[application.pk]))

    assert response["Content-Type"] == "application/zip"
    bundle = zipfile.ZipFile(io.BytesIO(response.content))
    names = bundle.namelist()
    assert "application.json" in names
    assert json.loads(bundle.read("application.json"))["application"]["email"] == application.email
    (document_name,) = [n for n in names if n.startswith("documents/")]
    assert bundle.read(document_name) == PDF


def test_a_kind_of_document_the_file_does_not_ask_is_refused_whatever_the_browser_posts(client, application):
    sign_in_as_applicant(client, application)

    response = client.post(
        reverse("applicant_document_upload", args=[application.pk]),
        {"kind": "home_visit_photo", "file": SimpleUploadedFile("photo.pdf", PDF)},
    )

    assert response.status_code == 400
    assert not SupportingDocument.objects.exists()
