"""The association's print queue in the back office: letters waiting to be posted, by day; a day's
letters as one PDF to print; marking letters posted."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from audit import chain as audit
from workflow import access

from .letters import (
    LATE_AFTER,
    NothingToPrint,
    day_batches,
    letter_batch,
    letter_pdf,
    letters_mark_posted,
    letters_of_day,
    letters_visible,
)


def print_queue(request):
    if not access.may_open_files_area(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "documents/admin/print_queue.html",
        {"batches": day_batches(request.user), "late_days": LATE_AFTER.days},
    )


def letter_download(request, pk):
    letter = get_object_or_404(letters_visible(request.user), pk=pk)
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


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def letter_batch_pdf(request, organisation_id, day):
    """The day's letters of one association as one PDF (404 when none of them is the reader's to print)."""
    when = _day(day)
    if when is None:
        raise Http404
    try:
        data, _pages = letter_batch(user=request.user, organisation_id=organisation_id, day=when)
    except NothingToPrint:
        raise Http404 from None
    except OSError:
        raise Http404 from None
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="weshare-letters-{organisation_id}-{when.isoformat()}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def letters_posted(request):
    """Mark posted the letters ticked, or the letters of a day that were printed."""
    queue = redirect("print_queue")
    if request.POST.get("scope") == "day":
        when = _day(request.POST.get("day", ""))
        try:
            organisation_id = int(request.POST.get("organisation", ""))
        except ValueError:
            organisation_id = None
        if when is None or organisation_id is None:
            messages.error(request, _("Choose the day whose letters you posted, from the print queue."))
            return queue
        ids = list(
            letters_of_day(request.user, organisation_id=organisation_id, day=when)
            .filter(printed_at__isnull=False)
            .values_list("pk", flat=True)
        )
        if not ids:
            messages.error(
                request,
                _("None of this day's letters has been printed yet: print them first, or tick the letters you posted."),
            )
            return queue
    else:
        ids = [int(value) for value in request.POST.getlist("letter") if value.isdigit()]
        if not ids:
            messages.error(request, _("Tick the letters you have posted, then press the button again."))
            return queue
    if not letters_visible(request.user).filter(pk__in=ids).exists():
        raise Http404
    marked = letters_mark_posted(user=request.user, letter_ids=ids)
    if marked:
        messages.success(
            request,
            ngettext("%(count)d letter marked as posted.", "%(count)d letters marked as posted.", marked)
            % {"count": marked},
        )
    else:
        messages.info(request, _("These letters were already marked as posted."))
    return queue
