"""Private supporting documents of applications, encrypted at rest, and who opened them.

The files live in the ``private`` storage (never the public media), encrypted with the
platform's document keys; they are read only through :mod:`documents.services`, which checks
the reader's rights and records every opening.

The conventions are here too: their templates and frozen versions, each pairing's convention
with the steps of its file, the platform's authorities, the signers' certificates and the
one-time signing codes.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from workflow.enums import DocumentKind

from .enums import (
    CAN_BE_REFUSED_STATES,
    SIGNING_ORDER,
    AuthorityKind,
    CertificateHolder,
    ConventionState,
    SigningParty,
)


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


# -- Conventions -------------------------------------------------------------------------------


class ConventionTemplate(models.Model):
    """The text of the convention for one country and language, edited by authorised staff.

    Each save that changes the text creates a new numbered :class:`ConventionTemplateVersion`;
    a convention records the versions it was rendered from.
    """

    country = models.ForeignKey("workflow.Country", verbose_name=_("country"), on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    articles = StreamField(
        [
            (
                "article",
                blocks.StructBlock(
                    [
                        ("heading", blocks.CharBlock(label=_("heading"), max_length=200)),
                        ("body", blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "ol", "ul"])),
                    ],
                    label=_("article"),
                ),
            )
        ],
        verbose_name=_("articles"),
        help_text=_("Placeholders such as {host_name} or {contribution} are replaced by the pairing's values."),
    )
    legal_mentions = RichTextField(_("legal mentions"), features=["bold", "italic", "ul"], blank=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("convention template")
        verbose_name_plural = _("convention templates")
        ordering = ["country", "language"]
        constraints = [
            models.UniqueConstraint(fields=["country", "language"], name="one_convention_template_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.country}, {self.language}, v{self.version})"

    def save(self, *args, **kwargs):
        """Save, and freeze a new version when the text changed."""
        from django.db import transaction

        with transaction.atomic():
            latest = self.versions.order_by("-number").first() if self.pk else None
            snapshot = self.snapshot()
            if latest is None or latest.content != snapshot:
                self.version = (latest.number if latest else 0) + 1
                super().save(*args, **kwargs)
                ConventionTemplateVersion.objects.create(template=self, number=self.version, content=snapshot)
            else:
                super().save(*args, **kwargs)

    def texts(self) -> list[str]:
        parts = [self.title, self.legal_mentions]
        for block in self.articles:
            parts += [block.value["heading"], block.value["body"].source]
        return parts

    def clean(self) -> None:
        from .conventions.placeholders import PLACEHOLDERS, unknown_placeholders

        unknown = sorted({name for text in self.texts() for name in unknown_placeholders(text)})
        if unknown:
            raise ValidationError(
                _("Unknown placeholder(s): %(unknown)s. Known placeholders: %(known)s.")
                % {
                    "unknown": ", ".join("{" + name + "}" for name in unknown),
                    "known": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
                }
            )

    def snapshot(self) -> dict:
        return {
            "title": self.title,
            "articles": [{"heading": b.value["heading"], "body": b.value["body"].source} for b in self.articles],
            "legal_mentions": self.legal_mentions,
        }


class ConventionTemplateVersion(models.Model):
    """A frozen text of a template. Never edited."""

    template = models.ForeignKey(ConventionTemplate, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("convention template version")
        verbose_name_plural = _("convention template versions")
        ordering = ["template", "-number"]
        constraints = [models.UniqueConstraint(fields=["template", "number"], name="one_number_per_template_version")]

    def __str__(self) -> str:
        return f"{self.template.title} v{self.number}"


def convention_path(instance, filename) -> str:
    return f"conventions/{uuid.uuid4().hex}.pdf"


class Convention(ConcurrentTransitionMixin, models.Model):
    """The signed agreement of a pairing; its PDF grows by one incremental update per signature."""

    pairing = models.ForeignKey(
        "pairings.Pairing", verbose_name=_("pairing"), on_delete=models.PROTECT, related_name="conventions"
    )
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    token = models.CharField(max_length=43, unique=True, editable=False)
    state = FSMField(_("state"), default=ConventionState.DRAFT, choices=ConventionState.choices, protected=True)
    host_version = models.ForeignKey(
        ConventionTemplateVersion, verbose_name=_("host's text"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    guest_version = models.ForeignKey(
        ConventionTemplateVersion, verbose_name=_("guest's text"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    pdf = models.FileField(storage=private_storage, upload_to=convention_path, max_length=200, blank=True)
    sha256 = models.CharField(_("fingerprint of the current file"), max_length=64, blank=True)
    refused_by = models.CharField(_("refused by"), max_length=20, choices=SigningParty.choices, blank=True)
    refusal_reason = models.TextField(_("reason of the refusal"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    sealed_at = models.DateTimeField(_("sealed"), null=True, blank=True)

    class Meta:
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["pairing"],
                condition=~Q(state=ConventionState.REFUSED),
                name="one_current_convention_per_pairing",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    def next_party(self) -> str | None:
        for party, source, _target in SIGNING_ORDER:
            if self.state == source:
                return party
        return None

    @transition(field=state, source=ConventionState.DRAFT, target=ConventionState.RENDERED)
    def render(self, *, pdf_name: str, sha256: str) -> None:
        self.pdf.name, self.sha256, self.rendered_at = pdf_name, sha256, timezone.now()

    @transition(field=state, source=ConventionState.RENDERED, target=ConventionState.SIGNED_BY_GUEST)
    def sign_as_guest(self, *, pdf_name: str, sha256: str) -> None:
        self.pdf.name, self.sha256 = pdf_name, sha256

    @transition(field=state, source=ConventionState.SIGNED_BY_GUEST, target=ConventionState.SIGNED_BY_HOST)
    def sign_as_host(self, *, pdf_name: str, sha256: str) -> None:
        self.pdf.name, self.sha256 = pdf_name, sha256

    @transition(field=state, source=ConventionState.SIGNED_BY_HOST, target=ConventionState.SIGNED_BY_ASSOCIATION)
    def sign_as_association(self, *, pdf_name: str, sha256: str) -> None:
        self.pdf.name, self.sha256 = pdf_name, sha256

    @transition(
        field=state, source=ConventionState.SIGNED_BY_ASSOCIATION, target=ConventionState.SIGNED_BY_PENSION_OFFICE
    )
    def sign_as_pension_office(self, *, pdf_name: str, sha256: str) -> None:
        self.pdf.name, self.sha256 = pdf_name, sha256

    @transition(field=state, source=ConventionState.SIGNED_BY_PENSION_OFFICE, target=ConventionState.SEALED)
    def seal(self, *, pdf_name: str, sha256: str) -> None:
        self.pdf.name, self.sha256, self.sealed_at = pdf_name, sha256, timezone.now()

    @transition(field=state, source=CAN_BE_REFUSED_STATES, target=ConventionState.REFUSED)
    def refuse(self, *, party: str, reason: str) -> None:
        self.refused_by, self.refusal_reason = party, reason


class CodeDelivery(models.TextChoices):
    """How a signing code reached its signer."""

    EMAIL = "email", _("by email")
    SMS = "sms", _("by text message")
    SHEET = "sheet", _("on a printed code sheet handed over")
    LETTER = "letter", _("on a code sheet posted by letter")


class IdentityDocumentType(models.TextChoices):
    IDENTITY_CARD = "identity_card", _("Identity card")
    PASSPORT = "passport", _("Passport")
    RESIDENCE_PERMIT = "residence_permit", _("Residence permit")
    DRIVING_LICENCE = "driving_licence", _("Driving licence")
    OTHER = "other", _("Other official document with a photo")


class SigningPlace(models.TextChoices):
    HOME_VISIT = "home_visit", _("at home, during a visit")
    OFFICE = "office", _("at the association's office")


class IdentityCheck(models.Model):
    """An advisor's check, face to face, of a host's or a guest's identity document, before they
    sign the convention without a smartphone: the code they then receive is tied to it."""

    convention = models.ForeignKey(
        "Convention", verbose_name=_("convention"), on_delete=models.CASCADE, related_name="identity_checks"
    )
    application = models.ForeignKey(
        "workflow.Application", verbose_name=_("application"), on_delete=models.CASCADE, related_name="+"
    )
    party = models.CharField(_("party"), max_length=20, choices=SigningParty.choices)
    document_type = models.CharField(_("document shown"), max_length=20, choices=IdentityDocumentType.choices)
    document_number_end = models.CharField(_("last digits of the document's number"), max_length=4, blank=True)
    place = models.CharField(_("place"), max_length=20, choices=SigningPlace.choices)
    present = models.TextField(_("who was present"), max_length=500)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), on_delete=models.RESTRICT, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked"), default=timezone.now)

    class Meta:
        verbose_name = _("identity check")
        verbose_name_plural = _("identity checks")
        ordering = ["-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.convention} — {self.get_party_display()} — {self.checked_at:%Y-%m-%d %H:%M}"


class ConventionStep(models.Model):
    """One step of a convention's file: rendering, a signature, the seal. The audit sheet lists them. Never edited."""

    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=30)
    party = models.CharField(_("party"), max_length=20, choices=SigningParty.choices, blank=True)
    signer_name = models.CharField(_("signer"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
    )
    applicant_email = models.EmailField(_("applicant's address"), blank=True)
    certificate = models.ForeignKey(
        "SignerCertificate",
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sha256_before = models.CharField(_("fingerprint before"), max_length=64, blank=True)
    sha256_after = models.CharField(_("fingerprint after"), max_length=64)
    pdf_name = models.CharField(max_length=200)
    comment = models.TextField(_("comment"), blank=True)
    code_delivery = models.CharField(_("code delivered"), max_length=10, choices=CodeDelivery.choices, blank=True)
    identity_check = models.ForeignKey(
        IdentityCheck,
        verbose_name=_("identity check"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    place = models.CharField(_("signed in person"), max_length=20, choices=SigningPlace.choices, blank=True)
    present = models.TextField(_("who was present"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("convention step")
        verbose_name_plural = _("convention steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.convention} — {self.action}"

    ACTION_LABELS = {
        "rendered": _("rendered"),
        "signed": _("signed"),
        "sealed": _("sealed (document timestamp and validation data)"),
        "refused": _("refused"),
    }

    def action_label(self) -> str:
        return str(self.ACTION_LABELS.get(self.action, self.action))


class Authority(models.Model):
    """One of the platform's authorities: root, issuing CA, timestamp authority (key encrypted)."""

    kind = models.CharField(_("kind"), max_length=10, choices=AuthorityKind.choices, unique=True)
    certificate_pem = models.TextField(_("certificate"))
    key_pem = models.BinaryField(_("encrypted private key"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")

    def __str__(self) -> str:
        return self.get_kind_display()


class SignerCertificate(models.Model):
    """A signing party's certificate, issued once their identity is verified, or the platform's
    seal certificate (party "platform", one in use at a time, renewed before it expires); revocable."""

    application = models.ForeignKey(
        "workflow.Application", on_delete=models.PROTECT, null=True, blank=True, related_name="signer_certificates"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="signer_certificates"
    )
    party = models.CharField(_("party"), max_length=20, choices=CertificateHolder.choices)
    subject_name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    serial = models.CharField(_("serial number"), max_length=64, unique=True)
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64, unique=True)
    certificate_pem = models.TextField(_("certificate"))
    key_pem = models.BinaryField(_("encrypted private key"), blank=True, default=b"")
    key_label = models.CharField(
        _("key in the HSM"), max_length=64, blank=True, help_text=_("Label of the private key kept in the HSM, if any.")
    )
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason of the revocation"), blank=True)

    class Meta:
        verbose_name = _("signing certificate")
        verbose_name_plural = _("signing certificates")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.subject_name} — {self.get_party_display()} — {self.fingerprint[:16]}"


class SigningCode(models.Model):
    """A one-time code sent to an applicant before they sign (stored hashed, short-lived, single use).

    A code given after an identity check (``identity_check``: by text message, on a printed sheet,
    by post) signs only on an advisor's device, in person; any other only from the applicant's space.
    """

    application = models.ForeignKey("workflow.Application", on_delete=models.CASCADE, related_name="+")
    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    delivery = models.CharField(max_length=10, choices=CodeDelivery.choices, default=CodeDelivery.EMAIL)
    identity_check = models.ForeignKey(
        IdentityCheck, on_delete=models.PROTECT, null=True, blank=True, related_name="signing_codes"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.application} — {self.created_at:%Y-%m-%d %H:%M}"


def letter_path(instance, filename) -> str:
    return f"letters/{uuid.uuid4().hex}.bin"


class Letter(models.Model):
    """A notification that goes by post: its PDF (encrypted) waits in the association's print queue."""

    notification = models.OneToOneField(
        "workflow.Notification", verbose_name=_("notification"), on_delete=models.CASCADE, related_name="letter"
    )
    organisation = models.ForeignKey(
        "workflow.Organisation", verbose_name=_("association"), on_delete=models.PROTECT, related_name="letters"
    )
    blob = models.FileField(storage=private_storage, upload_to=letter_path, max_length=200)
    pages = models.PositiveSmallIntegerField(_("pages"), default=1)
    created_at = models.DateTimeField(_("ready to print"), default=timezone.now, db_index=True)
    printed_at = models.DateTimeField(_("printed"), null=True, blank=True)
    posted_at = models.DateTimeField(_("posted"), null=True, blank=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.notification.subject or self.notification.kind} — {self.created_at:%Y-%m-%d}"
