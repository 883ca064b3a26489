from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The append-only audit chain. It sits at the bottom of the import graph: every app records
    into it, and it imports none of them (the documents app hands it the anchor token checker)."""

    name = "audit"
    verbose_name = _("Audit trail")
    default_auto_field = "django.db.models.BigAutoField"
