"""Domain errors of the workflow app, each with a message fit to show the person acting."""

from django.utils.translation import gettext_lazy as _


class WorkflowError(Exception):
    """A refused action; ``message`` is shown to the person who tried it."""

    default_message = _("This action could not be carried out.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class ApplicationNotFound(WorkflowError):
    default_message = _("This application does not exist or is not in your territories.")


class ActionNotPermitted(WorkflowError):
    default_message = _("You are not allowed to do this on this application.")


class TransitionRefused(WorkflowError):
    default_message = _("This action is not possible in the application's current state.")


class StaleState(WorkflowError):
    default_message = _(
        "Someone else changed this application while you were looking at it. "
        "Here is its current state; nothing was lost."
    )


class ReasonRequired(WorkflowError):
    default_message = _("Please give a reason: the applicant will read it.")


class LinkInvalid(WorkflowError):
    default_message = _("This link is not valid. Please ask for a new one.")


class LinkExpired(WorkflowError):
    default_message = _("This link has expired. Please ask for a new one.")


class LinkAlreadyUsed(WorkflowError):
    default_message = _("This link has already been used. Please ask for a new one if you need to.")
