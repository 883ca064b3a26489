"""Scheduling an appointment invites each person concerned, and the advisor, with an .ics that
calendars read: the right times, place and identifier."""

from datetime import UTC, timedelta

from django.core import mail

from appointments.services import appointment_schedule
from workflow.models import Notification

from .conftest import event_of, invitations


def test_a_home_visit_invites_the_host_and_the_advisor_with_a_calendar_file(
    host_file, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = appointment_schedule(
            by=advisor,
            kind="home_visit",
            application=host_file,
            starts_at=tomorrow_afternoon,
            place="3 rue des Lilas, 33000 Bordeaux",
            details="Visite de la chambre.",
        )

    sent = invitations()
    assert sorted(message.to[0] for message, _calendar in sent) == sorted([host_file.email, advisor.email])
    for message, calendar in sent:
        assert calendar is not None, message.subject
        assert str(calendar["METHOD"]) == "REQUEST"
        event = event_of(calendar)
        assert event.decoded("DTSTART") == tomorrow_afternoon.astimezone(UTC)
        assert event.decoded("DTEND") == tomorrow_afternoon.astimezone(UTC) + timedelta(hours=1)
        assert str(event["LOCATION"]) == "3 rue des Lilas, 33000 Bordeaux"
        assert str(event["UID"]) == f"{appointment.uid}@weshare"
        assert int(event["SEQUENCE"]) == 0
        assert "contact@association.example" in str(event["ORGANIZER"])
        attendees = event.get("ATTENDEE")
        attendees = {
            str(a).removeprefix("mailto:") for a in (attendees if isinstance(attendees, list) else [attendees])
        }
        # The advisor's file lists everyone; a person's lists only them.
        assert attendees == ({host_file.email, advisor.email} if message.to == [advisor.email] else {host_file.email})
        assert [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")] == [timedelta(days=-1)]


def test_the_invitation_reads_in_the_persons_language_and_time_zone(
    host_file, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment_schedule(
            by=advisor, kind="home_visit", application=host_file, starts_at=tomorrow_afternoon, place="Chez vous"
        )

    ((message, calendar),) = [(m, c) for m, c in invitations() if m.to == [host_file.email]]
    # Friday 13 March 2026, 14:00 in Paris, in French (the day and month names are Django's own).
    assert "vendredi 13 mars 2026, 14:00 – 15:00" in message.body
    assert "Chez vous" in message.body
    assert "/fr/my-application/" in message.body
    assert "/fr/my-application/" in str(event_of(calendar)["DESCRIPTION"])


def test_a_meeting_of_a_pair_invites_the_host_and_the_guest(
    pairing, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        appointment = appointment_schedule(
            by=advisor, kind="meeting", pairing=pairing, starts_at=tomorrow_afternoon, place="À l'association"
        )

    assert sorted(m.to[0] for m, _c in invitations()) == sorted(
        [pairing.host.email, pairing.guest.email, advisor.email]
    )
    assert all(c is not None and str(event_of(c)["UID"]) == f"{appointment.uid}@weshare" for _m, c in invitations())
    shown = Notification.objects.filter(kind="appointment.invitation", channel="space")
    assert sorted(n.person_id for n in shown) == sorted([pairing.host.person_id, pairing.guest.person_id])


def test_delivering_an_invitation_again_sends_nothing_more(
    host_file, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    from workflow.notifications import deliver

    with django_capture_on_commit_callbacks(execute=True):
        appointment_schedule(
            by=advisor, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="Au bureau"
        )
    sent = len(mail.outbox)

    for notification in Notification.objects.filter(kind="appointment.invitation"):
        assert deliver(notification.pk) == "already sent"

    assert len(mail.outbox) == sent


def test_neither_person_of_a_pair_reads_the_others_address_in_the_invitation(
    pairing, advisor, tomorrow_afternoon, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        appointment_schedule(by=advisor, kind="meeting", pairing=pairing, starts_at=tomorrow_afternoon, place="Ici")

    for message, calendar in invitations():
        text = calendar.to_ical().decode()
        if message.to == [pairing.host.email]:
            assert pairing.guest.email not in text and pairing.guest.email not in message.body
        if message.to == [pairing.guest.email]:
            assert pairing.host.email not in text and pairing.host.email not in message.body
