"""Refusals of the appointments app, each with a message fit to show the person acting."""

from django.utils.translation import gettext_lazy as _

from workflow.exceptions import WorkflowError


class AppointmentNotFound(WorkflowError):
    default_message = _("This appointment does not exist or is not in your territories.")


class AppointmentRefused(WorkflowError):
    default_message = _("This appointment cannot be scheduled as it is.")
