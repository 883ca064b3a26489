"""Downloading a message's attachment, from the applicant's space and from the back office. The
rights and the record of the opening are :mod:`conversations.attachments`'; someone else's
attachment, or an id that does not exist, is not found."""

from django.http import Http404

from documents.views import private_file_response
from workflow.applicant_session import current_applicant

from .attachments import attachment_read
from .exceptions import ConversationNotFound


def _download(**reader):
    try:
        attachment, data = attachment_read(**reader)
    except ConversationNotFound:
        raise Http404 from None
    return private_file_response(data, content_type=attachment.content_type, filename=attachment.original_name)


def applicant_download(request, pk: int):
    applicant = current_applicant(request)
    if applicant is None:
        raise Http404
    return _download(attachment_id=pk, applicant=applicant)


def staff_download(request, pk: int):
    return _download(attachment_id=pk, user=request.user)
