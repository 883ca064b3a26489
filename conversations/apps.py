from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("Conversations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.contrib.sessions.models import Session
        from django.db.models.signals import post_delete, post_save

        from pairings.models import Pairing
        from workflow.audit_views import EVENT_SENTENCES
        from workflow.models import Application, StaffMembership

        from . import (
            messages,  # noqa: F401 - declares the notification of unread messages
            realtime,
        )

        # Open sockets close when their session ends and check again when a right may be withdrawn.
        post_delete.connect(realtime.session_ended, sender=Session, dispatch_uid="conversations-session-ended")
        post_save.connect(realtime.user_saved, sender=get_user_model(), dispatch_uid="conversations-user-saved")
        post_save.connect(realtime.file_saved, sender=Application, dispatch_uid="conversations-file-saved")
        post_save.connect(realtime.pairing_saved, sender=Pairing, dispatch_uid="conversations-pairing-saved")
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                realtime.membership_changed, sender=StaffMembership, dispatch_uid=f"conversations-membership-{name}"
            )

        # The audit trail's screen says what these events did instead of showing their codes.
        EVENT_SENTENCES.update(
            {
                "conversation.message_hidden": _("hid a message of a conversation"),
                "conversation.message_reported": _("reported a message of a conversation"),
                "conversation.advisor_asked": _("asked their advisor about the pairing"),
                "conversation.attachment_sent": _("sent a document in a conversation"),
                "conversation.attachment_opened": _("opened a document sent in a conversation"),
            }
        )
