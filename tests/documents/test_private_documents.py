"""Supporting documents are checked by content, encrypted at rest and opened only by those entitled."""

import io
import zipfile

import pytest
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from documents import content
from documents.exceptions import DocumentNotFound, DocumentRefused
from documents.models import DocumentAccess
from documents.services import document_read, document_upload, document_verify, documents_reencrypt
from tests.workflow.factories import ApplicationFactory, StaffMembershipFactory, association_covering
from workflow.applicant_session import SignedInApplicant

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), "orange")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {2: (48.0, 51.0, 0.0)}  # GPS position
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(application, data, name="document.pdf", kind="identity", by=None):
    return document_upload(application=application, kind=kind, uploaded_file=SimpleUploadedFile(name, data), by=by)


@pytest.fixture
def application(private_storage):
    return ApplicationFactory()


@pytest.mark.clock(tick=True)  # the access log is read newest first
def test_a_pdf_is_stored_encrypted_and_read_back_by_an_advisor_of_the_territory(application):
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user

    document = upload(application, PDF)

    stored = document.blob.open("rb").read()
    assert b"%PDF" not in stored
    assert document_read(document=document, user=advisor) == PDF
    assert list(DocumentAccess.objects.filter(document=document).values_list("action", "user")) == [
        ("downloaded", advisor.pk),
        ("uploaded", None),
    ]


def test_an_advisor_of_another_territory_cannot_open_it(application):
    stranger = StaffMembershipFactory(organisation=association_covering(ApplicationFactory().territory)).user
    document = upload(application, PDF)

    with pytest.raises(DocumentNotFound):
        document_read(document=document, user=stranger)
    assert not DocumentAccess.objects.filter(action="downloaded").exists()


def test_the_applicant_reads_their_own_document_only(application):
    document = upload(application, PDF)

    other = ApplicationFactory(email=application.email)

    assert (
        document_read(
            document=document, applicant=SignedInApplicant(application.person_id, frozenset({application.pk}))
        )
        == PDF
    )
    with pytest.raises(DocumentNotFound):
        document_read(document=document, applicant=SignedInApplicant(other.person_id, frozenset({other.pk})))


def test_photos_are_re_encoded_without_their_metadata(application):
    original = jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif()

    document = upload(application, original, name="carte.jpg")

    cleaned = document_read(
        document=document, applicant=SignedInApplicant(application.person_id, frozenset({application.pk}))
    )
    assert document.content_type == "image/jpeg"
    assert not Image.open(io.BytesIO(cleaned)).getexif()


@pytest.mark.parametrize(
    ("data", "name", "why"),
    [
        (EICAR, "eicar.com", "malicious"),
        (PDF.replace(b"%%EOF", EICAR + b"\n%%EOF"), "eicar-inside.pdf", "malicious"),
        (
            PDF.replace(b"trailer", b"0" * 100_000 + b"<script>alert(1)</script>\ntrailer"),
            "deep-polyglot.pdf",
            "something else",
        ),
        (PDF.replace(b"trailer", b"<html><script>alert(1)</script></html>\ntrailer"), "polyglot.pdf", "something else"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "scan.pdf", "name does not match"),
        (b"%PDF-1.4\n" + b"0" * (content.MAX_BYTES + 10), "big.pdf", "larger than 10 MB"),
        (b"", "empty.pdf", "empty"),
        (b"\xff\xd8\xff\xe0" + b"garbage" * 50, "photo.jpg", "cannot be read"),
        (b"%PDF-1.4\n1 0 obj<<>>endobj\n", "cut.pdf", "damaged"),
    ],
    ids=[
        "eicar",
        "eicar-inside-a-pdf",
        "polyglot-past-64-kb",
        "pdf-html-polyglot",
        "extension-mismatch",
        "oversized",
        "empty",
        "broken-image",
        "truncated-pdf",
    ],
)
def test_hostile_or_broken_files_are_refused_with_a_clear_message(application, data, name, why):
    with pytest.raises(DocumentRefused) as refused:
        upload(application, data, name=name)

    with translation.override("en"):
        assert why in str(refused.value.message)
    assert not application.supporting_documents.exists()


def test_a_zip_bomb_is_refused(application):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"0" * 5_000_000)

    with pytest.raises(DocumentRefused):
        upload(application, out.getvalue(), name="documents.zip")


def test_an_image_of_too_many_pixels_is_refused(application):
    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, format="PNG")

    with pytest.raises(DocumentRefused):
        upload(application, out.getvalue(), name="huge.png")


def test_key_rotation_re_encrypts_every_document_without_loss(application, settings):
    old_key = settings.DOCUMENTS_ENCRYPTION_KEYS[0]
    document = upload(application, PDF)
    new_key = Fernet.generate_key().decode()
    settings.DOCUMENTS_ENCRYPTION_KEYS = [new_key, old_key]

    assert documents_reencrypt() == 1

    settings.DOCUMENTS_ENCRYPTION_KEYS = [new_key]
    document.refresh_from_db()
    assert (
        document_read(
            document=document, applicant=SignedInApplicant(application.person_id, frozenset({application.pk}))
        )
        == PDF
    )


def test_approval_waits_for_the_documents_the_country_requires(application):
    from tests.workflow.factories import set_state
    from workflow.exceptions import TransitionRefused
    from workflow.models import ApplicationRules
    from workflow.services import application_act

    ApplicationRules.objects.create(country=application.country, kind="guest", required_documents=["identity"])
    set_state(application, "interview_scheduled")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    document = upload(application, PDF, kind="identity")

    with pytest.raises(TransitionRefused):
        application_act(application_id=application.pk, action="approve", by=advisor)
    assert application.missing_documents() == ["identity"]

    document_verify(document=document, by=advisor)

    assert application_act(application_id=application.pk, action="approve", by=advisor).state == "approved"
