from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "appointments"
    verbose_name = _("Appointments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Declares the appointment messages to notify() and makes their .ics when they leave.
        from django.utils.translation import gettext_lazy as _

        from workflow.audit_views import EVENT_SENTENCES

        from . import messages  # noqa: F401

        # The audit trail's screen says what these events did instead of showing their codes.
        EVENT_SENTENCES.update(
            {
                "appointment.scheduled": _("scheduled an appointment"),
                "appointment.changed": _("changed an appointment"),
                "appointment.cancelled": _("cancelled an appointment"),
            }
        )
