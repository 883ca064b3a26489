"""Mandates in the back office: on a file's page, the advisor who vets it prepares a mandate for
the person, hands the proxy an invitation code (shown once) or emails them a link, records the
person's acceptance (a code sent by text message and read back, or the signed paper form) and
revokes a mandate. Rights come from :mod:`workflow.access`, rules from :mod:`workflow.mandates`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks

from . import access
from . import mandates as services
from .enums import DocumentKind, MandateDuration, MandateRight, ProxyRelation
from .exceptions import WorkflowError
from .models import Mandate
from .notifications import public_url


class PrepareForm(forms.Form):
    proxy_name = forms.CharField(
        label=gettext_lazy("Proxy's first and last name"),
        max_length=200,
        error_messages={"required": gettext_lazy("Write the first and last name of the person who will act.")},
    )
    proxy_relation = forms.ChoiceField(
        label=gettext_lazy("Relation to the person"),
        choices=ProxyRelation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose who the proxy is for the person.")},
    )
    proxy_email = forms.EmailField(
        label=gettext_lazy("Proxy's email address (for an emailed invitation)"),
        required=False,
        error_messages={
            "invalid": gettext_lazy("Write a full email address, such as name@example.org, or leave it empty.")
        },
    )
    duration = forms.ChoiceField(
        label=gettext_lazy("Duration"),
        choices=MandateDuration.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose how long the mandate lasts.")},
    )
    rights = forms.MultipleChoiceField(
        label=gettext_lazy("Rights"),
        choices=MandateRight.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Tick at least one thing the proxy may do.")},
    )
    invitation = forms.ChoiceField(
        label=gettext_lazy("How the proxy is invited"),
        choices=[
            ("code", gettext_lazy("A code I hand over (shown once)")),
            ("email", gettext_lazy("A link emailed to the proxy")),
        ],
        initial="code",
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        if data.get("invitation") == "email" and not data.get("proxy_email"):
            self.add_error("proxy_email", _("Write the proxy's email address to email them the invitation."))
        return data


def _file_and_mandate(request, application_pk: int, mandate_pk: int | None = None):
    application = get_object_or_404(access.applications_visible_to(request.user), pk=application_pk)
    if not access.may_vet(request.user, application):
        raise PermissionDenied
    mandate = None
    if mandate_pk is not None:
        mandate = get_object_or_404(Mandate, pk=mandate_pk, person_id=application.person_id)
    return application, mandate


def _back(application) -> str:
    return reverse("workflow_application:inspect", args=[application.pk]) + "#mandates"


def _join_url(request, token: str) -> str:
    return public_url("applicant_mandate_join_link", token)


def prepare(request, application_pk):
    """Prepare a mandate for the file's person; the proxy gets a code (shown once) or a link."""
    application, _mandate = _file_and_mandate(request, application_pk)
    form = PrepareForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                mandate = services.mandate_create(
                    person=application.person,
                    proxy_name=data["proxy_name"],
                    proxy_relation=data["proxy_relation"],
                    proxy_email=data["proxy_email"],
                    duration=data["duration"],
                    rights=data["rights"],
                    by_user=request.user,
                )
                if data["invitation"] == "email":
                    services.mandate_invitation_send(
                        mandate_id=mandate.pk, build_url=lambda t: _join_url(request, t), by_user=request.user
                    )
                    messages.success(request, _("The mandate is prepared and the invitation emailed to the proxy."))
                    return redirect(_back(application))
                code = services.mandate_invitation_code(mandate_id=mandate.pk, by_user=request.user)
            except WorkflowError as refusal:
                messages.error(request, refusal.message)
                status = 400
            else:
                return _code_page(request, application, mandate, code)
        else:
            status = 400
    return TemplateResponse(
        request,
        "workflow/admin/mandate_form.html",
        {"form": form, "application": application, "back": _back(application)},
        status=status,
    )


def _code_page(request, application, mandate, code):
    return TemplateResponse(
        request,
        "workflow/admin/mandate_code.html",
        {
            "application": application,
            "mandate": mandate,
            "code": code,
            "back": _back(application),
            "join_url": public_url("applicant_mandate_join"),
        },
    )


@require_POST
def new_code(request, application_pk, pk):
    """A new invitation code (the earlier one stops working)."""
    application, mandate = _file_and_mandate(request, application_pk, pk)
    try:
        code = services.mandate_invitation_code(mandate_id=mandate.pk, by_user=request.user)
    except WorkflowError as refusal:
        messages.error(request, refusal.message)
        return redirect(_back(application))
    return _code_page(request, application, mandate, code)


def _act(request, application, act, success: str):
    try:
        act()
    except WorkflowError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, success)
    return redirect(_back(application))


@require_POST
def send_acceptance_code(request, application_pk, pk):
    application, mandate = _file_and_mandate(request, application_pk, pk)
    return _act(
        request,
        application,
        lambda: services.mandate_acceptance_code_send(mandate_id=mandate.pk, by_user=request.user),
        _("A code is sent to the person by text message: ask them to read it to you, then type it below."),
    )


@require_POST
def accept_by_code(request, application_pk, pk):
    application, mandate = _file_and_mandate(request, application_pk, pk)
    return _act(
        request,
        application,
        lambda: services.mandate_accept_by_code(
            mandate_id=mandate.pk, code=request.POST.get("code", ""), by_user=request.user
        ),
        _("The person accepted the mandate: it is in force from now on."),
    )


@require_POST
def accept_on_paper(request, application_pk, pk):
    application, mandate = _file_and_mandate(request, application_pk, pk)
    document_id = None
    chosen = request.POST.get("document_id", "")
    if chosen:
        document = application.supporting_documents.filter(pk=chosen if chosen.isdigit() else 0).first()
        if document is None:
            messages.error(request, _("Choose the scan of the signed form among the file's documents, or none."))
            return redirect(_back(application))
        document_id = document.pk
    return _act(
        request,
        application,
        lambda: services.mandate_accept_on_paper(mandate_id=mandate.pk, by_user=request.user, document_id=document_id),
        _("The signed paper form is recorded: the mandate is in force from now on."),
    )


@require_POST
def revoke(request, application_pk, pk):
    application, mandate = _file_and_mandate(request, application_pk, pk)
    return _act(
        request,
        application,
        lambda: services.mandate_revoke(mandate_id=mandate.pk, by_user=request.user),
        _("The mandate is revoked."),
    )


@hooks.register("register_admin_urls")
def register_mandate_urls():
    return [
        path("mandates/file/<int:application_pk>/new/", prepare, name="mandate_prepare"),
        path("mandates/file/<int:application_pk>/<int:pk>/code/", new_code, name="mandate_new_code"),
        path(
            "mandates/file/<int:application_pk>/<int:pk>/send-code/",
            send_acceptance_code,
            name="mandate_send_acceptance_code",
        ),
        path("mandates/file/<int:application_pk>/<int:pk>/accept-code/", accept_by_code, name="mandate_accept_code"),
        path("mandates/file/<int:application_pk>/<int:pk>/accept-paper/", accept_on_paper, name="mandate_accept_paper"),
        path("mandates/file/<int:application_pk>/<int:pk>/revoke/", revoke, name="mandate_admin_revoke"),
    ]


@hooks.register("application_panels")
def file_mandates(request, application):
    """The person's mandates, with what the advisor who vets the file may do with them."""
    now = timezone.now()
    found = list(
        Mandate.objects.filter(person_id=application.person_id).select_related("proxy").prefetch_related("grants")[:20]
    )
    for mandate in found:
        mandate.state = mandate.status(now)
        mandate.standing_rights = [MandateRight(right).label for right in mandate.rights()]
        mandate.actions_count = mandate.actions.count()
    return [
        render_to_string(
            "workflow/admin/mandate_panel.html",
            {
                "application": application,
                "mandates": found,
                "manages": access.may_vet(request.user, application),
                "form": PrepareForm(),
                "mandate_forms": list(
                    application.supporting_documents.filter(kind=DocumentKind.MANDATE_FORM).order_by("-pk")
                ),
            },
            request=request,
        )
    ]
