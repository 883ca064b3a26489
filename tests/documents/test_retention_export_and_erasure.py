"""Closed files are anonymised after their country's retention (dry run first); erasure on request keeps
only what the law requires; consents are kept with the text agreed to."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from documents.models import SupportingDocument
from documents.privacy import application_erase, purge_expired_files
from documents.services import document_upload
from tests.workflow.factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state
from workflow.exceptions import ActionNotPermitted
from workflow.models import Application, ApplicationTransitionLog, ConsentRecord

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }


def closed_file(days_ago: int, state="rejected") -> Application:
    application = set_state(ApplicationFactory(first_name="Odile", last_name="Secret"), state)
    document_upload(application=application, kind="identity", uploaded_file=SimpleUploadedFile("id.pdf", PDF))
    ApplicationTransitionLog.objects.create(
        application=application, action="application.rejected", from_state="in_review", to_state=state
    )
    ApplicationTransitionLog.objects.filter(application=application).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return application


def test_the_dry_run_lists_expired_closed_files_and_changes_nothing():
    old = closed_file(days_ago=800)
    recent = closed_file(days_ago=100)

    report = purge_expired_files(dry_run=True)

    assert [line["application_id"] for line in report if line["application_id"] in (old.pk, recent.pk)] == [old.pk]
    assert Application.objects.get(pk=old.pk).last_name == "Secret"
    assert SupportingDocument.objects.filter(application=old).count() == 1


def test_the_purge_anonymises_expired_files_destroys_their_documents_and_runs_once(django_capture_on_commit_callbacks):
    old = closed_file(days_ago=800)
    blob = SupportingDocument.objects.get(application=old).blob

    with django_capture_on_commit_callbacks(execute=True):
        first = purge_expired_files()
    second = purge_expired_files()

    old.refresh_from_db()
    assert old.pk in [line["application_id"] for line in first]
    assert old.pk not in [line["application_id"] for line in second]
    assert (old.first_name, old.phone) == ("—", "") and "Secret" not in old.last_name
    assert old.email.endswith("@invalid.example") and old.anonymised_at is not None
    assert not SupportingDocument.objects.filter(application=old).exists()
    assert not blob.storage.exists(blob.name)


def test_the_command_reports_a_dry_run(capsys):
    closed_file(days_ago=800)

    call_command("purge_expired_files", "--dry-run")

    assert "would be anonymised" in capsys.readouterr().out


def test_erasure_on_request_is_done_by_the_files_advisor_and_keeps_the_states():
    application = closed_file(days_ago=10, state="withdrawn")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    stranger = StaffMembershipFactory().user

    with pytest.raises(ActionNotPermitted):
        application_erase(application_id=application.pk, by=stranger)
    erased = application_erase(application_id=application.pk, by=advisor)

    assert erased.state == "withdrawn" and erased.anonymised_at is not None
    assert "Odile" not in str(erased.first_name) and not erased.supporting_documents.exists()


def test_the_consent_is_kept_with_the_version_and_text_agreed_to(settings):
    import uuid

    from workflow.applicants import application_start

    territory = ApplicationFactory().territory
    application = application_start(
        form_key=uuid.uuid4(),
        kind="guest",
        country=territory.country,
        territory=territory,
        identity={
            "first_name": "Ana",
            "last_name": "Lopes",
            "email": "ana@example.org",
            "birth_date": "2004-05-06",
            "language": "pt",
            "consent": True,
        },
    )

    consent = ConsentRecord.objects.get(application=application)
    assert consent.notice_version == settings.PRIVACY_NOTICE_VERSION
    assert "dados" in consent.text  # the text she read, in Portuguese
    assert "consent" not in application.answers


def test_the_advisor_erases_a_requested_file_from_its_page(client):
    from django.urls import reverse

    from workflow.applicants import application_request_erasure

    application = closed_file(days_ago=5, state="withdrawn")
    application_request_erasure(application_id=application.pk)
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    client.force_login(advisor)
    page = reverse("workflow_application:inspect", args=[application.pk])

    shown = client.get(page).content.decode()
    unconfirmed = client.post(reverse("private_documents_erase", args=[application.pk]), {})
    unchanged = Application.objects.get(pk=application.pk).anonymised_at
    done = client.post(reverse("private_documents_erase", args=[application.pk]), {"confirm": "yes"})

    assert 'name="confirm"' in shown
    assert unconfirmed.status_code == done.status_code == 302 and unchanged is None
    assert Application.objects.get(pk=application.pk).anonymised_at is not None
    assert not SupportingDocument.objects.filter(application=application).exists()
