"""Background work of conversations (django-q2): telling people, by their channel, of messages
they have not read ``CONVERSATION_NOTIFY_AFTER_MINUTES`` after they were sent.

Run every five minutes; safe to run twice: a reader is told once per run of unread messages
(the notification's occasion is the first message they have not read), whatever the number of
runs or of messages that follow, and again only after they have read and a new one arrives.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from workflow import access
from workflow.notifications import notify

from .messages import KIND
from .models import Conversation, Message, ReadMark
from .services import person_reader, staff_reader

#: Messages older than this are not announced any more (the reader has seen their space since).
LOOK_BACK = timedelta(days=7)


def _first_unread(conversation: Conversation, reader: str, *, not_by: dict, before) -> Message | None:
    mark = ReadMark.objects.filter(conversation=conversation, reader=reader).values_list("last_read", flat=True).first()
    return (
        conversation.messages.filter(hidden_at__isnull=True, pk__gt=mark or 0, created_at__lte=before)
        .exclude(**not_by)
        .order_by("pk")
        .first()
    )


def notify_unread_messages() -> int:
    """Tell each participant of a recent conversation who has not read a message in time."""
    now = timezone.now()
    before = now - timedelta(minutes=settings.CONVERSATION_NOTIFY_AFTER_MINUTES)
    recent = Conversation.objects.filter(
        messages__created_at__lte=before, messages__created_at__gte=now - LOOK_BACK, messages__hidden_at__isnull=True
    ).distinct()
    told = 0
    for conversation in recent.select_related(
        "application__person",
        "application__territory",
        "pairing__host__person",
        "pairing__guest__person",
        "pairing__host__territory",
    ):
        for application in conversation.files:
            person = application.person
            if person is None or application.anonymised_at is not None:
                continue
            first = _first_unread(
                conversation, person_reader(person.pk), not_by={"author_person_id": person.pk}, before=before
            )
            if first is not None:
                told += len(
                    notify(
                        person,
                        KIND,
                        {"conversation_id": conversation.pk},
                        about=conversation,
                        occasion=f"{person_reader(person.pk)}:{first.pk}",
                        application=application,
                    )
                )
        territory = (conversation.pairing.host if conversation.pairing_id else conversation.application).territory
        for user in access.vetting_staff_for(territory):
            first = _first_unread(
                conversation,
                staff_reader(user),
                not_by={"author_person__isnull": True},
                before=before,
            )
            if first is not None:
                told += len(
                    notify(
                        user,
                        KIND,
                        {"conversation_id": conversation.pk},
                        about=conversation,
                        occasion=f"{staff_reader(user)}:{first.pk}",
                    )
                )
    return told
