"""The websocket of an open conversation: new messages, hidden ones, read receipts and who is
typing, pushed to the page; and the page's own messages (``{"type": "send", "body": …,
"client_id": …}``), stored by the same service as the form's.

Who reads is decided when the socket opens, as the pages decide it (:mod:`conversations.readers`),
and decided again at once when the session ends (it is deleted at sign-out or replaced at
sign-in), when a staff member's account or memberships change, when the file or the pairing
changes, and in any case every ``CONVERSATION_RECHECK_SECONDS``; the socket also closes itself
at the session's idle or absolute limit. Between checks,
each message costs the server no more than storing it: the announcement carries the message, and
each open page renders it for its reader without asking the database.

Nothing is lost or shown twice: the page says the last message it shows (``?after=``), the
socket joins the conversation's group before it sends what came after, and it keeps the last id
it sent. An announcement names the message before it (messages of a conversation are written
one after the other); a socket that did not send that one reads what it missed from the
database instead, so an announcement seen twice, late or out of order changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext

from . import loop_store
from .presentation import render_event, render_messages, time_zone
from .readers import reader_of, session_group, staff_group
from .realtime import file_group, group_name, pairing_group
from .services import author_of, message_event, message_store, read_up_to

#: Close codes the page understands: refused (not yours, signed out) and ended (session over).
REFUSED = 4403
ENDED = 4401
#: How long an announcement that came before the one it follows waits for it.
GAP_SECONDS = 1.0


def in_thread(function, **options):
    """``function`` run in the thread pool, as Channels' ``database_sync_to_async`` runs it, with
    one difference: the thread's connection is not asked whether it still answers before each
    piece of work (a round trip to the server every time), only closed after one that failed or
    when it has grown old, as Django does after a request."""

    def run(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        finally:
            if connection.errors_occurred or (
                connection.close_at is not None and time.monotonic() >= connection.close_at
            ):
                connection.close_if_unusable_or_obsolete()

    return sync_to_async(run, **options)


def _db(function):
    """The consumer's database work, in the thread pool: one socket's wait never holds the others'."""
    return in_thread(function, thread_sensitive=False)


def _int(value, default: int = 0) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return default


def _rights(session_key: str | None, conversation_id: int):
    """``(reader, author or None, moderates, time zone)`` if the session may read the
    conversation now, else None; all of it decided at once, in one visit to the database."""
    from .exceptions import MessageRefused

    found = reader_of(session_key, conversation_id)
    if found is None:
        return None
    reader, conversation = found
    try:
        author = author_of(conversation, user=reader.user, applicant=reader.applicant)
    except MessageRefused:  # a staff member who reads without answering
        author = None
    moderates = reader.user is not None and author is not None
    # The groups told when what the rights depend on changes: the files and the pairing.
    about = [file_group(application.pk) for application in conversation.files]
    if conversation.pairing_id:
        about.append(pairing_group(conversation.pairing_id))
    return reader, author, moderates, time_zone(reader), about, conversation


def _opening(session_key: str | None, conversation_id: int, language: str, after: int):
    """What a socket needs to open, in one visit to the database: the rights (:func:`_rights`)
    and the messages after ``after`` as this reader reads them; None if they may not read."""
    found = _rights(session_key, conversation_id)
    if found is None:
        return None
    reader, _author, moderates, _zone, _about, conversation = found
    payloads = render_messages(
        conversation_id, reader, language, after=after, moderates=moderates, conversation=conversation
    )
    return found, payloads


class ConversationConsumer(AsyncJsonWebsocketConsumer):
    async def dispatch(self, message):
        """As Channels dispatches, without its hop to the synchronous thread before every
        message to close "old" database connections: this consumer never uses a connection of
        that thread (its database work runs in the pool, which looks after its own, see
        :func:`in_thread`), and the hop, once per frame and per announcement on one thread for
        every socket of the process, made them queue."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self):
        self.conversation_id = _int(self.scope["url_route"]["kwargs"].get("pk"))
        query = parse_qs(self.scope.get("query_string", b"").decode())
        language = (query.get("lang") or [""])[0]
        self.language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        self.last_sent = _int((query.get("after") or ["0"])[0])
        self.last_read = 0
        self.reader = None  # until the rights are known
        self.lock = asyncio.Lock()
        self.recheck = None
        self.gap = None
        #: Announcements that came before the one they follow, by the id they follow.
        self.waiting: dict[int, dict] = {}
        self.groups_joined = []
        session = self.scope.get("session")
        self.session_key = getattr(session, "session_key", None)
        # The conversation's announcements are kept from before the messages are read: one
        # written meanwhile is in both, and shown once (the socket handles them after this).
        self.group = group_name(self.conversation_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        self.groups_joined.append(self.group)
        opened = await _db(_opening)(self.session_key, self.conversation_id, self.language, self.last_sent)
        if opened is None:
            await self.close(code=REFUSED)
            return
        found, payloads = opened
        self._take(found)
        for group in (session_group(self.session_key), *self._staff_groups(), *self.about):
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.append(group)
        await self.accept()
        for payload in payloads:
            await self.send_json(payload)
            self.last_sent = max(self.last_sent, payload["id"])
        # The page (and anyone measuring) knows it holds everything up to here.
        await self.send_json({"type": "ready", "id": self.last_sent})
        self.recheck = asyncio.create_task(self._recheck_periodically())

    async def disconnect(self, code):
        for task in (self.recheck, getattr(self, "gap", None)):
            if task is not None:
                task.cancel()
        for group in getattr(self, "groups_joined", ()):
            await self.channel_layer.group_discard(group, self.channel_name)

    def _staff_groups(self) -> list[str]:
        return [staff_group(self.reader.user.pk)] if self.reader.user is not None else []

    # -- rights ---------------------------------------------------------------------------------

    async def _check(self) -> bool:
        """Decide who reads, what they may do and until when; False when they may not read."""
        found = await _db(_rights)(self.session_key, self.conversation_id)
        if found is None or found[0].key != self.reader.key:
            return False
        self._take(found)
        return True

    def _take(self, found):
        self.reader, self.author, self.moderates, self.time_zone, self.about, _conversation = found

    def _session_over(self) -> bool:
        return self.reader.ends_at is not None and time.time() > self.reader.ends_at

    async def _end(self):
        if self.recheck is not None:
            self.recheck.cancel()
            self.recheck = None
        await self.close(code=ENDED)

    async def _recheck_periodically(self):
        while True:
            # Spread over the period: sockets opened together do not all ask at the same moment.
            await asyncio.sleep(settings.CONVERSATION_RECHECK_SECONDS * random.uniform(0.5, 1))  # noqa: S311
            if self._session_over() or not await self._check():
                await self._end()
                return

    async def conversation_ended(self, event):
        """The session was signed out or replaced."""
        await self._end()

    async def conversation_recheck(self, event):
        """The staff member's account or memberships, the file or the pairing changed: decide
        again now."""
        if not await self._check():
            await self._end()

    # -- what the page says ---------------------------------------------------------------------

    async def receive_json(self, content, **kwargs):
        if not isinstance(content, dict):
            return
        if self._session_over():
            await self._end()
            return
        kind = content.get("type")
        if kind == "typing" and self.author is not None:
            await self.channel_layer.group_send(
                self.group,
                {"type": "conversation.event", "event": "typing", "reader": self.reader.key, "name": self.author.name},
            )
        elif kind == "read":
            up_to = min(_int(content.get("id")), self.last_sent)
            if up_to > self.last_read:
                self.last_read = up_to
                await _db(read_up_to)(self.conversation_id, self.reader.key, up_to)
                await self.channel_layer.group_send(
                    self.group, {"type": "conversation.event", "event": "read", "reader": self.reader.key, "id": up_to}
                )
        elif kind == "send":
            answer, event = await self._store(content.get("body"), content.get("client_id"))
            await self.send_json(answer)
            if event is not None:
                await self.channel_layer.group_send(self.group, {"type": "conversation.event", **event})

    async def _store(self, body, client_id) -> tuple[dict, dict | None]:
        """The page's message stored: what to answer the page, and the announcement (None when
        nothing new was stored)."""
        from .exceptions import ConversationNotFound, MessageRefused

        with translation.override(self.language):
            if self.author is None:
                return {"type": "error", "error": gettext("You may read this conversation but not write in it.")}, None
            body = body if isinstance(body, str) else ""
            try:
                if loop_store.available():
                    message, created = await loop_store.message_store(self.author, body, client_id)
                else:
                    message, created = await _db(message_store)(self.author, body, client_id)
            except (MessageRefused, ConversationNotFound) as refusal:
                return {"type": "error", "error": str(refusal.message), "client_id": client_id}, None
        if created and self.author.proxy_id and loop_store.available():
            # The loop's store writes the message alone: the person's journal is written here.
            from .services import proxy_message_record

            await _db(proxy_message_record)(message, self.author)
        answer = {"type": "sent", "id": message.pk}
        if client_id is not None:
            answer["client_id"] = client_id
        return answer, (message_event(message, self.author) if created else None)

    # -- what happens in the conversation -------------------------------------------------------

    async def _catch_up(self):
        async with self.lock:
            payloads = await _db(render_messages)(
                self.conversation_id, self.reader, self.language, after=self.last_sent, moderates=self.moderates
            )
            for payload in payloads:
                if payload["id"] > self.last_sent:
                    await self.send_json(payload)
                    self.last_sent = payload["id"]
            await self._show_waiting()

    def _rendered(self, event) -> dict:
        with translation.override(self.language), timezone.override(self.time_zone):
            return render_event(event, self.reader, moderates=self.moderates)

    async def _show_waiting(self):
        """The announcements that waited for the one just shown, in order; under the lock."""
        while self.last_sent in self.waiting:
            payload = self._rendered(self.waiting.pop(self.last_sent))
            await self.send_json(payload)
            self.last_sent = payload["id"]
        self.waiting = {after: event for after, event in self.waiting.items() if event["id"] > self.last_sent}
        if not self.waiting and self.gap is not None:
            self.gap.cancel()
            self.gap = None

    async def _fill_gap(self):
        """An announcement came before the one it follows: the missing one usually arrives within
        moments (two server processes announce in their own order); after ``GAP_SECONDS`` it is
        read from the database."""
        await asyncio.sleep(GAP_SECONDS)
        self.gap = None
        if self.waiting:
            await self._catch_up()

    async def _show(self, event):
        """A new message: rendered from its announcement when it follows the last one sent (or,
        when it comes early, once that one is shown), read from the database otherwise."""
        async with self.lock:
            message_id = _int(event.get("id"))
            if message_id <= self.last_sent:
                return  # sent already
            previous = event.get("previous")
            if "body" in event and previous == self.last_sent:
                payload = self._rendered(event)
                await self.send_json(payload)
                self.last_sent = payload["id"]
                await self._show_waiting()
                return
            if "body" in event and isinstance(previous, int) and previous > self.last_sent:
                self.waiting[previous] = {**event, "id": message_id}
                if self.gap is None:
                    self.gap = asyncio.create_task(self._fill_gap())
                return
        await self._catch_up()

    async def conversation_event(self, event):
        if self.reader is None:
            return  # announced while the socket was being refused: not for it
        kind = event.get("event")
        if kind == "message":
            await self._show(event)
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
                await self.send_json({"type": "typing", "name": str(event.get("name", ""))[:150]})
