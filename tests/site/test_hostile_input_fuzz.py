"""Random and hostile input on the public forms and the verification upload: never a 500, and a refused
submission stores nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workflow.models import Application

HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=31), max_size=50),  # control characters
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "'; DROP TABLE workflow_application; --",
            "{{ settings.SECRET_KEY }}",
            "%(x)s %s {0}",
            "\x00",
            "A" * 20000,
            "../../etc/passwd",
            "1900-02-30",
            "-1",
            "1e309",
        ]
    ),
)
FIELDS = ["first_name", "last_name", "email", "phone", "birth_date", "language", "territory", "nationality", "consent"]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def form_url(demo):
    from cms_pages.models import ApplicationFormPage

    return ApplicationFormPage.objects.live().filter(locale__language_code="fr").first().url


@FUZZ
@given(st.dictionaries(st.sampled_from(FIELDS), HOSTILE, max_size=len(FIELDS)))
def test_the_application_form_never_fails_and_stores_nothing_it_refuses(client, form_url, data):
    before = Application.objects.count()

    response = client.post(form_url, data)

    assert response.status_code in (200, 302, 400)
    if response.status_code != 302:
        assert Application.objects.count() == before


@FUZZ
@given(st.dictionaries(st.sampled_from(["name", "email", "message", "subject", "wagtailreferences"]), HOSTILE))
def test_the_contact_form_never_fails(client, demo, data):
    from cms_pages.models import ContactPage

    page = ContactPage.objects.live().first()
    response = client.post(page.url, data)

    assert response.status_code in (200, 302, 400)


@FUZZ
@given(HOSTILE)
def test_email_link_requests_never_fail(client, email):
    response = client.post(reverse("applicant_space"), {"email": email})

    assert response.status_code in (200, 400)


def _pdf_like():
    base = b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[3 0 R]>>>>endobj\n"
    return st.one_of(
        st.binary(max_size=4000),
        st.binary(max_size=2000).map(lambda tail: b"%PDF-" + tail),
        st.binary(max_size=500).map(lambda tail: base + tail + b"\ntrailer<</Root 1 0 R>>\n%%EOF"),
        st.sampled_from(
            [
                b"%PDF-1.4\n" + b"(" * 5000,
                b"%PDF-1.4\n1 0 obj<</Length 999999999>>stream\n\nendstream endobj",
                b"%PDF-1.4\n/ByteRange [0 -1 99999999999 5] /Contents <zz>",
                b"%PDF-1.4\n<html><script>alert(1)</script></html>",
            ]
        ),
    )


@FUZZ
@given(_pdf_like())
def test_the_verification_upload_never_fails_on_malformed_pdfs(client, demo, data):
    response = client.post(reverse("convention_verify"), {"file": SimpleUploadedFile("x.pdf", data)})

    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert "Every signature is valid" not in response.content.decode()
        assert response.context["report"] is None or not response.context["report"].ok


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["a.pdf", "b.jpg", "c.png", "d.exe", "e", "../../x.pdf"]))
def test_document_uploads_refuse_garbage_and_store_nothing(demo, tmp_path_factory, data, name):
    from django.test import override_settings

    from documents.exceptions import DocumentRefused
    from documents.models import SupportingDocument
    from documents.services import document_upload
    from tests.workflow.factories import ApplicationFactory

    application = ApplicationFactory()
    storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path_factory.mktemp("private"))},
    }
    from django.conf import settings as django_settings

    with override_settings(STORAGES={**django_settings.STORAGES, "private": storage}):
        try:
            document_upload(application=application, kind="identity", uploaded_file=SimpleUploadedFile(name, data))
        except DocumentRefused:
            assert not SupportingDocument.objects.filter(application=application).exists()
