"""The websocket of an open conversation: new messages, hidden ones, read receipts and who is
typing, pushed to the page. Messages are sent over HTTP by the page's form (with or without
script), or over the socket (``{"type": "send", "body": …}``) by a client that keeps it open;
both go through the same service and its checks.

Nothing is lost or shown twice: the page says the last message it shows (``?after=``), the
socket joins the conversation's group before it sends what came after, and it keeps the last id
it sent, so an event seen twice or a message saved during the catch-up is sent once, in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings

from .presentation import render_messages
from .readers import reader_of
from .realtime import group_name
from .services import mark_read, message_send

#: Close codes the page understands: refused (not yours, signed out) and ended (session over).
REFUSED = 4403
ENDED = 4401


def _db(function):
    """The consumer's database work, in the thread pool: one socket's wait never holds the others'."""
    return database_sync_to_async(function, thread_sensitive=False)


def _int(value, default: int = 0) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return default


class ConversationConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.conversation_id = _int(self.scope["url_route"]["kwargs"].get("pk"))
        query = parse_qs(self.scope.get("query_string", b"").decode())
        language = (query.get("lang") or [""])[0]
        self.language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        self.last_sent = _int((query.get("after") or ["0"])[0])
        self.lock = asyncio.Lock()
        self.recheck = None
        found = await self._reader()
        if found is None:
            await self.close(code=REFUSED)
            return
        self.reader, self.moderates = found[0], await _db(_moderates)(found[0], found[1])
        self.checked_at = time.monotonic()
        self.group = group_name(self.conversation_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self._catch_up()
        self.recheck = asyncio.create_task(self._recheck_periodically())

    async def disconnect(self, code):
        if self.recheck is not None:
            self.recheck.cancel()
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    # -- rights ---------------------------------------------------------------------------------

    async def _reader(self):
        session = self.scope.get("session")
        key = getattr(session, "session_key", None)
        return await _db(reader_of)(key, self.conversation_id)

    async def _still_allowed(self, *, now: bool = False) -> bool:
        """Asked again at least every ``CONVERSATION_RECHECK_SECONDS``, and at once when ``now``."""
        if not now and time.monotonic() - self.checked_at < settings.CONVERSATION_RECHECK_SECONDS:
            return True
        found = await self._reader()
        if found is None or found[0].key != self.reader.key:
            return False
        self.moderates = await _db(_moderates)(found[0], found[1])
        self.checked_at = time.monotonic()
        return True

    async def _recheck_periodically(self):
        while True:
            await asyncio.sleep(settings.CONVERSATION_RECHECK_SECONDS)
            if not await self._still_allowed(now=True):
                await self.close(code=ENDED)
                return

    # -- what the page says ---------------------------------------------------------------------

    async def receive_json(self, content, **kwargs):
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        # Sending asks everything again; reading and typing within the last check's period.
        if not await self._still_allowed(now=kind == "send"):
            await self.close(code=ENDED)
            return
        if kind == "typing":
            await self.channel_layer.group_send(
                self.group, {"type": "conversation.event", "event": "typing", "reader": self.reader.key}
            )
        elif kind == "read":
            up_to = min(_int(content.get("id")), self.last_sent)
            if up_to:
                await _db(self._mark_read)(up_to)
        elif kind == "send":
            # The same service as the form: rights, length and rate checked there.
            await self.send_json(await _db(self._send)(content.get("body")))

    def _send(self, body) -> dict:
        from django.utils import translation

        from .exceptions import ConversationNotFound, MessageRefused

        with translation.override(self.language):
            try:
                message = message_send(
                    conversation_id=self.conversation_id,
                    body=body if isinstance(body, str) else "",
                    user=self.reader.user,
                    applicant=self.reader.applicant,
                )
            except (MessageRefused, ConversationNotFound) as refusal:
                return {"type": "error", "error": str(refusal.message)}
        return {"type": "sent", "id": message.pk}

    def _mark_read(self, up_to: int) -> None:
        from .models import Conversation

        conversation = Conversation.objects.filter(pk=self.conversation_id).first()
        if conversation is not None:
            mark_read(conversation, self.reader.key, up_to)

    # -- what happens in the conversation -------------------------------------------------------

    async def _catch_up(self):
        async with self.lock:
            payloads = await _db(render_messages)(
                self.conversation_id, self.reader, self.language, after=self.last_sent, moderates=self.moderates
            )
            for payload in payloads:
                await self.send_json(payload)
                self.last_sent = max(self.last_sent, payload["id"])

    async def conversation_event(self, event):
        kind = event.get("event")
        if kind == "message":
            if _int(event.get("id")) > self.last_sent:
                await self._catch_up()
        elif kind == "hidden":
            message_id = _int(event.get("id"))
            if message_id and message_id <= self.last_sent:
                payloads = await _db(render_messages)(self.conversation_id, self.reader, self.language, only=message_id)
                for payload in payloads:
                    await self.send_json({**payload, "type": "replace"})
        elif kind == "read" and event.get("reader") != self.reader.key:
            await self.send_json({"type": "read", "id": _int(event.get("id"))})
        elif kind == "typing" and event.get("reader") != self.reader.key:
            with contextlib.suppress(Exception):
                name = await _db(_typing_name)(event.get("reader", ""), self.conversation_id)
                await self.send_json({"type": "typing", "name": name})


def _moderates(reader, conversation) -> bool:
    from workflow import access

    return reader.user is not None and access.may_write_in_conversation(reader.user, conversation)


def _typing_name(reader: str, conversation_id: int) -> str:
    from .presentation import reader_name

    return reader_name(reader, conversation_id)
