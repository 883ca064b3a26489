"""The hourly reminder tells everyone concerned of an appointment within the next 24 hours, once
per version: run twice, it sends nothing more; a later appointment or a cancelled one waits or is skipped."""

from datetime import timedelta

from django.core import mail

from appointments.services import appointment_cancel, appointment_change, appointment_schedule
from appointments.tasks import remind_of_appointments
from workflow.models import Notification


def reminders():
    return sorted(m.to[0] for m in mail.outbox if any(name.endswith(".ics") for name, *_rest in m.attachments))


def test_running_the_reminder_twice_reminds_each_person_once(
    pairing, advisor, tomorrow_afternoon, as_the_worker, django_capture_on_commit_callbacks
):
    this_evening = tomorrow_afternoon - timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        appointment_schedule(by=advisor, kind="meeting", pairing=pairing, starts_at=this_evening, place="Ici")
        far = appointment_schedule(
            by=advisor, kind="meeting", pairing=pairing, starts_at=tomorrow_afternoon + timedelta(days=5), place="Là"
        )
    mail.outbox.clear()

    first = as_the_worker(remind_of_appointments)
    second = as_the_worker(remind_of_appointments)

    assert first > 0
    assert second == 0
    assert reminders() == sorted([pairing.host.email, pairing.guest.email, advisor.email])
    assert not Notification.objects.filter(kind="appointment.reminder", about=f"appointments.appointment:{far.pk}")


def test_a_changed_appointment_is_reminded_again_and_a_cancelled_one_never(
    host_file, advisor, tomorrow_afternoon, as_the_worker, django_capture_on_commit_callbacks
):
    this_evening = tomorrow_afternoon - timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        kept = appointment_schedule(
            by=advisor, kind="interview", application=host_file, starts_at=this_evening, place="Au bureau"
        )
        dropped = appointment_schedule(
            by=advisor, kind="home_visit", application=host_file, starts_at=this_evening, place="Chez vous"
        )
        appointment_cancel(appointment_id=dropped.pk, by=advisor)
    as_the_worker(remind_of_appointments)
    with django_capture_on_commit_callbacks(execute=True):
        appointment_change(
            appointment_id=kept.pk, by=advisor, starts_at=this_evening + timedelta(hours=1), place="Au bureau"
        )
    mail.outbox.clear()

    as_the_worker(remind_of_appointments)
    as_the_worker(remind_of_appointments)

    assert reminders() == sorted([host_file.email, advisor.email])
    assert not Notification.objects.filter(
        kind="appointment.reminder", about=f"appointments.appointment:{dropped.pk}"
    ).exists()
