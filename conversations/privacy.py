"""What conversations hold of a person, for their export and their erasure. Texts stay for the
file's retention period, then follow it: when a file is anonymised (erasure asked, or retention
over), its own conversation's texts are erased, and in its pairings' the texts its applicant wrote."""

from django.db.models import Q

from .models import Message

#: What an erased message shows instead of its text.
ERASED = "—"


def _of_file(application):
    return Message.objects.filter(
        Q(conversation__application=application)
        | Q(conversation__pairing__host=application)
        | Q(conversation__pairing__guest=application)
    )


def messages_written_for(application) -> list[dict]:
    mine = _of_file(application).filter(author_person_id=application.person_id).select_related("conversation")
    return [
        {
            "conversation": "pairing" if message.conversation.pairing_id else "file",
            "sent_at": message.created_at.isoformat(),
            "text": message.body,
            "hidden_by_the_association": message.hidden_at is not None,
        }
        for message in mine.order_by("pk")
    ]


def messages_erase(application) -> int:
    """Erase the texts of the file's conversation and the applicant's in its pairings'."""
    erased = Message.objects.filter(conversation__application=application).update(body=ERASED, hidden_reason="")
    erased += (
        _of_file(application)
        .filter(author_person_id=application.person_id)
        .exclude(conversation__application=application)
        .update(body=ERASED, hidden_reason="")
    )
    return erased
