"""Back-office screens of appointments: schedule one from a file's or a pairing's page, change it,
cancel it, download its ``.ics``. Thin: scoping from :mod:`workflow.access`, rules from
:mod:`appointments.services`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pairings.selectors import pairings_visible_to
from workflow import access
from workflow.enums import ApplicationKind
from workflow.exceptions import ActionNotPermitted, WorkflowError

from .enums import FILE_KINDS, PAIRING_KINDS, AppointmentKind
from .exceptions import AppointmentNotFound
from .forms import AppointmentForm
from .ics import MIMETYPE, appointment_ics, filename
from .models import Appointment
from .selectors import appointments_visible_to
from .services import appointment_cancel, appointment_change, appointment_schedule, page_url


def file_kinds(application) -> list:
    return [k for k in FILE_KINDS if k != AppointmentKind.HOME_VISIT or application.kind == ApplicationKind.HOST]


def _back(appointment=None, *, application=None, pairing=None) -> str:
    from django.urls import reverse

    if appointment is not None:
        application, pairing = appointment.application, appointment.pairing
    if pairing is not None:
        return reverse("pairings_pairing:inspect", args=[pairing.pk]) + "#appointments"
    return reverse("workflow_application:inspect", args=[application.pk]) + "#appointments"


def _form_page(request, form, *, title, back, status=200, refusal="", appointment=None):
    return TemplateResponse(
        request,
        "appointments/admin/form_page.html",
        {"form": form, "title": title, "back": back, "refusal": refusal, "appointment": appointment},
        status=status,
    )


def _schedule(request, *, application=None, pairing=None, kinds, allowed: bool):
    back = _back(application=application, pairing=pairing)
    title = _("Schedule an appointment")
    if not allowed:
        raise PermissionDenied
    form = AppointmentForm(request.POST if request.method == "POST" else None, kinds=kinds)
    if request.method != "POST":
        return _form_page(request, form, title=title, back=back)
    if not form.is_valid():
        return _form_page(request, form, title=title, back=back, status=400)
    data = form.cleaned_data
    try:
        appointment_schedule(
            by=request.user,
            kind=data["kind"],
            application=application,
            pairing=pairing,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            place=data["place"],
            details=data["details"],
        )
    except AppointmentNotFound:
        raise Http404 from None
    except ActionNotPermitted:
        raise PermissionDenied from None
    except WorkflowError as refusal:
        return _form_page(request, form, title=title, back=back, status=400, refusal=str(refusal.message))
    messages.success(request, _("The appointment is scheduled: everyone concerned is invited."))
    return redirect(back)


@require_http_methods(["GET", "POST"])
def schedule_for_file(request, application_pk: int):
    application = get_object_or_404(access.applications_visible_to(request.user), pk=application_pk)
    return _schedule(
        request,
        application=application,
        kinds=file_kinds(application),
        allowed=access.may_vet(request.user, application),
    )


@require_http_methods(["GET", "POST"])
def schedule_for_pairing(request, pairing_pk: int):
    pairing = get_object_or_404(pairings_visible_to(request.user), pk=pairing_pk)
    return _schedule(
        request, pairing=pairing, kinds=PAIRING_KINDS, allowed=access.may_manage_pairing(request.user, pairing)
    )


def _visible(request, pk: int) -> Appointment:
    return get_object_or_404(
        appointments_visible_to(request.user).select_related("application", "pairing__host", "pairing__guest"), pk=pk
    )


@require_http_methods(["GET", "POST"])
def change(request, pk: int):
    appointment = _visible(request, pk)
    if not access.may_manage_appointment(request.user, appointment):
        raise PermissionDenied
    back = _back(appointment)
    title = _("Change the appointment")
    if appointment.is_cancelled:
        messages.error(request, _("This appointment was cancelled."))
        return redirect(back)
    form = AppointmentForm(request.POST if request.method == "POST" else None, instance=appointment)
    if request.method != "POST":
        return _form_page(request, form, title=title, back=back, appointment=appointment)
    if not form.is_valid():
        return _form_page(request, form, title=title, back=back, status=400, appointment=appointment)
    data = form.cleaned_data
    try:
        appointment_change(
            appointment_id=appointment.pk,
            by=request.user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            place=data["place"],
            details=data["details"],
        )
    except AppointmentNotFound:
        raise Http404 from None
    except ActionNotPermitted:
        raise PermissionDenied from None
    except WorkflowError as refusal:
        return _form_page(
            request, form, title=title, back=back, status=400, refusal=str(refusal.message), appointment=appointment
        )
    messages.success(request, _("The appointment is changed: everyone concerned is told."))
    return redirect(back)


@require_http_methods(["GET", "POST"])
def cancel(request, pk: int):
    appointment = _visible(request, pk)
    if not access.may_manage_appointment(request.user, appointment):
        raise PermissionDenied
    back = _back(appointment)
    if request.method != "POST":
        return TemplateResponse(
            request, "appointments/admin/cancel_page.html", {"appointment": appointment, "back": back}
        )
    try:
        appointment_cancel(appointment_id=appointment.pk, by=request.user)
    except AppointmentNotFound:
        raise Http404 from None
    except ActionNotPermitted:
        raise PermissionDenied from None
    except WorkflowError as refusal:
        messages.error(request, str(refusal.message))
        return redirect(back)
    messages.success(request, _("The appointment is cancelled: everyone concerned is told."))
    return redirect(back)


def download(request, pk: int):
    """The appointment's ``.ics``, for the staff member's own calendar."""
    appointment = _visible(request, pk)
    content = appointment_ics(appointment, language=get_language(), link=page_url(appointment))
    response = HttpResponse(content, content_type=f"{MIMETYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(appointment)}"'
    return response
