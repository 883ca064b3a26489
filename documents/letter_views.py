"""The association's print queue in the back office: letters waiting to be posted, each as a PDF."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from audit import chain as audit
from workflow import access

from .letters import letter_pdf
from .models import Letter


def _letters(user):
    return access.letters_visible_to(
        user, Letter.objects.select_related("organisation", "notification__person", "notification__application")
    )


def print_queue(request):
    if not access.may_open_files_area(request.user):
        raise PermissionDenied
    waiting = _letters(request.user).filter(posted_at__isnull=True).order_by("created_at", "pk")
    return TemplateResponse(request, "documents/admin/print_queue.html", {"letters": waiting[:500]})


def letter_download(request, pk):
    letter = get_object_or_404(_letters(request.user), pk=pk)
    try:
        data = letter_pdf(letter)
    except OSError:
        raise Http404 from None
    audit.record(
        "letter.opened",
        user=request.user,
        obj=letter,
        application_id=letter.notification.application_id,
        data={"notification": letter.notification_id},
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="weshare-letter-{letter.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
