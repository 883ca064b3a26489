"""How a message reads for one reader: its author named as that reader knows them, its text
escaped with its links made clickable, hidden messages replaced by a sentence (the advisors who
answer still read them, with the reason), and whether the others have read the reader's own."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from workflow import access

from .models import Conversation, Message
from .services import messages_after, proxy_name_of, read_receipts


def time_zone(reader) -> str:
    profile = getattr(reader.user, "wagtail_userprofile", None) if reader.user is not None else None
    return getattr(profile, "current_time_zone", "") or settings.TIME_ZONE


def named(name: str, role: str) -> str:
    """An author as the others read them: ``Anne Martin, advisor``, ``Marie, host``, ``Marie``."""
    if role == "advisor":
        return _("%(name)s, advisor") % {"name": name}
    if role in ("host", "guest"):
        return _("%(name)s, %(role)s") % {"name": name, "role": _("host") if role == "host" else _("guest")}
    return name


def author_name(message: Message, conversation: Conversation) -> str:
    """A staff member by their name and role; an applicant by their first name (and, in a
    pairing, whether they host or are hosted)."""
    if message.author_user_id:
        user = message.author_user
        return named(user.get_full_name() or user.get_username(), "advisor")
    if message.author_person_id:
        for application in conversation.files:
            if application.person_id == message.author_person_id:
                role = ""
                if conversation.pairing_id:
                    role = "host" if application.pk == conversation.pairing.host_id else "guest"
                person = named(application.first_name, role)
                if message.proxy_id:
                    return on_behalf(proxy_name_of(message.proxy_id, message.author_person_id), person)
                return person
    return _("A former participant")


def on_behalf(proxy: str, person: str) -> str:
    """A message a proxy wrote for someone: ``Paul Martin on behalf of Marie, host``."""
    return _("%(proxy)s on behalf of %(person)s") % {"proxy": proxy, "person": person}


def reader_name(reader: str, conversation_id: int) -> str:
    """The name shown when ``reader`` (``user:…`` or ``person:…``) is typing."""
    from django.contrib.auth import get_user_model

    conversation = (
        Conversation.objects.select_related("application", "pairing__host", "pairing__guest")
        .filter(pk=conversation_id)
        .first()
    )
    kind, _sep, pk = reader.partition(":")
    if conversation is None or not pk.isdigit():
        return ""
    if kind == "user":
        user = get_user_model().objects.filter(pk=int(pk)).first()
        return (user.get_full_name() or user.get_username()) if user else ""
    for application in conversation.files:
        if application.person_id == int(pk):
            return application.first_name
    # A proxy typing for the person they act for.
    for application in conversation.files:
        name = proxy_name_of(int(pk), application.person_id)
        if name:
            return name
    return ""


def _is_mine(message: Message, reader) -> bool:
    return (
        message.author_user_id is not None and reader.user is not None and message.author_user_id == reader.user.pk
    ) or (
        message.author_person_id is not None
        and reader.applicant is not None
        and (message.proxy_id or message.author_person_id) == reader.applicant.person_id
    )


def _html(
    message: Message,
    reader,
    *,
    author: str,
    mine: bool,
    read_by_others: bool,
    moderates: bool,
    attachments,
    csrf_token: str = "",
    for_whom: str = "",
):
    return render_to_string(
        "conversations/message.html",
        {
            "message": message,
            "author": author,
            # A proxy reads their own message as written "on behalf of" the person.
            "for_whom": for_whom,
            "mine": mine,
            "read_by_others": read_by_others,
            "staff": reader.user is not None,
            "moderates": moderates,
            "attachments": attachments,
            # The page's token for the hide and report forms; a message pushed to an open page
            # gets the page's own from its script.
            "csrf_token": csrf_token,
        },
    )


def render_message(
    message: Message, conversation: Conversation, reader, *, receipts: dict, moderates: bool, csrf_token: str = ""
) -> str:
    mine = _is_mine(message, reader)
    read_by_others = mine and any(last_read >= message.pk for key, last_read in receipts.items() if key != reader.key)
    attachments = list(message.attachments.all()) if hasattr(message, "attachments") else []
    return _html(
        message,
        reader,
        author=author_name(message, conversation),
        for_whom=_for_whom(message, conversation) if mine and message.proxy_id else "",
        mine=mine,
        read_by_others=read_by_others,
        moderates=moderates,
        attachments=attachments,
        csrf_token=csrf_token,
    )


def render_event(event: dict, reader, *, moderates: bool) -> dict:
    """The payload of a new message from what its event carries (:func:`services.message_event`),
    without the database: a message just written has been read by nobody else and has no
    attachment (a message with one is announced by its id only). Call it in the reader's
    language and time zone."""
    kind, _sep, pk = event["author"].partition(":")
    message = Message(
        pk=event["id"],
        body=event["body"],
        created_at=datetime.fromisoformat(event["created_at"]),
        **({"author_user_id": int(pk)} if kind == "user" else {"author_person_id": int(pk)}),
    )
    html = _html(
        message,
        reader,
        author=(
            on_behalf(event["proxy"], named(event["name"], event["role"]))
            if event.get("proxy")
            else named(event["name"], event["role"])
        ),
        for_whom=named(event["name"], event["role"]) if event.get("proxy") and event["author"] == reader.key else "",
        mine=event["author"] == reader.key,
        read_by_others=False,
        moderates=moderates,
        attachments=[],
    )
    return {"type": "message", "id": message.pk, "html": html}


def render_messages(
    conversation_id: int,
    reader,
    language: str,
    *,
    after: int = 0,
    only: int | None = None,
    moderates=None,
    csrf_token: str = "",
    conversation: Conversation | None = None,
) -> list:
    """The payloads the socket sends: ``{"type": "message", "id", "html"}``, oldest first.
    ``conversation``, when the caller has it already, saves reading it again."""
    if conversation is None or conversation.pk != conversation_id:
        conversation = (
            Conversation.objects.select_related(
                "application__territory", "pairing__host__territory", "pairing__guest__territory"
            )
            .filter(pk=conversation_id)
            .first()
        )
    if conversation is None:
        return []
    if only is not None:
        messages = list(
            conversation.messages.filter(pk=only).select_related("author_user", "author_person", "hidden_by")
        )
    else:
        messages = messages_after(conversation, after)
    if not messages:
        return []
    if moderates is None:
        moderates = reader.user is not None and access.may_write_in_conversation(reader.user, conversation)
    receipts = read_receipts(conversation)
    with translation.override(language), timezone.override(time_zone(reader)):
        return [
            {
                "type": "message",
                "id": message.pk,
                "html": render_message(
                    message, conversation, reader, receipts=receipts, moderates=moderates, csrf_token=csrf_token
                ),
            }
            for message in messages
        ]


def thread_context(
    conversation: Conversation,
    reader,
    *,
    post_url: str,
    typed: str = "",
    error: str = "",
    canned=(),
    csrf_token: str = "",
):
    """What ``conversations/thread.html`` shows: the messages as this reader reads them, the form."""
    from .models import MAX_LENGTH

    shown = render_messages(conversation.pk, reader, get_language(), csrf_token=csrf_token)
    return {
        "conversation": conversation,
        "messages_html": [payload["html"] for payload in shown],
        "last_id": shown[-1]["id"] if shown else 0,
        "typed": typed,
        # The form's reference for the message it sends: posted twice, it is stored once.
        "client_id": uuid.uuid4(),
        "error": error,
        "post_url": post_url,
        "max_length": MAX_LENGTH,
        "canned": list(canned),
    }


def poll_payload(conversation: Conversation, reader, *, after) -> dict:
    """What a page that cannot keep a websocket open asks every few seconds: the messages after
    the last one it shows (``after``), and how far the others have read the reader's own. What
    it receives counts as read, as when the page is opened."""
    from .services import mark_read

    try:
        after = max(int(after), 0)
    except (TypeError, ValueError):
        after = 0
    shown = render_messages(conversation.pk, reader, get_language(), after=after)
    if shown:
        mark_read(conversation, reader.key, shown[-1]["id"])
    others = [last for key, last in read_receipts(conversation).items() if key != reader.key]
    return {"messages": shown, "read": max(others, default=0)}


def _for_whom(message: Message, conversation: Conversation) -> str:
    for application in conversation.files:
        if application.person_id == message.author_person_id:
            role = ""
            if conversation.pairing_id:
                role = "host" if application.pk == conversation.pairing.host_id else "guest"
            return named(application.first_name, role)
    return ""
