"""A paper application form comes back by post: the advisor types it into a file, which records
that it came on paper and keeps its scan among the private documents; a consent signed on paper
(the consent form, or the paper form itself) is kept as a scan with the words signed under."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import documents.assisted_hooks  # noqa: F401  (its admin URLs)
from audit.models import AuditEvent
from documents.models import SupportingDocument
from workflow.enums import ApplicationState
from workflow.models import AssistedConsent, ConsentRecord

from .factories import TerritoryFactory
from .factories_assisted import advisor_of, filled_in

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def scan(name="form.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _private(private_storage):
    return private_storage


def test_a_paper_form_typed_in_records_that_it_came_on_paper_and_keeps_its_scan(client):
    advisor = advisor_of()
    application = filled_in(client, advisor, via="paper")

    response = client.post(reverse("assisted_paper_scan", args=[application.pk]), {"scan": scan("returned.pdf")})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.assisted_via == "paper"
    document = SupportingDocument.objects.get(application=application, kind="paper_application")
    assert document.original_name == "returned.pdf"
    assert document.uploaded_by == advisor
    kept = AuditEvent.objects.get(application_id=application.pk, action="application.paper_form_kept")
    assert kept.data["document"] == document.pk and kept.user_id == advisor.pk


def test_the_signed_paper_form_is_the_consent_and_sends_the_file(client):
    advisor = advisor_of()
    application = filled_in(client, advisor, via="paper")
    client.post(reverse("assisted_paper_scan", args=[application.pk]), {"scan": scan()})
    document = SupportingDocument.objects.get(application=application, kind="paper_application")

    response = client.post(reverse("assisted_consent_paper", args=[application.pk]), {"use_paper_form": document.pk})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED
    consent = AssistedConsent.objects.get(application=application, given_at__isnull=False)
    assert consent.method == "paper" and consent.document_id == document.pk
    assert ConsentRecord.objects.filter(application=application, text=consent.wording).exists()


def test_a_scanned_consent_form_is_kept_and_sends_the_file(client):
    advisor = advisor_of()
    application = filled_in(client, advisor, via="phone")

    response = client.post(reverse("assisted_consent_paper", args=[application.pk]), {"scan": scan("consent.pdf")})

    assert response.status_code == 302
    document = SupportingDocument.objects.get(application=application, kind="consent_form")
    consent = AssistedConsent.objects.get(application=application)
    assert consent.method == "paper" and consent.document_id == document.pk and consent.given_at
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED


def test_a_refused_scan_says_why_and_sends_nothing(client):
    advisor = advisor_of()
    application = filled_in(client, advisor)
    bad = SimpleUploadedFile("consent.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n", content_type="application/pdf")

    response = client.post(reverse("assisted_consent_paper", args=[application.pk]), {"scan": bad}, follow=True)

    assert "damaged" in response.content.decode() or "endommagé" in response.content.decode()
    application.refresh_from_db()
    assert application.state == ApplicationState.DRAFT
    assert not SupportingDocument.objects.filter(application=application).exists()
    assert not AssistedConsent.objects.filter(application=application).exists()


def test_a_consent_without_a_scan_asks_for_one(client):
    advisor = advisor_of()
    application = filled_in(client, advisor)

    response = client.post(reverse("assisted_consent_paper", args=[application.pk]), {}, follow=True)

    assert "scan" in response.content.decode().lower()
    application.refresh_from_db()
    assert application.state == ApplicationState.DRAFT


def test_an_advisor_of_another_territory_cannot_add_a_scan(client):
    application = filled_in(client, advisor_of())
    client.force_login(advisor_of(TerritoryFactory(department=True)))

    assert client.post(reverse("assisted_paper_scan", args=[application.pk]), {"scan": scan()}).status_code == 404
    assert client.post(reverse("assisted_consent_paper", args=[application.pk]), {"scan": scan()}).status_code == 404
    assert not SupportingDocument.objects.filter(application=application).exists()
