"""The applicant's space: sign in by a one-time link, follow one's file, withdraw, download, ask
for erasure, stop sharing one's file with the partner who follows it.

Thin views over :mod:`workflow.applicants`; who is signed in comes from
:func:`workflow.applicant_session.current_applicant` only: the ids of the files a link sent to
the person's address opened.
"""

import json

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.throttle import refused, too_many
from audit import chain as audit

from .applicant_session import applicant_session_end, applicant_session_start, current_applicant
from .applicants import (
    applicant_link_use,
    applicant_sign_in_request,
    application_export,
    application_referral_withdraw,
    application_request_erasure,
)
from .enums import CAN_BE_WITHDRAWN_STATES
from .exceptions import WorkflowError
from .models import ApplicantLink
from .services import application_applicant_act
from .space import space_page


class SignInForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your email address"), max_length=254)


def _own_application(request, pk: int):
    applicant = current_applicant(request)
    application = applicant.applications().filter(pk=pk).first() if applicant else None
    if application is None:
        raise Http404
    return application


def _link_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("applicant_link", args=[token]))


def space(request):
    applicant = current_applicant(request)
    if applicant is None:
        if too_many(request, "sign-in-link"):
            return refused(request)
        form = SignInForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            applicant_sign_in_request(email=form.cleaned_data["email"], build_url=lambda t: _link_url(request, t))
            return TemplateResponse(request, "workflow/applicant_space.html", {"mode": "link_sent"})
        status = 400 if form.errors else 200
        return TemplateResponse(
            request, "workflow/applicant_space.html", {"mode": "sign_in", "form": form}, status=status
        )
    return space_page(request, applicant)


def use_link(request, token):
    if request.method != "POST":
        return TemplateResponse(request, "workflow/applicant_space.html", {"mode": "confirm_sign_in"})
    try:
        application = applicant_link_use(token=token, purpose=ApplicantLink.Purpose.SIGN_IN)
    except WorkflowError as refusal:
        return TemplateResponse(
            request, "workflow/applicant_space.html", {"mode": "error", "error": refusal.message}, status=400
        )
    applicant_session_start(request, person_id=application.person_id)
    return redirect("applicant_space")


@require_POST
def sign_out(request):
    applicant_session_end(request)
    return redirect("applicant_space")


def _confirm(request, application, action: str, status: int = 200):
    return TemplateResponse(
        request,
        "workflow/applicant_confirm.html",
        {
            "application": application,
            "action": action,
            "can_withdraw": application.state in CAN_BE_WITHDRAWN_STATES,
            "partner": application.referred_by if application.referral_consent_at else None,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, pk):
    """GET: what withdrawing means, and a button to confirm; POST: withdraw."""
    application = _own_application(request, pk)
    if request.method != "POST":
        return _confirm(request, application, "withdraw")
    try:
        application_applicant_act(
            application_id=application.pk, action="withdraw", comment=request.POST.get("reason", "")[:1000]
        )
    except WorkflowError as refusal:
        messages.error(request, refusal.message)
        response = space(request)
        response.status_code = 409
        return response
    messages.success(request, _("Your application is withdrawn."))
    return redirect("applicant_space")


def export(request, pk):
    application = _own_application(request, pk)
    audit.record(
        "applicant.export",
        actor=audit.applicant_actor(application.person_id),
        obj=application,
        application_id=application.pk,
    )
    response = HttpResponse(
        json.dumps(application_export(application), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="weshare-application-{application.pk}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def request_erasure(request, pk):
    """GET: what erasure means, and a button to confirm; POST: record the request."""
    application = _own_application(request, pk)
    if request.method != "POST":
        return _confirm(request, application, "erasure")
    application_request_erasure(application_id=application.pk)
    messages.success(request, _("Your request is recorded. The association will answer you within one month."))
    return redirect("applicant_space")


@require_http_methods(["GET", "HEAD", "POST"])
def stop_sharing(request, pk):
    """GET: what stopping the sharing with the partner means, and a button to confirm; POST: stop it."""
    application = _own_application(request, pk)
    partner = application.referred_by if application.referral_consent_at else None
    if request.method != "POST":
        return _confirm(request, application, "stop_sharing")
    if partner is None:
        messages.info(request, _("Your application is not shared with any partner."))
        return redirect("applicant_space")
    application_referral_withdraw(application_id=application.pk)
    messages.success(
        request,
        _("%(partner)s no longer follows your application.") % {"partner": partner.name},
    )
    return redirect("applicant_space")
