"""Private supporting documents of applications, encrypted at rest, and who opened them.

The files live in the ``private`` storage (never the public media), encrypted with the
platform's document keys; they are read only through :mod:`documents.services`, which checks
the reader's rights and records every opening.
"""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflow.enums import DocumentKind


def private_storage():
    return storages["private"]


def blob_path(instance, filename) -> str:
    return f"documents/{uuid.uuid4().hex}.bin"


class SupportingDocument(models.Model):
    """A private file attached to an application (identity, enrolment, landlord consent…)."""

    application = models.ForeignKey(
        "workflow.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="supporting_documents",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("fingerprint"), max_length=64)
    blob = models.FileField(storage=private_storage, upload_to=blob_path, max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the applicant uploaded it."),
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")
        ordering = ["application", "kind", "-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.original_name}"


class DocumentAccess(models.Model):
    """One opening of a private document: who, when, what for. Never edited."""

    class Action(models.TextChoices):
        UPLOADED = "uploaded", _("uploaded")
        DOWNLOADED = "downloaded", _("downloaded")
        VERIFIED = "verified", _("verified")
        REENCRYPTED = "reencrypted", _("re-encrypted")

    document = models.ForeignKey(SupportingDocument, on_delete=models.CASCADE, related_name="accesses")
    action = models.CharField(max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, null=True, blank=True, related_name="+"
    )
    by_applicant = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("document access")
        verbose_name_plural = _("document accesses")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.document} — {self.action} — {self.at:%Y-%m-%d %H:%M}"
