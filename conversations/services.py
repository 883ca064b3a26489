"""Sending, reading, hiding and reporting messages. Every function checks the rights itself
(through :mod:`workflow.access`), whichever screen or socket calls it.

Messages of one conversation are written one at a time (a row lock on the conversation), so
their ids give their order: a reader who reconnects asks for what came after the last id seen,
and nothing is missed or shown twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.chain import record
from workflow import access
from workflow.enums import MandateRight
from workflow.mandates import ProxyNotAllowed, proxy_action_record
from workflow.models import Application, Mandate

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
    conversation = access.applicant_conversations(applicant.conversation_ids, _related()).filter(pk=pk).first()
    if conversation is None:
        raise ConversationNotFound()
    return conversation


def messages_after(conversation: Conversation, after: int = 0, *, limit: int = 500) -> list[Message]:
    """The conversation's messages after the id ``after``, oldest first, authors joined."""
    return list(
        conversation.messages.filter(pk__gt=after)
        .select_related("author_user", "author_person", "hidden_by")
        .prefetch_related("attachments")
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


@dataclass(frozen=True)
class Author:
    """Someone whose right to write in one conversation was checked (:func:`author_in`), with how
    the others see them: a staff member's full name, an applicant's first name, and their role
    (``advisor``, ``host``, ``guest``, or none for the applicant of a file)."""

    conversation_id: int
    reader: str
    user_id: int | None = None
    person_id: int | None = None
    name: str = ""
    role: str = ""
    #: A proxy writing for ``person_id`` under a mandate, and the proxy's name.
    proxy_id: int | None = None
    proxy_name: str = ""
    #: The file the proxy acts on (for the person's journal).
    application_id: int | None = None

    @property
    def fields(self) -> dict:
        if self.user_id:
            return {"author_user_id": self.user_id}
        return {"author_person_id": self.person_id, "proxy_id": self.proxy_id}


def author_of(conversation: Conversation, *, user=None, applicant=None) -> Author:
    """``user`` or ``applicant`` as the author of messages in ``conversation``, which they were
    found to read (:func:`conversation_for_staff`, :func:`conversation_for_applicant`)."""
    if user is not None:
        if not access.may_write_in_conversation(user, conversation):
            raise MessageRefused(_("You may read this conversation but not write in it."))
        return Author(
            conversation.pk,
            staff_reader(user),
            user_id=user.pk,
            name=user.get_full_name() or user.get_username(),
            role="advisor",
        )
    if applicant is not None:
        name, role = "", ""
        files = list(conversation.files)
        own = [application for application in files if application.person_id == applicant.person_id]
        represented = next((a for a in files if not own and applicant.may(a.pk, MandateRight.WRITE)), None)
        if not own and represented is None:
            raise MessageRefused(_("Your mandate lets you read these messages, not write them."))
        for application in own or [represented]:
            name = application.first_name
            if conversation.pairing_id:
                role = "host" if application.pk == conversation.pairing.host_id else "guest"
        if represented is not None:
            return Author(
                conversation.pk,
                person_reader(applicant.person_id),
                person_id=represented.person_id,
                name=name,
                role=role,
                proxy_id=applicant.person_id,
                proxy_name=proxy_name_of(applicant.person_id, represented.person_id),
                application_id=represented.pk,
            )
        return Author(
            conversation.pk, person_reader(applicant.person_id), person_id=applicant.person_id, name=name, role=role
        )
    raise ConversationNotFound()


def proxy_name_of(proxy_id: int, person_id: int) -> str:
    """The name a proxy gave when they took up the person's mandate."""
    return (
        Mandate.objects.filter(proxy_id=proxy_id, person_id=person_id)
        .order_by("-pk")
        .values_list("proxy_name", flat=True)
        .first()
        or ""
    )


def author_in(conversation_id: int, *, user=None, applicant=None) -> Author:
    """Check that ``user`` (staff) or the signed-in ``applicant`` may write in the conversation."""
    if user is not None:
        return author_of(conversation_for_staff(user, conversation_id), user=user)
    if applicant is not None:
        return author_of(conversation_for_applicant(applicant, conversation_id), applicant=applicant)
    raise ConversationNotFound()


def _reference(client_id) -> uuid.UUID | None:
    """The sender's reference of a message, if it is one (anything else is ignored)."""
    try:
        return uuid.UUID(str(client_id)) if client_id else None
    except ValueError:
        return None


def message_store(author: Author, body: str, client_id=None) -> tuple[Message, bool]:
    """Store ``body`` from ``author``, whose right to write was checked by :func:`author_in`
    (by the page, or by the socket at its last check). ``(message, True)`` when stored now;
    ``(message, False)`` when a message with the same sender's reference ``client_id`` was stored
    before (a resend after a timeout). Refused with a message to show: an empty or too long
    text, too many messages in a minute.

    The conversation's row is locked while the message is written, so messages of one
    conversation are written one after the other: ``message.previous_id`` is the message before
    it, which lets an open page know it missed nothing."""
    body = _cleaned(body)
    reference = _reference(client_id)
    try:
        with transaction.atomic():
            found = _write(author, body, reference)
            if author.proxy_id and not isinstance(found, int):
                proxy_message_record(found, author)
    except ProxyNotAllowed as refusal:
        raise MessageRefused(refusal.message) from None
    except IntegrityError:  # someone else's reference: never theirs to reuse
        raise MessageRefused(_("Your message could not be sent: send it again.")) from None
    if isinstance(found, int):
        return Message.objects.get(pk=found), False
    return found, True


def proxy_message_record(message: Message, author: Author) -> None:
    """A message a proxy wrote goes into the journal of the person they wrote for."""
    application = Application.objects.filter(pk=author.application_id).first()
    if application is None:
        raise ProxyNotAllowed()
    proxy_action_record(
        proxy_id=author.proxy_id,
        application=application,
        right=MandateRight.WRITE,
        action="proxy.message_sent",
        summary=str(
            _("Wrote a message in the homesharing's conversation")
            if author.role
            else _("Wrote a message to the association")
        ),
        data={"conversation_id": author.conversation_id, "message_id": message.pk},
        details={"with_the_pair": bool(author.role)},
    )


def _sql(template: str) -> str:
    """``template`` with the tables' and columns' names filled in, quoted for the database."""
    quote = connection.ops.quote_name
    names = {
        "conversation": quote(Conversation._meta.db_table),
        "message": quote(Message._meta.db_table),
        "read_mark": quote(ReadMark._meta.db_table),
    }
    return template.format(**names)


#: PostgreSQL writes a message in one statement, once the conversation's row is locked: the
#: author's messages of the last minute (the rate) and the one with this reference (a resend),
#: the message before it, the message itself (unless it is a resend or one too many) and the
#: author's read mark. Run after the lock, it sees every message committed before.
_WRITE_POSTGRESQL = """
WITH recent AS (
    SELECT COUNT(*) FILTER (WHERE created_at > %(since)s) AS sent,
           MAX(id) FILTER (WHERE conversation_id = %(conversation)s AND client_id = %(reference)s) AS earlier
    FROM {{message}} WHERE {author_column} = %(author)s
    AND (created_at > %(since)s OR (conversation_id = %(conversation)s AND client_id = %(reference)s))
), here AS (
    SELECT id FROM {{conversation}} WHERE id = %(conversation)s
), previous AS (
    SELECT COALESCE(MAX(id), 0) AS id FROM {{message}} WHERE conversation_id = %(conversation)s
), written AS (
    INSERT INTO {{message}} (conversation_id, {author_column}, proxy_id, body, created_at, client_id, hidden_reason)
    SELECT here.id, %(author)s, %(proxy)s, %(body)s, %(now)s, %(reference)s, '' FROM here, recent
    WHERE recent.earlier IS NULL AND recent.sent < %(limit)s
    RETURNING id
), marked AS (
    INSERT INTO {{read_mark}} (conversation_id, reader, last_read, read_at)
    SELECT %(conversation)s, %(reader)s, written.id, %(now)s FROM written
    ON CONFLICT (conversation_id, reader) DO UPDATE
    SET last_read = GREATEST({{read_mark}}.last_read, EXCLUDED.last_read), read_at = EXCLUDED.read_at
)
SELECT (SELECT id FROM here), recent.earlier, previous.id, (SELECT id FROM written)
FROM recent, previous
"""


def _write_values(author: Author, body: str, reference, now) -> dict:
    return {
        "conversation": author.conversation_id,
        "author": author.user_id or author.person_id,
        "proxy": author.proxy_id,
        "reader": author.reader,
        "body": body,
        "now": now,
        "since": now - timedelta(minutes=1),
        "reference": reference,
        "limit": settings.CONVERSATION_MESSAGES_PER_MINUTE,
    }


def _written(author: Author, body: str, reference, now, row) -> Message | int:
    """The outcome of :data:`_WRITE_POSTGRESQL` (``row``): the new message, the id of the one
    stored before with this reference, or the refusal."""
    here, earlier, previous_id, message_id = row
    if here is None:
        raise ConversationNotFound()
    if earlier:
        return earlier
    if message_id is None:
        raise MessageRefused(_("You have sent many messages in a short time: wait a minute, then send this one again."))
    return _new_message(author, message_id, body, now, reference, previous_id)


def _new_message(author: Author, message_id: int, body: str, now, reference, previous_id: int) -> Message:
    """The message just written, as the database holds it, with the id of the one before it."""
    message = Message(
        pk=message_id,
        conversation_id=author.conversation_id,
        body=body,
        created_at=now,
        client_id=reference,
        **author.fields,
    )
    message.previous_id = previous_id
    return message


def _write_statements(author: Author) -> tuple[str, str]:
    """The lock of the conversation's row, and the writing."""
    author_column = "author_user_id" if author.user_id else "author_person_id"
    return (
        _sql("SELECT id FROM {conversation} WHERE id = %(conversation)s FOR UPDATE"),
        _sql(_WRITE_POSTGRESQL.format(author_column=author_column)),
    )


def _write(author: Author, body: str, reference) -> Message | int:
    """The writing itself, inside the caller's transaction: the new message, or the id of the
    message stored before with the same reference.

    Every message of every open conversation comes this way, so it is written in SQL with no
    model machinery: on PostgreSQL the lock and one statement, sent together (one exchange with
    the server, then the commit); elsewhere five short statements. The tests run it on SQLite
    and PostgreSQL."""
    if connection.vendor == "postgresql":
        return _write_postgresql(author, body, reference)
    now = timezone.now()
    prep = connection.ops.adapt_datetimefield_value
    since = prep(now - timedelta(minutes=1))
    author_column = "author_user_id" if author.user_id else "author_person_id"
    author_id = author.user_id or author.person_id
    reference_value = Message._meta.get_field("client_id").get_db_prep_value(reference, connection)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        statement = _sql("SELECT id FROM {conversation} WHERE id = %s" + lock)  # noqa: S608 - names, not values
        cursor.execute(statement, [author.conversation_id])
        if cursor.fetchone() is None:
            raise ConversationNotFound()
        # The author's messages of the last minute (for the rate) and the one with this
        # reference (a resend), in one statement.
        cursor.execute(
            _sql(
                "SELECT COUNT(*) FILTER (WHERE created_at > %s),"  # noqa: S608 - names, not values
                " MAX(id) FILTER (WHERE conversation_id = %s AND client_id = %s)"
                f" FROM {{message}} WHERE {author_column} = %s"
                " AND (created_at > %s OR (conversation_id = %s AND client_id = %s))"
            ),
            [since, author.conversation_id, reference_value, author_id, since, author.conversation_id, reference_value],
        )
        recent, earlier = cursor.fetchone()
        if earlier:
            return earlier
        if recent >= settings.CONVERSATION_MESSAGES_PER_MINUTE:
            raise MessageRefused(
                _("You have sent many messages in a short time: wait a minute, then send this one again.")
            )
        cursor.execute(_sql("SELECT MAX(id) FROM {message} WHERE conversation_id = %s"), [author.conversation_id])
        previous_id = cursor.fetchone()[0] or 0
        cursor.execute(
            _sql(
                "INSERT INTO {message}"  # noqa: S608 - names, not values
                f" (conversation_id, {author_column}, proxy_id, body, created_at, client_id, hidden_reason)"
                " VALUES (%s, %s, %s, %s, %s, %s, '') RETURNING id"
            ),
            [author.conversation_id, author_id, author.proxy_id, body, prep(now), reference_value],
        )
        message_id = cursor.fetchone()[0]
        cursor.execute(
            _sql(
                "UPDATE {read_mark} SET last_read = CASE WHEN last_read < %s THEN %s ELSE last_read END,"
                " read_at = %s WHERE conversation_id = %s AND reader = %s"
            ),
            [message_id, message_id, prep(now), author.conversation_id, author.reader],
        )
        marked = cursor.rowcount
    if not marked:  # the author's first message here
        _mark(author.conversation_id, author.reader, message_id)
    return _new_message(author, message_id, body, now, reference, previous_id)


def _write_postgresql(author: Author, body: str, reference) -> Message | int:
    now = timezone.now()
    lock, write = _write_statements(author)
    connection.ensure_connection()
    driver = connection.connection  # psycopg's: both statements leave in one exchange
    # Django's errors (IntegrityError…) as through its own cursors.
    with connection.wrap_database_errors, driver.pipeline(), driver.cursor() as locking, driver.cursor() as cursor:
        locking.execute(lock, {"conversation": author.conversation_id})
        cursor.execute(write, _write_values(author, body, reference, now))
        row = cursor.fetchone()
    return _written(author, body, reference, now, row)


def message_event(message: Message, author: Author) -> dict:
    """What the conversation's open pages are told of a new message: enough for a page that
    shows the message before it to show this one without asking the database again."""
    return {
        "event": "message",
        "id": message.pk,
        "previous": getattr(message, "previous_id", None),
        "author": author.reader,
        "name": author.name,
        "role": author.role,
        "proxy": author.proxy_name,
        "body": message.body,
        "created_at": message.created_at.isoformat(),
    }


def message_send(*, conversation_id: int, body: str, user=None, applicant=None, client_id=None) -> Message:
    """Send ``body`` as a staff ``user`` (who must answer this conversation) or as the signed-in
    ``applicant`` (who must take part in it). Refused with a message to show: an empty or too
    long text, too many messages in a minute, no right to write. Sending again with the same
    ``client_id`` returns the message stored the first time."""
    body = _cleaned(body)
    with transaction.atomic():
        author = author_in(conversation_id, user=user, applicant=applicant)
        message, created = message_store(author, body, client_id)
    if created:
        transaction.on_commit(lambda: _announce(author.conversation_id, _event_after_commit(message, author)))
    return message


def _event_after_commit(message: Message, author: Author) -> dict:
    """A message that came with attachments is read from the database by the pages."""
    if hasattr(message, "attachments") and message.attachments.exists():
        return {"event": "message", "id": message.pk}
    return message_event(message, author)


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


def read_up_to(conversation_id: int, reader: str, up_to: int) -> None:
    """``reader``, who reads the conversation (checked by the caller), has read it up to the
    message ``up_to``; the caller tells the open pages."""
    _mark(conversation_id, reader, up_to)


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
