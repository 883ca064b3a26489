"""The bridge from what happens in the database to the pages that show a conversation: events
in channel-layer groups (Redis in production, memory in a single process).

- A conversation's group hears of its new messages (the message itself, so that the pages
  render it without asking the database), hidden ones, read receipts and who is typing.
- A session's group hears that the session ended (signed out, or replaced at sign-in): its
  sockets close at once.
- A staff member's group hears that their account or memberships changed, a file's group that
  the file changed (withdrawn, closed, erased…), a pairing's that the pairing did: the sockets
  concerned decide again whether their reader may still read.
"""

import logging

from asgiref.sync import async_to_sync
from django.db import transaction

logger = logging.getLogger(__name__)


def group_name(conversation_id: int) -> str:
    return f"conversation-{conversation_id}"


def _send(group: str, event: dict) -> None:
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:  # noqa: BLE001 - what the pages missed, they read when they reconnect.
        logger.warning("Could not tell the group %s", group, exc_info=True)


def announce(conversation_id: int, event: dict) -> None:
    """Tell the open pages of the conversation; a page that misses it catches up when it
    reconnects (it asks for what came after the last message it shows), so a failure here
    loses nothing and is only logged."""
    _send(group_name(conversation_id), {"type": "conversation.event", **event})


def session_ended(sender, instance, **kwargs) -> None:
    """A session row was deleted (signed out, replaced at sign-in, expired and cleared)."""
    from .readers import session_group

    key = instance.session_key
    transaction.on_commit(lambda: _send(session_group(key), {"type": "conversation.ended"}))


def staff_changed(user_id: int) -> None:
    """A staff member's account or memberships changed."""
    from .readers import staff_group

    transaction.on_commit(lambda: _send(staff_group(user_id), {"type": "conversation.recheck"}))


def user_saved(sender, instance, created, **kwargs) -> None:
    if not created:
        staff_changed(instance.pk)


def membership_changed(sender, instance, **kwargs) -> None:
    if instance.user_id:
        staff_changed(instance.user_id)


def file_group(application_id: int) -> str:
    return f"conversations-file-{application_id}"


def pairing_group(pairing_id: int) -> str:
    return f"conversations-pairing-{pairing_id}"


def file_saved(sender, instance, created, **kwargs) -> None:
    if not created:
        group = file_group(instance.pk)
        transaction.on_commit(lambda: _send(group, {"type": "conversation.recheck"}))


def pairing_saved(sender, instance, created, **kwargs) -> None:
    if not created:
        group = pairing_group(instance.pk)
        transaction.on_commit(lambda: _send(group, {"type": "conversation.recheck"}))
