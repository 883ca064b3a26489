from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("Conversations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from workflow.audit_views import EVENT_SENTENCES

        from . import messages  # noqa: F401 - declares the notification of unread messages

        # The audit trail's screen says what these events did instead of showing their codes.
        EVENT_SENTENCES.update(
            {
                "conversation.message_hidden": _("hid a message of a conversation"),
                "conversation.message_reported": _("reported a message of a conversation"),
                "conversation.advisor_asked": _("asked their advisor about the pairing"),
            }
        )
