"""What the back office lists: the conversations one answers, unread first, and the prepared
answers in the staff member's language."""

from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from workflow import access

from .models import CannedReply, Conversation, ReadMark
from .services import staff_reader


def answered_by(user):
    """The conversations of the files and pairings ``user`` vets or leads."""
    territories = access.territories_vetted_by(user)
    return Conversation.objects.filter(
        Q(application__territory__in=territories) | Q(pairing__host__territory__in=territories)
    )


def inbox_of(user, *, limit: int = 200) -> list[Conversation]:
    """The conversations ``user`` answers that hold a message, unread ones first, then the most
    recent; each with ``unread`` (messages from applicants not read by ``user``) and ``last_at``."""
    mark = ReadMark.objects.filter(conversation=OuterRef("pk"), reader=staff_reader(user)).values("last_read")[:1]
    return list(
        answered_by(user)
        .annotate(read_up_to=Coalesce(Subquery(mark), 0), last_at=Max("messages__created_at"))
        .filter(last_at__isnull=False)
        .annotate(
            unread=Count(
                "messages",
                filter=Q(
                    messages__author_person__isnull=False,
                    messages__hidden_at__isnull=True,
                    messages__pk__gt=F("read_up_to"),
                ),
            )
        )
        .select_related("application", "pairing__host", "pairing__guest")
        .order_by("-unread", "-last_at")[:limit]
    )


def canned_replies_for(request) -> list[CannedReply]:
    return list(CannedReply.objects.filter(language=(get_language() or "").split("-")[0]))
