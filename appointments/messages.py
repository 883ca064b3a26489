"""The appointment messages, declared to :func:`workflow.notifications.notify`.

Each message is about one version of an appointment (its ``sequence``): an invitation, a
change, a cancellation, a reminder. When it leaves, the appointment is read again for its date,
time and place (shown in the reader's language and time zone by the templates) and an email
carries the ``.ics`` made for that reader.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from workflow.enums import Channel
from workflow.models import Notification
from workflow.notifications import Kind, action_url, register_attachments, register_kind, register_preparer

from .enums import AppointmentKind
from .ics import MIMETYPE, appointment_ics, filename
from .models import Appointment

SUBJECTS = {
    "appointment.invitation": _("Your appointment: %(what)s"),
    "appointment.changed": _("Your appointment has changed: %(what)s"),
    "appointment.cancelled": _("Your appointment is cancelled: %(what)s"),
    "appointment.reminder": _("Reminder of your appointment: %(what)s"),
}

CHANNELS = {
    "appointment.invitation": (Channel.EMAIL, Channel.SMS, Channel.POST),
    "appointment.changed": (Channel.EMAIL, Channel.SMS, Channel.POST),
    "appointment.cancelled": (Channel.EMAIL, Channel.SMS, Channel.POST),
    # A letter would arrive after the appointment.
    "appointment.reminder": (Channel.EMAIL, Channel.SMS),
}


def _subject(kind: str):
    def subject(context: dict) -> str:
        what = AppointmentKind(context["kind"]).label if context.get("kind") in AppointmentKind.values else ""
        return str(SUBJECTS[kind]) % {"what": what}

    return subject


def _appointment(notification: Notification) -> Appointment | None:
    appointment_id = notification.context.get("appointment_id")
    if not isinstance(appointment_id, int):
        return None
    return (
        Appointment.objects.select_related(
            "application__territory", "pairing__host__territory", "pairing__guest", "created_by"
        )
        .filter(pk=appointment_id)
        .first()
    )


def _time_zone(notification: Notification) -> str:
    """The reader's time zone: a staff member's chosen one in the back office, else the site's."""
    profile = getattr(notification.user, "wagtail_userprofile", None) if notification.user else None
    return getattr(profile, "current_time_zone", "") or settings.TIME_ZONE


def prepare(notification: Notification) -> dict:
    """What the templates show, read when the message leaves."""
    return {"appointment": _appointment(notification), "time_zone": _time_zone(notification)}


def attachments(notification: Notification) -> list[tuple[str, bytes, str]]:
    """The ``.ics`` of the appointment, in the reader's language, linking to where they follow it."""
    appointment = _appointment(notification)
    if appointment is None:
        return []
    link = notification.context.get("url") if notification.user_id else action_url(notification)
    only = ""
    if notification.person is not None:
        only = notification.address or notification.person.email
    content = appointment_ics(appointment, language=notification.language, link=link or "", only=only)
    return [(filename(appointment), content, MIMETYPE)]


for _name, _channels in CHANNELS.items():
    register_kind(Kind(_name, _subject(_name), channels=_channels, in_space=True))
    register_preparer(_name, prepare)
    register_attachments(_name, attachments)
