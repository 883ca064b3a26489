"""The ``.ics`` file of an appointment (RFC 5545, through the ``icalendar`` library).

One builder serves the invitations attached to the emails, the staff's download and the
applicant's "add to my calendar": the same UID for the appointment's whole life, its SEQUENCE
bumped at each change, times in UTC, texts in the reader's language.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from workflow.space import association_of

from .models import Appointment

PRODID = "-//WeShare//Appointments//EN"
MIMETYPE = "text/calendar"


def organiser_of(appointment: Appointment):
    """The association that accompanies the file, or the host's file of the pairing."""
    return association_of(appointment.application if appointment.application_id else appointment.pairing.host)


def summary(appointment: Appointment) -> str:
    """What the appointment is, in the active language."""
    association = organiser_of(appointment)
    label = str(appointment.get_kind_display())
    return f"{label} — {association.name}" if association is not None else f"{label} — WeShare"


def _address(email: str, name: str, **params) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["cn"] = vText(name)
    for key, value in params.items():
        address.params[key.replace("_", "-")] = vText(value)
    return address


def attendees(appointment: Appointment) -> list[tuple[str, str]]:
    """(email, name) of each person concerned who has an address, then the staff member who scheduled it."""
    found = []
    for application in appointment.files():
        person = application.person
        if person is not None and person.anonymised_at is None and person.email:
            found.append((person.email, f"{application.first_name} {application.last_name}".strip()))
    staff = appointment.created_by
    if staff.email:
        found.append((staff.email, staff.get_full_name() or staff.get_username()))
    return list(dict.fromkeys(found))


def appointment_ics(appointment: Appointment, *, language: str, link: str = "", only: str = "") -> bytes:
    """The calendar file of ``appointment`` for a reader of ``language``: a request, or its
    cancellation once it is cancelled; ``link`` is where the reader follows it. ``only`` (an
    email address) lists that attendee alone: an applicant's file never shows the other
    person's address, which the pair may not have exchanged."""
    cancelled = appointment.is_cancelled
    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("method", "CANCEL" if cancelled else "REQUEST")
        event = Event()
        event.add("uid", f"{appointment.uid}@weshare")
        event.add("sequence", appointment.sequence)
        event.add("dtstamp", timezone.now().astimezone(UTC))
        event.add("dtstart", appointment.starts_at.astimezone(UTC))
        event.add("dtend", appointment.ends_at.astimezone(UTC))
        event.add("summary", summary(appointment))
        event.add("location", appointment.place)
        description = [appointment.details.strip()] if appointment.details.strip() else []
        if link:
            description.append(_("Follow it here: %(link)s") % {"link": link})
        if description:
            event.add("description", "\n\n".join(description))
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        association = organiser_of(appointment)
        event.add(
            "organizer",
            _address(
                (association.email if association is not None else "") or settings.DEFAULT_FROM_EMAIL,
                association.name if association is not None else "WeShare",
            ),
        )
        for email, name in attendees(appointment):
            if only and email != only:
                continue
            event.add(
                "attendee",
                _address(email, name, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp="FALSE"),
            )
        if not cancelled:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", timedelta(days=-1))
            alarm.add("description", summary(appointment))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def filename(appointment: Appointment) -> str:
    return f"appointment-{appointment.pk}-{appointment.sequence}.ics"
