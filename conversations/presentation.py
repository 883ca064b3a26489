"""How a message reads for one reader: its author named as that reader knows them, its text
escaped with its links made clickable, hidden messages replaced by a sentence (the advisors who
answer still read them, with the reason), and whether the others have read the reader's own."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from workflow import access

from .models import Conversation, Message
from .services import messages_after, read_receipts


def _time_zone(reader) -> str:
    profile = getattr(reader.user, "wagtail_userprofile", None) if reader.user is not None else None
    return getattr(profile, "current_time_zone", "") or settings.TIME_ZONE


def author_name(message: Message, conversation: Conversation) -> str:
    """A staff member by their name and role; an applicant by their first name (and, in a
    pairing, whether they host or are hosted)."""
    if message.author_user_id:
        user = message.author_user
        name = user.get_full_name() or user.get_username()
        return _("%(name)s, advisor") % {"name": name}
    if message.author_person_id:
        for application in conversation.files:
            if application.person_id == message.author_person_id:
                if conversation.pairing_id:
                    role = _("host") if application.pk == conversation.pairing.host_id else _("guest")
                    return _("%(name)s, %(role)s") % {"name": application.first_name, "role": role}
                return application.first_name
    return _("A former participant")


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
    return ""


def render_message(message: Message, conversation: Conversation, reader, *, receipts: dict, moderates: bool) -> str:
    mine = (
        message.author_user_id is not None and reader.user is not None and message.author_user_id == reader.user.pk
    ) or (
        message.author_person_id is not None
        and reader.applicant is not None
        and message.author_person_id == reader.applicant.person_id
    )
    read_by_others = mine and any(last_read >= message.pk for key, last_read in receipts.items() if key != reader.key)
    return render_to_string(
        "conversations/message.html",
        {
            "message": message,
            "author": author_name(message, conversation),
            "mine": mine,
            "read_by_others": read_by_others,
            "staff": reader.user is not None,
            "moderates": moderates,
        },
    )


def render_messages(
    conversation_id: int, reader, language: str, *, after: int = 0, only: int | None = None, moderates=None
) -> list:
    """The payloads the socket sends: ``{"type": "message", "id", "html"}``, oldest first."""
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
    if moderates is None:
        moderates = reader.user is not None and access.may_write_in_conversation(reader.user, conversation)
    receipts = read_receipts(conversation)
    with translation.override(language), timezone.override(_time_zone(reader)):
        return [
            {
                "type": "message",
                "id": message.pk,
                "html": render_message(message, conversation, reader, receipts=receipts, moderates=moderates),
            }
            for message in messages
        ]


def thread_context(conversation: Conversation, reader, *, post_url: str, typed: str = "", error: str = "", canned=()):
    """What ``conversations/thread.html`` shows: the messages as this reader reads them, the form."""
    from django.utils.translation import get_language

    from .models import MAX_LENGTH

    shown = render_messages(conversation.pk, reader, get_language())
    return {
        "conversation": conversation,
        "messages_html": [payload["html"] for payload in shown],
        "last_id": shown[-1]["id"] if shown else 0,
        "typed": typed,
        "error": error,
        "post_url": post_url,
        "max_length": MAX_LENGTH,
        "canned": list(canned),
    }
