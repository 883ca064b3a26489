"""Back office of conventions: the association and the pension office sign after a code from their
authenticator app; anyone who may see the pairing reads the file and its audit sheet."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.throttle import refused, too_many
from workflow import access
from workflow.exceptions import WorkflowError

from ..enums import SigningParty
from ..exceptions import DocumentError, DocumentNotFound
from ..models import CodeDelivery, Convention, IdentityDocumentType, SigningPlace
from .services import (
    IN_PERSON_DELIVERIES,
    convention_refuse,
    convention_sign,
    convention_sign_in_person,
    identity_check_latest,
    identity_check_record,
    in_person_code_validity,
    in_person_parties,
    read_pdf,
    signing_code_deliver,
)


def _visible(user):
    """The conventions ``user`` sees (:func:`workflow.access.conventions_visible_to`)."""
    return access.conventions_visible_to(
        user, Convention.objects.select_related("pairing__host__territory", "pairing__guest")
    )


def _staff_party(convention, user) -> SigningParty | None:
    """The party ``user`` signs for (:func:`workflow.access.may_sign_convention_as`), if any."""
    party = access.may_sign_convention_as(user, convention)
    return SigningParty(party) if party else None


def convention_page(request, pk):
    convention = get_object_or_404(_visible(request.user), pk=pk)
    party = _staff_party(convention, request.user)
    status = 200
    if request.method == "POST":
        if party is None:
            raise PermissionDenied
        try:
            if request.POST.get("step") == "refuse":
                convention_refuse(
                    convention_id=pk, party=party, reason=request.POST.get("reason", "")[:2000], user=request.user
                )
                messages.success(request, _("The refusal is recorded; the pairing goes back to drafting."))
            else:
                if too_many(request, "signing", person=f"user:{request.user.pk}"):
                    return refused(request)
                convention_sign(convention_id=pk, party=party, code=request.POST.get("code", ""), user=request.user)
                messages.success(request, _("Your signature is recorded."))
        except DocumentNotFound:
            raise Http404 from None
        except (DocumentError, WorkflowError) as refusal:
            messages.error(request, refusal.message)
            status = 400
        else:
            return redirect("convention_admin", pk=pk)
        convention.refresh_from_db()
    return TemplateResponse(
        request,
        "documents/conventions/admin_convention.html",
        {
            "convention": convention,
            "party": party,
            "my_turn": party is not None and convention.next_party() == party and convention.pairing.state == "signing",
            "has_device": TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
            "in_person_parties": [SigningParty(p) for p in in_person_parties(convention, request.user)],
            "steps": convention.steps.select_related("user", "certificate", "identity_check__checked_by"),
        },
        status=status,
    )


@require_GET
def convention_pdf(request, pk):
    convention = get_object_or_404(_visible(request.user), pk=pk)
    response = HttpResponse(read_pdf(convention), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{convention.reference}.pdf"'
    return response


def audit_sheet_document(request, convention):
    """The audit sheet laid out in pages (WeasyPrint), before it is written as a PDF."""
    import weasyprint

    from .rendering import FONTS, safe_url_fetcher

    html = render_to_string(
        "documents/conventions/audit_sheet.html",
        {
            "convention": convention,
            "steps": convention.steps.select_related("user", "certificate", "identity_check__checked_by"),
            "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
            "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
        },
        request=request,
    )
    return weasyprint.HTML(string=html, base_url=str(FONTS), url_fetcher=safe_url_fetcher()).render()


@require_GET
def audit_sheet(request, pk):
    """Who signed when, from which account, with which certificate, and the file's fingerprint at each step."""
    convention = get_object_or_404(_visible(request.user), pk=pk)
    pdf = audit_sheet_document(request, convention).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{convention.reference}-audit.pdf"'
    return response


# Signing in person, without a smartphone (see :mod:`documents.conventions.services`).


class IdentityCheckForm(forms.Form):
    document_type = forms.ChoiceField(
        label=gettext_lazy("Identity document shown"), choices=[("", "—"), *IdentityDocumentType.choices]
    )
    document_number_end = forms.CharField(
        label=gettext_lazy("Last four characters of its number (optional)"), max_length=4, required=False
    )
    place = forms.ChoiceField(label=gettext_lazy("Where"), choices=SigningPlace.choices, widget=forms.RadioSelect)
    present = forms.CharField(
        label=gettext_lazy("Who was present"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("For example: the advisor and the signer's daughter."),
    )


class CodeDeliveryForm(forms.Form):
    delivery = forms.ChoiceField(
        label=gettext_lazy("How the signer receives the code"),
        choices=[(value, label) for value, label in CodeDelivery.choices if value in IN_PERSON_DELIVERIES],
        widget=forms.RadioSelect,
    )


class InPersonSignForm(forms.Form):
    place = forms.ChoiceField(label=gettext_lazy("Where"), choices=SigningPlace.choices, widget=forms.RadioSelect)
    present = forms.CharField(
        label=gettext_lazy("Who is present"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    consent = forms.BooleanField(label=gettext_lazy("I have read the convention and I sign it."))
    code = forms.CharField(
        label=gettext_lazy("My code"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def _in_person_context(request, pk):
    """The convention, the party helped and the parties one may help, for an advisor who manages the pairing."""
    convention = get_object_or_404(_visible(request.user), pk=pk)
    if not access.may_manage_pairing(request.user, convention.pairing):
        raise PermissionDenied
    parties = in_person_parties(convention, request.user)
    wanted = request.POST.get("party") or request.GET.get("party")
    if wanted in parties:
        party = SigningParty(wanted)
    elif convention.next_party() in parties:
        party = SigningParty(convention.next_party())
    else:
        party = SigningParty(parties[0]) if parties else None
    application = None
    if party is not None:
        pairing = convention.pairing
        application = pairing.host if party == SigningParty.HOST else pairing.guest
    return convention, party, [SigningParty(p) for p in parties], application


def _no_store(response):
    response["Cache-Control"] = "no-store, private"
    response["Pragma"] = "no-cache"
    return response


def convention_in_person(request, pk):
    """Steps 1 and 2 of signing in person: the advisor records the identity check, then gives the
    code by text message, on a printed sheet (its PDF comes back at once) or by post."""
    convention, party, parties, application = _in_person_context(request, pk)
    identity_form, delivery_form = IdentityCheckForm(), CodeDeliveryForm()
    status = 200
    if request.method == "POST":
        if party is None:
            raise PermissionDenied
        step = request.POST.get("step")
        try:
            if step == "identity":
                identity_form = IdentityCheckForm(request.POST)
                if identity_form.is_valid():
                    identity_check_record(
                        convention_id=convention.pk, party=party, by=request.user, **identity_form.cleaned_data
                    )
                    messages.success(request, _("The identity check is recorded. Now give the signer their code."))
                    return redirect(f"{request.path}?party={party.value}")
            elif step == "code":
                delivery_form = CodeDeliveryForm(request.POST)
                if delivery_form.is_valid():
                    if too_many(request, "signing-code", person=f"application:{application.pk}"):
                        return refused(request)
                    delivery = delivery_form.cleaned_data["delivery"]
                    pdf = signing_code_deliver(
                        convention_id=convention.pk, party=party, delivery=delivery, by=request.user
                    )
                    if pdf is not None:
                        response = HttpResponse(pdf, content_type="application/pdf")
                        response["Content-Disposition"] = (
                            f'attachment; filename="code-{convention.reference}-{party.value}.pdf"'
                        )
                        return _no_store(response)
                    if delivery == CodeDelivery.SMS:
                        messages.success(request, _("The code is sent by text message to the signer's mobile."))
                    else:
                        messages.success(request, _("The code sheet is in the print queue of letters to post."))
                    return redirect(f"{request.path}?party={party.value}")
            else:
                raise PermissionDenied
        except DocumentNotFound:
            raise Http404 from None
        except (DocumentError, WorkflowError) as refusal:
            messages.error(request, refusal.message)
        status = 400
    check = identity_check_latest(convention, party) if party is not None else None
    person = application.person if application is not None else None
    return TemplateResponse(
        request,
        "documents/conventions/in_person.html",
        {
            "convention": convention,
            "party": party,
            "parties": parties,
            "application": application,
            "check": check,
            "identity_form": identity_form,
            "delivery_form": delivery_form,
            "has_mobile": bool(person and person.mobile),
            "has_address": bool(person and person.postal_address and person.city),
            "validity": {d.value: in_person_code_validity(d) for d in IN_PERSON_DELIVERIES},
        },
        status=status,
    )


def convention_in_person_sign(request, pk):
    """Step 3: the page the signer fills in themselves on the advisor's device: they read the
    convention, tick the box and type their code; the signature is made with their own certificate."""
    convention, party, parties, application = _in_person_context(request, pk)
    if party is None:
        raise Http404
    check = identity_check_latest(convention, party)
    form = InPersonSignForm(initial={"place": check.place, "present": check.present} if check else None)
    status = 200
    if request.method == "POST":
        form = InPersonSignForm(request.POST)
        if form.is_valid():
            if too_many(request, "signing", person=f"application:{application.pk}"):
                return refused(request)
            try:
                convention_sign_in_person(
                    convention_id=convention.pk, party=party, by=request.user, **form.cleaned_data
                )
            except DocumentNotFound:
                raise Http404 from None
            except (DocumentError, WorkflowError) as refusal:
                messages.error(request, refusal.message)
            else:
                messages.success(request, _("The signature is recorded."))
                return redirect("convention_admin", pk=convention.pk)
        status = 400
    return _no_store(
        TemplateResponse(
            request,
            "documents/conventions/in_person_sign.html",
            {
                "convention": convention,
                "party": party,
                "application": application,
                "check": check,
                "form": form,
                "my_turn": convention.next_party() == party,
                "signer_language": application.language,
            },
            status=status,
        )
    )
