from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Programme and case files")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.admin import auth as wagtail_admin_auth

        # Modules that tell notify() what only they know when a message leaves (links, lists).
        from . import (  # noqa: F401
            applicants,
            signal_handlers,  # noqa: F401
            tasks,
        )
        from .admin_views import permission_denied

        # Wagtail's admin calls this module-level function when a right is missing.
        wagtail_admin_auth.permission_denied = permission_denied

        # The public forms must still ask every answer the matching and the conventions read.
        from django.core import checks

        from .checks import check_answers_are_asked

        checks.register(check_answers_are_asked, "workflow")
