"""Domain errors of the pairings app, each with a message fit to show the person acting."""

from django.utils.translation import gettext_lazy as _

from workflow.exceptions import WorkflowError


class PairingRefused(WorkflowError):
    default_message = _("This pairing is not possible.")


class AlreadyPaired(PairingRefused):
    default_message = _("One of the two people is already in a pairing. Nothing was changed.")


class PairingNotFound(WorkflowError):
    default_message = _("This pairing does not exist or is not in your territories.")
