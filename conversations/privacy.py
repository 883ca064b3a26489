"""What conversations hold of a person, for their export and their erasure. Texts stay for the
file's retention period, then follow it: when a file is anonymised (erasure asked, or retention
over), its own conversation's texts are erased, and in its pairings' the texts its applicant wrote;
the documents sent with those messages are deleted."""

from django.db.models import Q

from .attachments import attachments_delete
from .models import Attachment, Message

#: What an erased message shows instead of its text.
ERASED = "—"


def _of_file(application):
    return Message.objects.filter(
        Q(conversation__application=application)
        | Q(conversation__pairing__host=application)
        | Q(conversation__pairing__guest=application)
    )


def messages_written_for(application) -> list[dict]:
    mine = (
        _of_file(application)
        .filter(author_person_id=application.person_id)
        .select_related("conversation")
        .prefetch_related("attachments")
    )
    return [
        {
            "conversation": "pairing" if message.conversation.pairing_id else "file",
            "sent_at": message.created_at.isoformat(),
            "text": message.body,
            "hidden_by_the_association": message.hidden_at is not None,
            "attachments": [attachment.original_name for attachment in message.attachments.all()],
        }
        for message in mine.order_by("pk")
    ]


def messages_erase(application) -> int:
    """Erase the texts of the file's conversation and the applicant's in its pairings', and
    delete the documents sent with them."""
    own = Message.objects.filter(conversation__application=application)
    in_pairings = (
        _of_file(application)
        .filter(author_person_id=application.person_id)
        .exclude(conversation__application=application)
    )
    attachments_delete(Attachment.objects.filter(Q(message__in=own) | Q(message__in=in_pairings)))
    erased = own.update(body=ERASED, hidden_reason="")
    erased += in_pairings.update(body=ERASED, hidden_reason="")
    return erased
