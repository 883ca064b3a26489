"""Changing an appointment bumps its SEQUENCE under the same UID and tells everyone again; saving
it unchanged, or delivering a message twice, tells nobody twice."""

from datetime import UTC, timedelta

from django.core import mail

from appointments.services import appointment_change, appointment_schedule
from workflow.models import Notification

from .conftest import event_of, invitations


def test_a_new_time_bumps_the_sequence_and_sends_the_new_version(
    host_file, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = appointment_schedule(
            by=advisor, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="Au bureau"
        )
    mail.outbox.clear()
    later = tomorrow_afternoon + timedelta(days=1, hours=2)

    with django_capture_on_commit_callbacks(execute=True):
        appointment_change(appointment_id=appointment.pk, by=advisor, starts_at=later, place="À la mairie")

    sent = invitations()
    assert sorted(m.to[0] for m, _c in sent) == sorted([host_file.email, advisor.email])
    for _message, calendar in sent:
        event = event_of(calendar)
        assert str(calendar["METHOD"]) == "REQUEST"
        assert str(event["UID"]) == f"{appointment.uid}@weshare"
        assert int(event["SEQUENCE"]) == 1
        assert event.decoded("DTSTART") == later.astimezone(UTC)
        assert str(event["LOCATION"]) == "À la mairie"
    assert Notification.objects.filter(kind="appointment.changed", occasion="1").count() >= 2


def test_saving_the_same_date_and_place_tells_nobody_again(
    host_file, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = appointment_schedule(
            by=advisor, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="Au bureau"
        )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        same = appointment_change(
            appointment_id=appointment.pk, by=advisor, starts_at=tomorrow_afternoon, place="Au bureau"
        )

    assert same.sequence == 0
    assert mail.outbox == []
