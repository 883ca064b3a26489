from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents and conventions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from audit import chain as audit

        from . import checks, letters  # noqa: F401
        from .conventions import services  # noqa: F401 - makes signing codes when their message leaves

        # The audit chain's anchors are timestamped by the platform's authority: checked here.
        audit.register_anchor_checker("documents.tasks.audit_anchor_problem")
