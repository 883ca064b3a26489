"""Appointments: an interview or a home visit about a file, a meeting or the start of the trial
about a pairing, with a date, a time and a place that everyone concerned is invited to."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import FILE_KINDS, PAIRING_KINDS, AppointmentKind

#: How long an appointment lasts when no end is given.
DEFAULT_LENGTH = timedelta(hours=1)


def _one_hour_later():
    """Kept for the first migration; an appointment's end defaults to an hour after its start (``save``)."""
    return timezone.now() + DEFAULT_LENGTH


class AppointmentQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(cancelled_at__isnull=True, ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past_or_cancelled(self):
        return self.filter(Q(cancelled_at__isnull=False) | Q(ends_at__lt=timezone.now())).order_by("-starts_at", "-pk")


class Appointment(models.Model):
    """A date, a time and a place where an advisor meets an applicant (about their file) or a pair
    (about their pairing). Advisors schedule, change and cancel it; each person concerned receives
    an invitation with an ``.ics`` file, and a reminder the day before."""

    kind = models.CharField(_("kind"), max_length=20, choices=AppointmentKind.choices)
    application = models.ForeignKey(
        "workflow.Application",
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appointments",
    )
    pairing = models.ForeignKey(
        "pairings.Pairing",
        verbose_name=_("pairing"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appointments",
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    #: An hour after the start when not given (see ``save``).
    ends_at = models.DateTimeField(_("ends"), blank=True)
    place = models.TextField(_("place"))
    details = models.TextField(_("details"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("scheduled by"), on_delete=models.RESTRICT, related_name="+"
    )
    #: Stays the same for the appointment's whole life, so calendars update their entry.
    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True, editable=False)
    #: Bumped at each change, so calendars take the newer invitation (RFC 5545 SEQUENCE).
    sequence = models.PositiveIntegerField(_("version"), default=0)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(application__isnull=False, pairing__isnull=True, kind__in=[k.value for k in FILE_KINDS])
                    | Q(application__isnull=True, pairing__isnull=False, kind__in=[k.value for k in PAIRING_KINDS])
                ),
                name="appointment_about_a_file_or_a_pairing",
            ),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="appointment_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.ends_at is None and self.starts_at is not None:
            self.ends_at = self.starts_at + DEFAULT_LENGTH
        super().save(*args, **kwargs)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def files(self) -> list:
        """The files concerned: the file itself, or the pairing's host's and guest's."""
        if self.application_id:
            return [self.application]
        return [self.pairing.host, self.pairing.guest]
