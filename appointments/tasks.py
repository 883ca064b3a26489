"""Background tasks of appointments (django-q2). Each is idempotent: run twice, it acts once."""

from datetime import timedelta

from django.utils import timezone

from .models import Appointment
from .services import tell_concerned

#: Appointments starting within this time are reminded of.
REMINDER_WINDOW = timedelta(hours=24)


def remind_of_appointments() -> int:
    """Hourly: everyone concerned by an appointment starting within the next 24 hours is reminded
    of it, once per version (the occasion names the sequence, and notify() sends an occasion
    once). Returns the number of notifications queued."""
    now = timezone.now()
    due = Appointment.objects.filter(
        cancelled_at__isnull=True, starts_at__gt=now, starts_at__lte=now + REMINDER_WINDOW
    ).select_related("application__person", "pairing__host__person", "pairing__guest__person", "created_by")
    return sum(
        tell_concerned(appointment, "appointment.reminder", f"reminder-{appointment.sequence}") for appointment in due
    )
