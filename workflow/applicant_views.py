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
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.throttle import refused, too_many
from audit import chain as audit

from . import mandates as mandate_services
from .applicant_session import applicant_session_end, applicant_session_start, current_applicant
from .applicants import (
    applicant_link_use,
    applicant_sign_in_request,
    application_export,
    application_referral_withdraw,
    application_request_erasure,
)
from .assisted import assisted_taken_over
from .enums import CAN_BE_WITHDRAWN_STATES, MandateDuration, MandateRight, ProxyRelation
from .exceptions import WorkflowError
from .forms import ExplainedEmailField
from .models import ApplicantLink, Application, Mandate, Person
from .services import application_applicant_act
from .space import association_of, documents_offered, pairings_of, space_page, timeline, what_next
from .wording import in_sentence


class SignInForm(forms.Form):
    email = ExplainedEmailField(label=gettext_lazy("Your email address"), max_length=254)


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
            mandate_services.proxy_sign_in_request(
                email=form.cleaned_data["email"], build_url=lambda t: _link_url(request, t)
            )
            return TemplateResponse(request, "workflow/applicant_space.html", {"mode": "link_sent"})
        status = 400 if form.errors else 200
        return TemplateResponse(
            request, "workflow/applicant_space.html", {"mode": "sign_in", "form": form}, status=status
        )
    response = space_page(request, applicant)
    response.context_data.update(_mandates_context(applicant))
    return response


def use_link(request, token):
    if request.method != "POST":
        return TemplateResponse(request, "workflow/applicant_space.html", {"mode": "confirm_sign_in"})
    try:
        proxy = mandate_services.proxy_link_use(token=token)
        if proxy is not None:
            applicant_session_start(request, person_id=proxy.pk)
            return redirect("applicant_space")
        application = applicant_link_use(token=token, purpose=ApplicantLink.Purpose.SIGN_IN)
    except WorkflowError as refusal:
        return TemplateResponse(
            request, "workflow/applicant_space.html", {"mode": "error", "error": refusal.message}, status=400
        )
    applicant_session_start(request, person_id=application.person_id)
    assisted_taken_over(person_id=application.person_id)
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


# -- mandates: giving, accepting and revoking them; the journal; a proxy's pages ---------------------


class MandateForm(forms.Form):
    proxy_name = forms.CharField(
        label=gettext_lazy("First and last name of your proxy"),
        max_length=200,
        error_messages={"required": gettext_lazy("Write the first and last name of the person who will act for you.")},
    )
    proxy_relation = forms.ChoiceField(
        label=gettext_lazy("Who is this person for you?"),
        choices=ProxyRelation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose who this person is for you.")},
    )
    proxy_email = forms.EmailField(
        label=gettext_lazy("Their email address (to send them the invitation)"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": gettext_lazy("Write a full email address, such as name@example.org, or leave it empty.")
        },
    )
    duration = forms.ChoiceField(
        label=gettext_lazy("For how long?"),
        choices=MandateDuration.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose how long the mandate lasts.")},
    )
    rights = forms.MultipleChoiceField(
        label=gettext_lazy("What may they do for you?"),
        choices=MandateRight.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Tick at least one thing your proxy may do.")},
    )


class JoinForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Invitation code"),
        max_length=20,
        help_text=gettext_lazy("8 letters and digits, given by the association."),
        error_messages={"required": gettext_lazy("Type the code the association gave you (8 letters and digits).")},
    )
    name = forms.CharField(
        label=gettext_lazy("Your first and last name"),
        max_length=200,
        error_messages={"required": gettext_lazy("Write your first and last name.")},
    )
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Write your email address: we send you a link to sign in."),
            "invalid": gettext_lazy("Write a full email address, such as name@example.org."),
        },
    )


def _mandates_context(applicant) -> dict:
    """What the space shows of mandates: those the person gave, those they hold."""
    now = timezone.now()
    given = list(Mandate.objects.filter(person_id=applicant.person_id).prefetch_related("grants")[:20])
    held = list(
        Mandate.objects.filter(proxy_id=applicant.person_id).select_related("person").prefetch_related("grants")[:20]
    )
    for mandate in (*given, *held):
        mandate.state = mandate.status(now)
        mandate.standing_rights = [(right, MandateRight(right).label) for right in mandate.rights()]
    for mandate in held:
        mandate.person_label = mandate_services.person_name(mandate.person)
        mandate.files = [
            application
            for application in Application.objects.filter(pk__in=applicant.represented_ids()).order_by("-created_at")
            if application.person_id == mandate.person_id and mandate.state == "active"
        ]
    return {"mandates_given": given, "mandates_held": held, "is_proxy_only": not applicant.application_ids}


def _signed_in(request):
    applicant = current_applicant(request)
    if applicant is None:
        raise Http404
    return applicant


def _join_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("applicant_mandate_join_link", args=[token]))


@require_http_methods(["GET", "HEAD", "POST"])
def mandates(request):
    """The person's mandates: give one, accept one prepared for them, revoke them right by right."""
    applicant = _signed_in(request)
    can_give = bool(applicant.application_ids)
    form = MandateForm(request.POST or None) if can_give else None
    status = 200
    if request.method == "POST" and form is not None:
        if form.is_valid():
            data = form.cleaned_data
            try:
                mandate = mandate_services.mandate_create(
                    person=Person.objects.get(pk=applicant.person_id),
                    proxy_name=data["proxy_name"],
                    proxy_relation=data["proxy_relation"],
                    proxy_email=data["proxy_email"],
                    duration=data["duration"],
                    rights=data["rights"],
                )
                if mandate.proxy_email:
                    mandate_services.mandate_invitation_send(
                        mandate_id=mandate.pk, build_url=lambda t: _join_url(request, t), person_id=applicant.person_id
                    )
                    messages.success(request, _("Your mandate is given. We have emailed an invitation to your proxy."))
                    return redirect("applicant_mandates")
                code = mandate_services.mandate_invitation_code(mandate_id=mandate.pk, person_id=applicant.person_id)
            except WorkflowError as refusal:
                messages.error(request, refusal.message)
                status = 400
            else:
                return TemplateResponse(request, "workflow/mandate_code.html", {"mandate": mandate, "code": code})
        else:
            status = 400
    return TemplateResponse(
        request,
        "workflow/mandates.html",
        {"form": form, "can_give": can_give, **_mandates_context(applicant)},
        status=status,
    )


def _mandate_act(request, act, success: str):
    applicant = _signed_in(request)
    try:
        act(applicant.person_id)
    except WorkflowError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, success)
    return redirect("applicant_mandates")


@require_POST
def mandate_accept(request, pk):
    return _mandate_act(
        request,
        lambda person_id: mandate_services.mandate_accept(mandate_id=pk, person_id=person_id),
        _("You have accepted the mandate. It is in force from now on."),
    )


@require_POST
def mandate_revoke(request, pk):
    return _mandate_act(
        request,
        lambda person_id: mandate_services.mandate_revoke(mandate_id=pk, person_id=person_id),
        _("The mandate is revoked: your proxy can no longer act for you."),
    )


@require_POST
def mandate_right_revoke(request, pk, right):
    if right not in MandateRight.values:
        raise Http404
    return _mandate_act(
        request,
        lambda person_id: mandate_services.mandate_right_revoke(mandate_id=pk, right=right, person_id=person_id),
        _("This right is taken back: your proxy can no longer %(right)s for you.")
        % {"right": in_sentence(MandateRight(right).label)},
    )


def mandate_journal(request):
    """Who acted for the person: every action of their proxies, newest first."""
    applicant = _signed_in(request)
    return TemplateResponse(
        request,
        "workflow/mandate_journal.html",
        {"actions": list(mandate_services.journal(applicant.person_id)[:500])},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def mandate_join(request, token: str = ""):
    """The proxy takes up an invitation: with the emailed link (``token``) or the code handed over."""
    if too_many(request, "mandate-join"):
        return refused(request)
    form = JoinForm(request.POST or None, initial={"code": ""})
    if token:
        form.fields["code"].required = False
        form.fields["code"].widget = forms.HiddenInput()
    status, error = 200, ""
    if request.method == "POST":
        if form.is_valid():
            try:
                mandate_services.mandate_join(
                    secret=token or form.cleaned_data["code"],
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    build_url=lambda t: _link_url(request, t),
                )
            except WorkflowError as refusal:
                error, status = str(refusal.message), 400
                if not token:
                    form.add_error("code", refusal.message)
            else:
                return TemplateResponse(request, "workflow/mandate_join.html", {"joined": True})
        else:
            status = 400
    return TemplateResponse(
        request, "workflow/mandate_join.html", {"form": form, "error": error, "token": token}, status=status
    )


def proxy_file(request, pk):
    """A proxy's view of the file they act on: what the mandate lets them see and do, clearly for
    whom."""
    applicant = _signed_in(request)
    rights = applicant.rights_on(pk)
    application = Application.objects.filter(pk=pk, anonymised_at__isnull=True).select_related("territory").first()
    if not rights or application is None:
        raise Http404
    follows = MandateRight.FOLLOW in rights
    context = {
        "application": application,
        "rights": rights,
        "rights_labels": [MandateRight(right).label for right in MandateRight.values if right in rights],
        "follows": follows,
        "may_upload": MandateRight.UPLOAD in rights and application.state in CAN_BE_WITHDRAWN_STATES,
        "may_write": MandateRight.WRITE in rights,
        "may_answer": MandateRight.ANSWER in rights,
        "person_label": f"{application.first_name} {application.last_name}",
    }
    if follows:
        context.update(
            what_next=what_next(application, for_proxy=True),
            timeline=timeline(application, for_proxy=True),
            association=association_of(application),
            documents=list(application.supporting_documents.all()),
        )
    if follows or MandateRight.ANSWER in rights:
        context["pairings"] = pairings_of(application)
    if context["may_upload"]:
        context["offered"] = documents_offered(application)
    return TemplateResponse(request, "workflow/mandate_file.html", context)
