"""Documents sent with a message, through the private-document pipeline of :mod:`documents`:
the type judged by the content (PDF, JPEG or PNG, photos stripped of their metadata), the size
bounded, the bytes encrypted at rest, and every opening recorded (here and in the audit trail).

Sending goes through :func:`conversations.services.message_send`, so the rights, the pace and
the real-time announcement are those of any message; a refused file leaves nothing behind.
"""

from __future__ import annotations

import hashlib

from django.db import transaction

from audit.chain import record
from documents.exceptions import DocumentRefused
from documents.services import private_file_delete_on_commit, private_file_read, private_file_store, upload_check
from workflow import access

from .exceptions import ConversationNotFound, MessageRefused
from .models import Attachment, AttachmentOpening
from .services import conversation_for_applicant, conversation_for_staff, message_send, person_reader, staff_reader


def _about(conversation) -> dict:
    """What the audit trail files the event under: the pairing, or the file."""
    if conversation.pairing_id:
        return {"pairing_id": conversation.pairing_id}
    return {"application_id": conversation.application_id}


def attachment_send(
    *, conversation_id: int, uploaded_file, body: str = "", user=None, applicant=None, client_id=None
) -> Attachment:
    """Send ``uploaded_file`` in a message, as a staff ``user`` or as the signed-in ``applicant``
    (the same rights as :func:`message_send`). Without a text, the message says the file's name.
    Refused with a message to show (:class:`MessageRefused`) when the file is not a PDF, a JPEG or
    a PNG, is too big or damaged; then no message is stored. Sent again with the same
    ``client_id`` (a resend after a timeout), the attachment stored the first time is returned."""
    try:
        name, checked = upload_check(uploaded_file)
    except DocumentRefused as refusal:
        raise MessageRefused(refusal.message) from None
    with transaction.atomic():
        message = message_send(
            conversation_id=conversation_id,
            body=body if (body or "").strip() else name,
            user=user,
            applicant=applicant,
            client_id=client_id,
        )
        already = message.attachments.first()
        if already is not None:
            return already
        attachment = Attachment(
            message=message,
            original_name=name,
            content_type=checked.content_type,
            size=len(checked.content),
            sha256=hashlib.sha256(checked.content).hexdigest(),
        )
        private_file_store(attachment.blob, checked.content, name="attachment.bin")
        try:
            attachment.save()
            record(
                "conversation.attachment_sent",
                user=user,
                actor="" if user is not None else person_reader(applicant.person_id),
                obj=attachment,
                data={
                    "conversation_id": message.conversation_id,
                    "message_id": message.pk,
                    "content_type": attachment.content_type,
                    "size": attachment.size,
                },
                **_about(message.conversation),
            )
        except BaseException:
            # The row is rolled back with the transaction; the stored file must go with it.
            attachment.blob.storage.delete(attachment.blob.name)
            raise
    return attachment


def attachment_read(*, attachment_id: int, user=None, applicant=None) -> tuple[Attachment, bytes]:
    """The attachment and its decrypted bytes, for a staff ``user`` who reads its conversation or
    the signed-in ``applicant`` who takes part in it; the opening is recorded. A hidden message's
    attachment is kept from the applicants (and from staff who do not answer the conversation,
    as its text is). Anything else is not found, whether it exists or not."""
    attachment = Attachment.objects.select_related("message").filter(pk=attachment_id).first()
    if attachment is None:
        raise ConversationNotFound()
    message = attachment.message
    if user is not None and user.is_authenticated:
        conversation = conversation_for_staff(user, message.conversation_id)
        if message.hidden_at is not None and not access.may_write_in_conversation(user, conversation):
            raise ConversationNotFound()
        reader, actor = staff_reader(user), ""
    elif applicant is not None:
        conversation = conversation_for_applicant(applicant, message.conversation_id)
        if message.hidden_at is not None:
            raise ConversationNotFound()
        reader = actor = person_reader(applicant.person_id)
        user = None
    else:
        raise ConversationNotFound()
    data = private_file_read(attachment.blob)
    with transaction.atomic():
        AttachmentOpening.objects.create(attachment=attachment, reader=reader)
        record(
            "conversation.attachment_opened",
            user=user,
            actor=actor,
            obj=attachment,
            data={"conversation_id": conversation.pk, "message_id": message.pk},
            **_about(conversation),
        )
    return attachment, data


def attachments_delete(attachments) -> int:
    """Delete these attachments, their stored files once the deletion commits."""
    count = 0
    for attachment in attachments:
        private_file_delete_on_commit(attachment.blob)
        attachment.delete()
        count += 1
    return count
