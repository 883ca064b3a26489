"""Sending, reading, hiding and reporting messages. Every function checks the rights itself
(through :mod:`workflow.access`), whichever screen or socket calls it.

Messages of one conversation are written one at a time (a row lock on the conversation), so
their ids give their order: a reader who reconnects asks for what came after the last id seen,
and nothing is missed or shown twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.chain import record
from workflow import access

from .exceptions import ConversationNotFound, MessageRefused
from .models import MAX_LENGTH, Conversation, Message, ReadMark, Report

#: What may be said of a reason to hide or report a message, at most.
MAX_REASON_LENGTH = 500


def staff_reader(user) -> str:
    return f"user:{user.pk}"


def person_reader(person_id: int) -> str:
    return f"person:{person_id}"


# -- finding ------------------------------------------------------------------------------------


def conversation_of_file(application) -> Conversation:
    """The file's conversation, made the first time it is opened."""
    return _get_or_create(application=application)


def conversation_of_pairing(pairing) -> Conversation:
    """The pairing's conversation (host, guest and advisor), made the first time it is opened."""
    return _get_or_create(pairing=pairing)


def _get_or_create(**about) -> Conversation:
    try:
        with transaction.atomic():
            return Conversation.objects.get_or_create(**about)[0]
    except IntegrityError:  # opened at the same moment by someone else
        return Conversation.objects.get(**about)


def _related() -> QuerySet[Conversation]:
    return Conversation.objects.select_related(
        "application__territory", "pairing__host__territory", "pairing__guest__territory"
    )


def conversation_for_staff(user, pk: int) -> Conversation:
    """The conversation ``pk`` if ``user`` reads it; not found otherwise, whether it exists or not."""
    conversation = _related().filter(pk=pk).first()
    # The rule of access.conversations_visible_to, asked of one object (cheaper than the query).
    if conversation is None or not (
        access.may_view_pairing(user, conversation.pairing)
        if conversation.pairing_id
        else access.may_view(user, conversation.application)
    ):
        raise ConversationNotFound()
    return conversation


def conversation_for_applicant(applicant, pk: int) -> Conversation:
    """The conversation ``pk`` if the signed-in applicant takes part in it; not found otherwise."""
    conversation = access.applicant_conversations(applicant.application_ids, _related()).filter(pk=pk).first()
    if conversation is None:
        raise ConversationNotFound()
    return conversation


def messages_after(conversation: Conversation, after: int = 0, *, limit: int = 500) -> list[Message]:
    """The conversation's messages after the id ``after``, oldest first, authors joined."""
    return list(
        conversation.messages.filter(pk__gt=after)
        .select_related("author_user", "author_person", "hidden_by")
        .order_by("pk")[:limit]
    )


# -- writing ------------------------------------------------------------------------------------


def _cleaned(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise MessageRefused(_("Write your message before sending it."))
    if len(body) > MAX_LENGTH:
        raise MessageRefused(
            _("A message is at most %(max)d characters long; yours has %(count)d. Shorten it or send it in two.")
            % {"max": MAX_LENGTH, "count": len(body)}
        )
    return body


def _too_fast(**author) -> bool:
    limit = settings.CONVERSATION_MESSAGES_PER_MINUTE
    since = timezone.now() - timedelta(minutes=1)
    return Message.objects.filter(created_at__gt=since, **author).count() >= limit


def message_send(*, conversation_id: int, body: str, user=None, applicant=None) -> Message:
    """Send ``body`` as a staff ``user`` (who must answer this conversation) or as the signed-in
    ``applicant`` (who must take part in it). Refused with a message to show: an empty or too
    long text, too many messages in a minute, no right to write."""
    body = _cleaned(body)
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().filter(pk=conversation_id).first()
        if user is not None:
            conversation = conversation and conversation_for_staff(user, conversation.pk)
            if conversation is None:
                raise ConversationNotFound()
            if not access.may_write_in_conversation(user, conversation):
                raise MessageRefused(_("You may read this conversation but not write in it."))
            author, reader = {"author_user": user}, staff_reader(user)
        elif applicant is not None:
            conversation = conversation and conversation_for_applicant(applicant, conversation.pk)
            if conversation is None:
                raise ConversationNotFound()
            author, reader = {"author_person_id": applicant.person_id}, person_reader(applicant.person_id)
        else:
            raise ConversationNotFound()
        if _too_fast(**author):
            raise MessageRefused(
                _("You have sent many messages in a short time: wait a minute, then send this one again.")
            )
        message = Message.objects.create(conversation=conversation, body=body, **author)
        _mark(conversation.pk, reader, message.pk)
    transaction.on_commit(lambda: _announce(conversation.pk, {"event": "message", "id": message.pk}))
    return message


def _announce(conversation_id: int, event: dict) -> None:
    """Tell the conversation's open pages (through their sockets) that something happened."""
    from .realtime import announce

    announce(conversation_id, event)


# -- reading ------------------------------------------------------------------------------------


def _mark(conversation_id: int, reader: str, up_to: int) -> None:
    now = timezone.now()
    updated = ReadMark.objects.filter(conversation_id=conversation_id, reader=reader).update(
        last_read=Greatest(F("last_read"), up_to), read_at=now
    )
    if not updated:
        try:
            with transaction.atomic():
                ReadMark.objects.create(conversation_id=conversation_id, reader=reader, last_read=up_to, read_at=now)
        except IntegrityError:
            ReadMark.objects.filter(conversation_id=conversation_id, reader=reader).update(
                last_read=Greatest(F("last_read"), up_to), read_at=now
            )


def mark_read(conversation: Conversation, reader: str, up_to: int | None = None) -> None:
    """``reader`` has read the conversation up to the message ``up_to`` (its last one by default)."""
    if up_to is None:
        up_to = conversation.messages.order_by("-pk").values_list("pk", flat=True).first() or 0
    if up_to:
        _mark(conversation.pk, reader, up_to)
        transaction.on_commit(lambda: _announce(conversation.pk, {"event": "read", "reader": reader, "id": up_to}))


def _unread(messages: QuerySet[Message], reader: str) -> QuerySet[Message]:
    mark = ReadMark.objects.filter(conversation=OuterRef("conversation"), reader=reader).values("last_read")[:1]
    return (
        messages.filter(hidden_at__isnull=True)
        .annotate(read_up_to=Subquery(mark))
        .filter(Q(read_up_to__isnull=True) | Q(pk__gt=F("read_up_to")))
    )


def unread_for_staff(user) -> int:
    """Messages from applicants not read yet by ``user`` in the conversations they answer."""
    territories = access.territories_vetted_by(user)
    messages = Message.objects.filter(author_person__isnull=False).filter(
        Q(conversation__application__territory__in=territories)
        | Q(conversation__pairing__host__territory__in=territories)
    )
    return _unread(messages, staff_reader(user)).count()


def unread_by_conversation_for_staff(user, conversations) -> dict[int, int]:
    counts = {}
    for message in _unread(
        Message.objects.filter(author_person__isnull=False, conversation__in=conversations), staff_reader(user)
    ).values_list("conversation_id", flat=True):
        counts[message] = counts.get(message, 0) + 1
    return counts


def unread_for_applicant(applicant) -> dict[int, int]:
    """Per conversation of the applicant, the messages others wrote that they have not read."""
    conversations = access.applicant_conversations(applicant.application_ids, Conversation.objects.all())
    messages = Message.objects.filter(conversation__in=conversations).exclude(author_person_id=applicant.person_id)
    counts = {}
    for conversation_id in _unread(messages, person_reader(applicant.person_id)).values_list(
        "conversation_id", flat=True
    ):
        counts[conversation_id] = counts.get(conversation_id, 0) + 1
    return counts


def read_receipts(conversation: Conversation) -> dict[str, int]:
    """How far each reader has read: reader key → last message id read."""
    return dict(conversation.read_marks.values_list("reader", "last_read"))


def unread_sentence(count: int) -> str:
    return ngettext("%(count)d unread message", "%(count)d unread messages", count) % {"count": count}


# -- moderation ---------------------------------------------------------------------------------


def _reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise MessageRefused(_("Say why, in a few words: the reason is kept with the message."))
    if len(reason) > MAX_REASON_LENGTH:
        raise MessageRefused(_("The reason is at most %(max)d characters long.") % {"max": MAX_REASON_LENGTH})
    return reason


def _audit_ids(conversation: Conversation) -> dict:
    if conversation.pairing_id:
        return {"pairing_id": conversation.pairing_id}
    return {"application_id": conversation.application_id}


def message_hide(*, message_id: int, by, reason: str) -> Message:
    """An advisor who answers the conversation hides a message from it, saying why; the text is
    kept (for the legal period) and the act recorded in the audit trail."""
    reason = _reason(reason, required=True)
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None:
            raise ConversationNotFound()
        conversation = conversation_for_staff(by, message.conversation_id)
        if not access.may_write_in_conversation(by, conversation):
            raise MessageRefused(_("Only the advisors who answer this conversation hide its messages."))
        if message.hidden_at is None:
            message.hidden_at, message.hidden_by, message.hidden_reason = timezone.now(), by, reason
            message.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
            record(
                "conversation.message_hidden",
                user=by,
                data={"conversation_id": conversation.pk, "message_id": message.pk},
                **_audit_ids(conversation),
            )
        message.reports.filter(reviewed_at__isnull=True).update(reviewed_at=timezone.now(), reviewed_by=by)
    transaction.on_commit(lambda: _announce(conversation.pk, {"event": "hidden", "id": message.pk}))
    return message


def message_report(*, message_id: int, reason: str, user=None, applicant=None) -> Report:
    """A participant reports a message: it goes to the review queue of the conversation's advisors
    (nothing is hidden until one of them decides). Reporting twice changes nothing."""
    reason = _reason(reason, required=False)
    message = Message.objects.filter(pk=message_id).first()
    if message is None:
        raise ConversationNotFound()
    if user is not None:
        conversation = conversation_for_staff(user, message.conversation_id)
        reporter = staff_reader(user)
    elif applicant is not None:
        conversation = conversation_for_applicant(applicant, message.conversation_id)
        reporter = person_reader(applicant.person_id)
    else:
        raise ConversationNotFound()
    with transaction.atomic():
        report, created = Report.objects.get_or_create(message=message, reporter=reporter, defaults={"reason": reason})
        if created:
            record(
                "conversation.message_reported",
                user=user,
                actor="" if user is not None else reporter,
                data={"conversation_id": conversation.pk, "message_id": message.pk},
                **_audit_ids(conversation),
            )
    return report


def reports_to_review(user) -> QuerySet[Report]:
    """The open reports of the conversations ``user`` answers, oldest first."""
    territories = access.territories_vetted_by(user)
    return (
        Report.objects.filter(reviewed_at__isnull=True)
        .filter(
            Q(message__conversation__application__territory__in=territories)
            | Q(message__conversation__pairing__host__territory__in=territories)
        )
        .select_related("message__conversation", "message__author_user", "message__author_person")
        .order_by("created_at", "pk")
    )


def report_dismiss(*, report_id: int, by) -> None:
    """An advisor reads a report and keeps the message: the report leaves the queue."""
    report = reports_to_review(by).filter(pk=report_id).first()
    if report is None:
        raise ConversationNotFound()
    Report.objects.filter(pk=report.pk, reviewed_at__isnull=True).update(reviewed_at=timezone.now(), reviewed_by=by)


# -- "ask my advisor" ---------------------------------------------------------------------------

#: How many of the last messages a question quotes.
QUOTED_MESSAGES = 10


def _quote(conversation: Conversation) -> str:
    from .presentation import author_name

    last = list(
        conversation.messages.filter(hidden_at__isnull=True)
        .select_related("author_user", "author_person")
        .order_by("-pk")[:QUOTED_MESSAGES]
    )
    lines = []
    for message in reversed(last):
        when = timezone.localtime(message.created_at).strftime("%Y-%m-%d %H:%M")
        lines.append(f"{author_name(message, conversation)}, {when}: {message.body}")
    return "\n".join(lines)


def advisor_ask(*, conversation_id: int, applicant, question: str):
    """A host or a guest asks their advisor about their pairing: the question and the last
    messages quoted go to the pairing's page, for the advisor to record as an incident."""
    from .models import Question

    question = (question or "").strip()
    if not question:
        raise MessageRefused(_("Say in a few words what you would like your advisor to look at."))
    if len(question) > 1000:
        raise MessageRefused(_("The question is at most %(max)d characters long.") % {"max": 1000})
    conversation = conversation_for_applicant(applicant, conversation_id)
    if not conversation.pairing_id:
        raise MessageRefused(_("Write to your association in this conversation: your advisor reads it."))
    with transaction.atomic():
        asked = Question.objects.create(
            conversation=conversation,
            asked_by=person_reader(applicant.person_id),
            question=question,
            quoted=_quote(conversation),
        )
        record(
            "conversation.advisor_asked",
            actor=person_reader(applicant.person_id),
            data={"conversation_id": conversation.pk, "question_id": asked.pk},
            pairing_id=conversation.pairing_id,
        )
    return asked


def questions_open(pairing) -> QuerySet:
    from .models import Question

    return Question.objects.filter(conversation__pairing=pairing, handled_at__isnull=True).order_by("created_at")


def question_record_incident(*, question_id: int, by):
    """The advisor who leads the pairing records the question, with its quoted messages, as an
    incident of the pairing (a follow-up note); the question leaves the pairing's page."""
    from pairings.enums import NoteKind
    from pairings.services import note_add

    from .models import Question

    with transaction.atomic():
        asked = Question.objects.select_for_update().filter(pk=question_id).first()
        if asked is None:
            raise ConversationNotFound()
        conversation = conversation_for_staff(by, asked.conversation_id)
        if not access.may_write_in_conversation(by, conversation):
            raise MessageRefused(_("Only the advisors who lead this pairing record its incidents."))
        if asked.handled_at is not None:
            return asked
        text = _("Question asked in the conversation: %(question)s") % {"question": asked.question}
        if asked.quoted:
            text += "\n\n" + _("Messages quoted:") + "\n" + asked.quoted
        note_add(pairing_id=conversation.pairing_id, by=by, kind=NoteKind.INCIDENT, text=text)
        asked.handled_at, asked.handled_by = timezone.now(), by
        asked.save(update_fields=["handled_at", "handled_by"])
    return asked
