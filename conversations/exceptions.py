from django.utils.translation import gettext_lazy as _

from workflow.exceptions import WorkflowError


class ConversationNotFound(WorkflowError):
    default_message = _("This conversation does not exist or is not yours to read.")


class MessageRefused(WorkflowError):
    """A message that cannot be sent as it is; the text typed is kept and shown again."""

    default_message = _("This message could not be sent.")
