"""Scheduling, changing and cancelling appointments: lock, check, change, record, notify.

Each service takes keyword arguments only, runs in one transaction under a row lock, asks
:mod:`workflow.access` whether the staff member may act (another territory's file or pairing is
not found), records the event in the audit trail and tells everyone concerned through
:func:`workflow.notifications.notify` (queued after commit). A change bumps the appointment's
sequence, so calendars replace the entry and everyone is told again; telling twice about the same
version does nothing.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import chain as audit
from pairings.enums import PairingState
from pairings.models import Pairing
from workflow import access
from workflow.enums import ApplicationKind, ApplicationState
from workflow.exceptions import ActionNotPermitted
from workflow.models import Application
from workflow.notifications import admin_url, notify

from .enums import FILE_KINDS, AppointmentKind
from .exceptions import AppointmentNotFound, AppointmentRefused
from .models import DEFAULT_LENGTH, Appointment

#: A file in one of these states gets no new appointment.
CLOSED_FILE_STATES = (ApplicationState.REJECTED, ApplicationState.WITHDRAWN, ApplicationState.ARCHIVED)
#: A pairing in one of these states gets no new appointment.
CLOSED_PAIRING_STATES = (PairingState.DECLINED, PairingState.CANCELLED, PairingState.ENDED, PairingState.TERMINATED)


def _checked_times(starts_at: datetime, ends_at: datetime | None) -> tuple[datetime, datetime]:
    if starts_at is None or timezone.is_naive(starts_at):
        raise AppointmentRefused(_("Please give the date and the time of the appointment."))
    ends_at = ends_at or starts_at + DEFAULT_LENGTH
    if starts_at <= timezone.now():
        raise AppointmentRefused(_("An appointment cannot be in the past: please choose a later date or time."))
    if ends_at <= starts_at:
        raise AppointmentRefused(_("The appointment must end after it starts."))
    return starts_at, ends_at


def _checked_place(place: str) -> str:
    place = (place or "").strip()
    if not place:
        raise AppointmentRefused(_("Please say where the appointment takes place."))
    return place


def page_url(appointment: Appointment) -> str:
    """The staff page where the appointment is shown (the file's or the pairing's)."""
    if appointment.pairing_id:
        return admin_url("pairings_pairing:inspect", appointment.pairing_id) + "#appointments"
    return admin_url("workflow_application:inspect", appointment.application_id) + "#appointments"


def _staff_language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "preferred_language", "") or ""


def tell_concerned(appointment: Appointment, kind: str, occasion: str) -> int:
    """Every person concerned, and the staff member who scheduled it, once per ``occasion``."""
    context = {"appointment_id": appointment.pk, "sequence": appointment.sequence, "kind": appointment.kind}
    made = []
    for application in appointment.files():
        if application.person is not None:
            made += notify(
                application.person, kind, context, about=appointment, occasion=occasion, application=application
            )
    made += notify(
        appointment.created_by,
        kind,
        {**context, "url": page_url(appointment)},
        about=appointment,
        occasion=occasion,
        language=_staff_language(appointment.created_by),
    )
    return len(made)


def _record(appointment: Appointment, action: str, by) -> None:
    data = {"kind": appointment.kind, "sequence": appointment.sequence, "starts_at": appointment.starts_at.isoformat()}
    if appointment.pairing_id:
        data.update(host=appointment.pairing.host_id, guest=appointment.pairing.guest_id)
    audit.record(
        action,
        user=by,
        obj=appointment,
        application_id=appointment.application_id,
        pairing_id=appointment.pairing_id,
        data=data,
    )


def appointment_schedule(
    *,
    by,
    kind: str,
    starts_at: datetime,
    place: str,
    application: Application | None = None,
    pairing: Pairing | None = None,
    ends_at: datetime | None = None,
    details: str = "",
) -> Appointment:
    """An advisor sets a date, a time and a place: an interview or a home visit about a file
    (a home visit only at a host's), a meeting or the trial's start about a pairing."""
    if kind not in AppointmentKind.values:
        raise AppointmentRefused(_("Unknown kind of appointment."))
    with transaction.atomic():
        if kind in FILE_KINDS:
            if application is None:
                raise AppointmentRefused(_("An interview or a home visit is about a file."))
            application = Application.objects.select_for_update().filter(pk=application.pk).first()
            if application is None or not access.may_view(by, application):
                raise AppointmentNotFound()
            if not access.may_vet(by, application):
                raise ActionNotPermitted()
            if kind == AppointmentKind.HOME_VISIT and application.kind != ApplicationKind.HOST:
                raise AppointmentRefused(_("A home visit is made at a host's only."))
            if application.state in CLOSED_FILE_STATES:
                raise AppointmentRefused(_("This file is closed: no appointment can be scheduled."))
            pairing = None
        else:
            if pairing is None:
                raise AppointmentRefused(_("A meeting or the start of the trial is about a pairing."))
            pairing = (
                Pairing.objects.select_for_update(of=("self",))
                .select_related("host__person", "guest__person")
                .filter(pk=pairing.pk)
                .first()
            )
            if pairing is None or not access.may_view_pairing(by, pairing):
                raise AppointmentNotFound()
            if not access.may_manage_pairing(by, pairing):
                raise ActionNotPermitted()
            if pairing.state in CLOSED_PAIRING_STATES:
                raise AppointmentRefused(_("This pairing is over: no appointment can be scheduled."))
            application = None
        starts_at, ends_at = _checked_times(starts_at, ends_at)
        appointment = Appointment.objects.create(
            kind=kind,
            application=application,
            pairing=pairing,
            starts_at=starts_at,
            ends_at=ends_at,
            place=_checked_place(place),
            details=(details or "").strip(),
            created_by=by,
        )
        _record(appointment, "appointment.scheduled", by)
        tell_concerned(appointment, "appointment.invitation", str(appointment.sequence))
        return appointment


def _locked(appointment_id: int, by) -> Appointment:
    appointment = (
        access.appointments_visible_to(by, Appointment.objects.all()).filter(pk=appointment_id).values("pk").first()
    )
    if appointment is None:
        raise AppointmentNotFound()
    appointment = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("application__person", "pairing__host__person", "pairing__guest__person", "created_by")
        .get(pk=appointment_id)
    )
    if not access.may_manage_appointment(by, appointment):
        raise ActionNotPermitted()
    if appointment.is_cancelled:
        raise AppointmentRefused(_("This appointment was cancelled."))
    return appointment


def appointment_change(
    *,
    appointment_id: int,
    by,
    starts_at: datetime,
    place: str,
    ends_at: datetime | None = None,
    details: str = "",
) -> Appointment:
    """A new date, time or place: the next version, which everyone concerned is told of."""
    with transaction.atomic():
        appointment = _locked(appointment_id, by)
        starts_at, ends_at = _checked_times(starts_at, ends_at)
        place = _checked_place(place)
        details = (details or "").strip()
        if (appointment.starts_at, appointment.ends_at, appointment.place, appointment.details) == (
            starts_at,
            ends_at,
            place,
            details,
        ):
            return appointment  # nothing changed: nobody is told again
        appointment.starts_at, appointment.ends_at = starts_at, ends_at
        appointment.place, appointment.details = place, details
        appointment.sequence += 1
        appointment.save(update_fields=["starts_at", "ends_at", "place", "details", "sequence"])
        _record(appointment, "appointment.changed", by)
        tell_concerned(appointment, "appointment.changed", str(appointment.sequence))
        return appointment


def appointment_cancel(*, appointment_id: int, by) -> Appointment:
    """The appointment will not take place: everyone concerned receives its cancellation."""
    with transaction.atomic():
        appointment = _locked(appointment_id, by)
        appointment.cancelled_at = timezone.now()
        appointment.sequence += 1
        appointment.save(update_fields=["cancelled_at", "sequence"])
        _record(appointment, "appointment.cancelled", by)
        tell_concerned(appointment, "appointment.cancelled", "cancelled")
        return appointment
