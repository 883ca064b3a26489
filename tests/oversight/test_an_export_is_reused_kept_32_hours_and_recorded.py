"""An export asked again within minutes is the same one; it is kept 32 hours then purged; every
request is in the audit trail without personal data; its requester is told once that it is ready,
however often the worker runs the task."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from audit.models import AuditEvent
from oversight.exports import export_request
from oversight.models import Export, ExportState
from oversight.tasks import export_build, exports_purge
from workflow.models import Application, Notification

from .exports_setup import a_department, advisor_of, files_in


@pytest.fixture
def advisor():
    territory = a_department()
    files_in(territory)
    return advisor_of(territory)


@pytest.fixture
def in_the_background(settings):
    """Every export goes to the worker, however small."""
    settings.EXPORT_BUILD_AT_ONCE_ROWS = 0
    settings.EXPORT_REUSE_MINUTES = 10


def test_the_same_export_within_ten_minutes_is_reused_and_not_after(clock, advisor, in_the_background):
    first = export_request(user=advisor, kind="files", fmt="xlsx")
    clock.shift(timedelta(minutes=9))
    again = export_request(user=advisor, kind="files", fmt="xlsx")
    other_format = export_request(user=advisor, kind="files", fmt="csv")
    clock.shift(timedelta(minutes=2))
    later = export_request(user=advisor, kind="files", fmt="xlsx")

    assert again.pk == first.pk
    assert other_format.pk != first.pk
    assert later.pk not in (first.pk, other_format.pk)
    assert first.expires_at - first.created_at == timedelta(hours=32)


def test_a_ready_export_is_reused_too_but_not_a_failed_one(clock, advisor):
    ready = export_request(user=advisor, kind="files", fmt="csv")
    assert ready.state == ExportState.READY
    assert export_request(user=advisor, kind="files", fmt="csv").pk == ready.pk

    Export.objects.filter(pk=ready.pk).update(state=ExportState.FAILED)
    assert export_request(user=advisor, kind="files", fmt="csv").pk != ready.pk


def test_the_worker_builds_once_and_the_requester_is_told_once(advisor, in_the_background, as_the_worker):
    export = export_request(user=advisor, kind="files", fmt="xlsx")
    assert export.state == ExportState.QUEUED

    assert as_the_worker(export_build, export.pk) == "ready"
    built = Export.objects.get(pk=export.pk)
    assert as_the_worker(export_build, export.pk) == "already ready"

    export.refresh_from_db()
    assert export.state == ExportState.READY and export.row_count == 7
    assert export.file.name == built.file.name and export.finished_at == built.finished_at
    notifications = Notification.objects.filter(kind="staff.export_ready", user=advisor)
    assert notifications.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [advisor.email]
    assert "http://testserver" + reverse("oversight_exports") in mail.outbox[0].body


def test_a_failed_build_is_recorded_and_built_by_the_next_try(advisor, in_the_background, as_the_worker, monkeypatch):
    export = export_request(user=advisor, kind="files", fmt="csv")
    import oversight.exports

    original = oversight.exports.write_csv

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(oversight.exports, "write_csv", broken)
    with pytest.raises(OSError):
        as_the_worker(export_build, export.pk)
    export.refresh_from_db()
    assert export.state == ExportState.FAILED and "disk full" in export.error

    monkeypatch.setattr(oversight.exports, "write_csv", original)
    assert as_the_worker(export_build, export.pk) == "ready"
    export.refresh_from_db()
    assert export.state == ExportState.READY and export.error == ""


def test_exports_are_purged_with_their_files_after_32_hours(clock, advisor, django_capture_on_commit_callbacks):
    export = export_request(user=advisor, kind="files", fmt="csv")
    name, storage = export.file.name, export.file.storage
    assert storage.exists(name)

    clock.shift(timedelta(hours=31, minutes=59))
    with django_capture_on_commit_callbacks(execute=True):
        assert exports_purge() == 0
    assert Export.objects.filter(pk=export.pk).exists()

    clock.shift(timedelta(minutes=2))
    assert export_request(user=advisor, kind="files", fmt="csv").pk != export.pk
    with django_capture_on_commit_callbacks(execute=True):
        assert exports_purge() == 1
    assert not Export.objects.filter(pk=export.pk).exists()
    assert not storage.exists(name)


def test_every_request_is_recorded_without_personal_data(clock, advisor):
    first = export_request(user=advisor, kind="files", fmt="ods")
    export_request(user=advisor, kind="files", fmt="ods")

    events = list(AuditEvent.objects.filter(action="export.requested", object_id=str(first.pk)).order_by("pk"))
    assert len(events) == 2
    assert [e.data["reused"] for e in events] == [False, True]
    assert all(e.user_id == advisor.pk and e.object_type == "oversight.export" for e in events)
    recorded = json.dumps([e.data for e in events])
    for application in Application.objects.filter(
        territory__in=advisor.memberships.get().organisation.territories.all()
    ):
        for personal in (application.first_name, application.last_name, application.email):
            assert personal not in recorded
    assert set(events[0].data) == {"kind", "format", "reused"}


def test_the_purge_runs_every_hour():
    from django_q.models import Schedule

    schedule = Schedule.objects.get(func="oversight.tasks.exports_purge")
    assert schedule.schedule_type == Schedule.HOURLY and schedule.repeats == -1
