from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Programme and case files")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.admin import auth as wagtail_admin_auth

        from . import signal_handlers  # noqa: F401
        from .admin_views import permission_denied

        # Wagtail's admin calls this module-level function when a right is missing.
        wagtail_admin_auth.permission_denied = permission_denied
