"""The audit chain's tables: the events, the head every writer locks, and the daily anchors.

They were first created by the workflow app and keep their tables (``workflow_auditevent`` …),
so the PostgreSQL append-only trigger, the rows and the indexes are those of before.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One security-relevant event (sign-in, transition, document opened, export, permission change,
    signature). Append-only: each entry carries the hash of the previous one (see :mod:`audit.chain`).
    Names people and objects by id only, so erasing a person never breaks the chain."""

    at = models.DateTimeField(_("when"), db_index=True)
    action = models.CharField(_("event"), max_length=60, db_index=True)
    actor = models.CharField(_("by"), max_length=254, blank=True)
    user_id = models.IntegerField(_("account"), null=True, blank=True, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    application_id = models.IntegerField(_("file"), null=True, blank=True, db_index=True)
    pairing_id = models.IntegerField(_("pairing"), null=True, blank=True, db_index=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        db_table = "workflow_auditevent"
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.actor}"


class AuditHead(models.Model):
    """The head of the audit chain: locked by each writer, so events are chained one after another."""

    hash = models.CharField(max_length=64)
    event_id = models.BigIntegerField(null=True)

    class Meta:
        db_table = "workflow_audithead"

    def __str__(self) -> str:
        return self.hash


class AuditAnchor(models.Model):
    """A timestamp, by the platform's timestamp authority, of the chain's head on a given day.

    ``length`` is the number of entries the chain had then (empty for anchors made before it was
    kept: those are checked by ``event_id``); each anchoring is also an ``audit.anchored`` entry."""

    event_id = models.BigIntegerField()
    hash = models.CharField(max_length=64, unique=True)
    length = models.PositiveBigIntegerField(null=True, blank=True)
    token = models.BinaryField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "workflow_auditanchor"
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} — #{self.event_id}"
