"""States of a convention and its signing parties, in the order they sign; who holds a certificate."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConventionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    RENDERED = "rendered", _("Ready to be signed")
    SIGNED_BY_GUEST = "signed_by_guest", _("Signed by the guest")
    SIGNED_BY_HOST = "signed_by_host", _("Signed by the host")
    SIGNED_BY_ASSOCIATION = "signed_by_association", _("Signed by the association")
    SIGNED_BY_PENSION_OFFICE = "signed_by_pension_office", _("Signed by the pension office")
    SEALED = "sealed", _("Signed and sealed")
    REFUSED = "refused", _("Refused")


class SigningParty(models.TextChoices):
    GUEST = "guest", _("Guest")
    HOST = "host", _("Host")
    ASSOCIATION = "association", _("Association")
    PENSION_OFFICE = "pension_office", _("Pension office")


class CertificateHolder(models.TextChoices):
    """Who a stored signing certificate belongs to: a signing party, or the platform itself (its seal)."""

    GUEST = SigningParty.GUEST.value, SigningParty.GUEST.label
    HOST = SigningParty.HOST.value, SigningParty.HOST.label
    ASSOCIATION = SigningParty.ASSOCIATION.value, SigningParty.ASSOCIATION.label
    PENSION_OFFICE = SigningParty.PENSION_OFFICE.value, SigningParty.PENSION_OFFICE.label
    PLATFORM = "platform", _("WeShare's seal")


#: Who signs after which state: the order is guest → host → association → pension office.
SIGNING_ORDER = [
    (SigningParty.GUEST, ConventionState.RENDERED, ConventionState.SIGNED_BY_GUEST),
    (SigningParty.HOST, ConventionState.SIGNED_BY_GUEST, ConventionState.SIGNED_BY_HOST),
    (SigningParty.ASSOCIATION, ConventionState.SIGNED_BY_HOST, ConventionState.SIGNED_BY_ASSOCIATION),
    (SigningParty.PENSION_OFFICE, ConventionState.SIGNED_BY_ASSOCIATION, ConventionState.SIGNED_BY_PENSION_OFFICE),
]
CAN_BE_REFUSED_STATES = [
    ConventionState.RENDERED,
    ConventionState.SIGNED_BY_GUEST,
    ConventionState.SIGNED_BY_HOST,
    ConventionState.SIGNED_BY_ASSOCIATION,
]


class AuthorityKind(models.TextChoices):
    ROOT = "root", _("Root authority")
    ISSUING = "issuing", _("Issuing authority")
    TSA = "tsa", _("Timestamp authority")
