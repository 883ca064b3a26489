"""Read queries of appointments: those of a file, of a pairing, and those an applicant may see."""

from django.db.models import Q, QuerySet

from workflow import access
from workflow.enums import ApplicationKind

from .models import Appointment


def appointments_visible_to(user) -> QuerySet[Appointment]:
    return access.appointments_visible_to(user, Appointment.objects.all())


def of_file(application) -> QuerySet[Appointment]:
    return Appointment.objects.filter(application=application).select_related("created_by")


def of_pairing(pairing) -> QuerySet[Appointment]:
    return Appointment.objects.filter(pairing=pairing).select_related("created_by")


def of_applicant_files(application_ids) -> QuerySet[Appointment]:
    """The appointments of these files and of their pairings (as host or guest)."""
    return Appointment.objects.filter(
        Q(application_id__in=application_ids)
        | Q(pairing__host_id__in=application_ids)
        | Q(pairing__guest_id__in=application_ids)
    )


def upcoming_for_file_and_its_pairings(application) -> list[Appointment]:
    """What the applicant's space shows in a file: its coming appointments and its pairings'."""
    pairing_side = "pairing__host" if application.kind == ApplicationKind.HOST else "pairing__guest"
    return list(
        Appointment.objects.filter(Q(application=application) | Q(**{pairing_side: application}))
        .upcoming()
        .select_related("pairing")
    )
