"""A cancelled appointment reaches every calendar as METHOD:CANCEL, with the same UID and a higher SEQUENCE."""

import pytest
from django.core import mail

from appointments.exceptions import AppointmentRefused
from appointments.services import appointment_cancel, appointment_change, appointment_schedule

from .conftest import event_of, invitations


def test_cancelling_sends_everyone_a_cancel_of_the_same_event(
    pairing, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = appointment_schedule(
            by=advisor, kind="trial_start", pairing=pairing, starts_at=tomorrow_afternoon, place="Chez l'hôte"
        )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        appointment_cancel(appointment_id=appointment.pk, by=advisor)

    sent = invitations()
    assert sorted(m.to[0] for m, _c in sent) == sorted([pairing.host.email, pairing.guest.email, advisor.email])
    for _message, calendar in sent:
        assert str(calendar["METHOD"]) == "CANCEL"
        event = event_of(calendar)
        assert str(event["UID"]) == f"{appointment.uid}@weshare"
        assert int(event["SEQUENCE"]) == 1
        assert str(event["STATUS"]) == "CANCELLED"
        assert list(event.walk("VALARM")) == []


def test_a_cancelled_appointment_can_be_neither_changed_nor_cancelled_again(
    host_file, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = appointment_schedule(
            by=advisor, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="Au bureau"
        )
        appointment_cancel(appointment_id=appointment.pk, by=advisor)
    mail.outbox.clear()

    with pytest.raises(AppointmentRefused):
        appointment_cancel(appointment_id=appointment.pk, by=advisor)
    with pytest.raises(AppointmentRefused):
        appointment_change(appointment_id=appointment.pk, by=advisor, starts_at=tomorrow_afternoon, place="Ailleurs")
    assert mail.outbox == []


def test_the_audit_trail_records_each_step_by_id_and_says_it_in_words(
    host_file, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    from audit.models import AuditEvent
    from workflow.audit_views import event_in_words

    appointment = appointment_schedule(
        by=advisor, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="3 rue des Lilas"
    )
    appointment_cancel(appointment_id=appointment.pk, by=advisor)

    events = AuditEvent.objects.filter(object_type="appointments.appointment", object_id=str(appointment.pk))
    assert [e.action for e in events.order_by("pk")] == ["appointment.scheduled", "appointment.cancelled"]
    assert all(e.application_id == host_file.pk and "Lilas" not in str(e.data) for e in events)
    assert event_in_words("appointment.cancelled") != "appointment.cancelled"
