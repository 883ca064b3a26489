"""Exports asked for in the back office: built in the background, kept for a while, then purged.

An export's file lives in the private storage, encrypted like the supporting documents (never in
the public media); only its requester downloads it, until it expires.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import private_storage


class ExportKind(models.TextChoices):
    FILES = "files", _("Files (one line per file)")
    OPENDATA = "opendata", _("Monthly figures per territory")
    STATISTICS = "statistics", _("Statistics, as shown on their page")


class ExportFormat(models.TextChoices):
    CSV = "csv", _("CSV (comma-separated, UTF-8)")
    XLSX = "xlsx", _("Excel workbook (XLSX)")
    ODS = "ods", _("OpenDocument spreadsheet (ODS)")


class ExportState(models.TextChoices):
    QUEUED = "queued", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


def export_path(instance, filename: str) -> str:
    return f"exports/{timezone.now():%Y/%m}/{filename}"


class Export(models.Model):
    """One export asked for by a staff member: what (kind, format, parameters), and its file."""

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("asked by"), on_delete=models.CASCADE, related_name="exports"
    )
    kind = models.CharField(_("export"), max_length=20, choices=ExportKind.choices)
    format = models.CharField(_("format"), max_length=10, choices=ExportFormat.choices)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    #: The hash of the normalised parameters: the same export asked again has the same one.
    parameters_hash = models.CharField(max_length=64)
    state = models.CharField(_("state"), max_length=10, choices=ExportState.choices, default=ExportState.QUEUED)
    row_count = models.PositiveIntegerField(_("lines"), null=True, blank=True)
    file = models.FileField(storage=private_storage, upload_to=export_path, max_length=200, blank=True)
    created_at = models.DateTimeField(_("asked"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("available until"), db_index=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["requester", "kind", "format", "parameters_hash", "created_at"], name="export_reuse"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_format_display()})"

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def downloadable(self) -> bool:
        return self.state == ExportState.READY and bool(self.file) and not self.expired

    @property
    def filename(self) -> str:
        return f"weshare-{self.kind}-{timezone.localtime(self.created_at):%Y-%m-%d-%H%M}.{self.format}"


from .milestones import FileMilestone, MilestonesRefresh, PairingMilestone  # noqa: E402, F401 - models of the app
