"""The message telling someone that a conversation holds messages they have not read, declared to
:func:`workflow.notifications.notify`; :mod:`conversations.tasks` sends it once per unread run."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from workflow.enums import Channel
from workflow.models import Notification
from workflow.notifications import Kind, admin_url, public_url, register_kind, register_preparer

KIND = "conversation.unread"


def _subject(context: dict) -> str:
    return str(_("You have a new message"))


def prepare(notification: Notification) -> dict:
    """The page of the conversation, in the reader's language: the space's for an applicant, the
    back office's for staff."""
    conversation_id = notification.context.get("conversation_id")
    if not isinstance(conversation_id, int):
        return {}
    if notification.user_id:
        return {"url": admin_url("conversation_admin", conversation_id)}
    with translation.override(notification.language):
        return {"url": public_url("applicant_conversation", conversation_id)}


register_kind(Kind(KIND, _subject, channels=(Channel.EMAIL, Channel.SMS), in_space=False))
register_preparer(KIND, prepare)
