"""The bridge from a message saved to the pages that show its conversation: an event in the
conversation's group of the channel layer (Redis in production, memory in a single process).
The event carries ids only; each open page reads what it may see from the database."""

import logging

from asgiref.sync import async_to_sync

logger = logging.getLogger(__name__)


def group_name(conversation_id: int) -> str:
    return f"conversation-{conversation_id}"


def announce(conversation_id: int, event: dict) -> None:
    """Tell the open pages of the conversation; a page that misses it catches up when it
    reconnects (it asks for what came after the last message it shows), so a failure here
    loses nothing and is only logged."""
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group_name(conversation_id), {"type": "conversation.event", **event})
    except Exception:  # noqa: BLE001 - the message is saved; the pages catch up on reconnection.
        logger.warning("Could not announce an event of conversation %s", conversation_id, exc_info=True)
