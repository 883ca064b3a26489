"""Back-office screens of assisted files: file an application for someone, complete a file,
capture the person's consent. Thin: rights from :mod:`workflow.access`, rules from
:mod:`workflow.assisted`."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import access
from .assisted import (
    CONSENT_CODE_ATTEMPTS,
    advisor_initial,
    advisor_step_form,
    advisor_unfinished_step,
    assisted_answers_save,
    assisted_application_start,
    assisted_consent_confirm,
    assisted_consent_request,
    step_parts,
    wording_for,
)
from .enums import CAN_BE_SUBMITTED_STATES, ApplicationKind, AssistanceChannel, ConsentMethod, DocumentKind
from .exceptions import ActionNotPermitted, ApplicationNotFound, WorkflowError
from .forms import STEPS
from .models import Application, AssistedConsent, Person


class AssistedStartForm(forms.Form):
    """What the advisor says before the form: whose file, and how it is filled in."""

    kind = forms.ChoiceField(
        label=gettext_lazy("The file is"),
        choices=ApplicationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose whether the person offers a room or looks for one.")},
    )
    via = forms.ChoiceField(
        label=gettext_lazy("You fill it in"),
        choices=AssistanceChannel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose how you fill in the file with the person.")},
    )


class ConsentCodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code read back by the person"),
        max_length=12,
        help_text=gettext_lazy("Six figures. Spaces do not matter."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"required": gettext_lazy("Type the six figures the person reads to you.")},
    )


def _vets_somewhere(request) -> None:
    if not access.vets_somewhere(request.user):
        raise PermissionDenied


def _file(request, pk: int) -> Application:
    """A file the advisor may fill in; another territory's is not found (404)."""
    application = Application.objects.select_related("territory", "country", "person").filter(pk=pk).first()
    if application is None:
        raise Http404
    vets = access.may_vet(request.user, application)
    # A file an advisor opened is their association's from the start; a draft someone began online
    # stays out of sight until its address is confirmed, as everywhere else.
    opened_here = vets and application.assisted_by_id is not None
    if not opened_here and not access.may_view(request.user, application):
        raise Http404
    if not vets:
        # Seen (a pension office, a national officer) but not vetted: not theirs to fill in.
        raise PermissionDenied
    return application


def _page(request, template: str, context: dict, status: int = 200):
    return TemplateResponse(request, f"workflow/admin/{template}", context, status=status)


def _print_links(request) -> list[dict]:
    """The blank paper forms of the countries whose files the advisor vets, per kind and language."""
    languages = dict(settings.LANGUAGES)
    countries = {t.country for t in access.territories_vetted_by(request.user)}
    links = []
    for country in sorted(countries, key=lambda c: c.name):
        for kind in ApplicationKind:
            for language in country.languages or [settings.LANGUAGE_CODE]:
                try:
                    url = reverse("application_form_print", args=[country.code, kind.value, language])
                except NoReverseMatch:
                    return []
                label = _("%(kind)s's form, %(country)s, in %(language)s (PDF, large type)") % {
                    "kind": kind.label,
                    "country": country.name,
                    "language": languages.get(language, language),
                }
                links.append({"url": url, "label": label})
    return links


def assisted_new(request):
    """Step 0: whose file (host or guest) and how it is filled in (phone, visit, office, paper)."""
    _vets_somewhere(request)
    form = AssistedStartForm(request.POST or None, initial={"via": request.GET.get("via", "")})
    person_id = request.GET.get("person", "")
    if request.method == "POST" and form.is_valid():
        url = reverse("assisted_new_identity", args=[form.cleaned_data["kind"], form.cleaned_data["via"]])
        return redirect(f"{url}?person={person_id}" if person_id.isdigit() else url)
    return _page(
        request,
        "assisted_new.html",
        {"form": form, "title": _("File an application for someone"), "print_links": _print_links(request)},
        status=400 if form.errors else 200,
    )


def _person_known(request, person_id: str) -> Person | None:
    if not person_id.isdigit():
        return None
    person = Person.objects.filter(pk=int(person_id), anonymised_at__isnull=True).first()
    if person is None or not any(access.may_vet(request.user, a) for a in person.applications.all()):
        raise Http404
    return person


def assisted_new_identity(request, kind: str, via: str):
    """Step 1 for a new file: the public form's first step, filled in by the advisor."""
    _vets_somewhere(request)
    if kind not in ApplicationKind.values or via not in AssistanceChannel.values:
        raise Http404
    person = _person_known(request, request.GET.get("person", ""))
    territories = access.territories_vetted_by(request.user)
    country_code = request.GET.get("country") or request.POST.get("country", "")
    countries = {t.country for t in territories}
    country = next((c for c in countries if c.code == country_code), None) or (
        sorted(countries, key=lambda c: c.name)[0] if countries else None
    )
    if country is None:
        raise PermissionDenied
    step = STEPS[kind][0]
    initial = None
    if person is not None:
        latest = person.applications.order_by("-created_at").first()
        initial = {
            "first_name": latest.first_name,
            "last_name": latest.last_name,
            "email": person.email,
            "phone": person.mobile,
            "birth_date": latest.birth_date,
            "language": person.language,
        }
    form = advisor_step_form(
        step,
        country=country,
        kind=kind,
        number=1,
        by=request.user,
        data=request.POST if request.method == "POST" else None,
        initial=initial,
    )
    refusal = ""
    if request.method == "POST" and form.is_valid():
        try:
            application = assisted_application_start(
                by=request.user,
                kind=kind,
                via=via,
                person_id=person.pk if person else None,
                **step_parts(form),
            )
        except ActionNotPermitted as error:
            refusal = str(error.message)
        except ApplicationNotFound:
            raise Http404 from None
        else:
            messages.success(request, _("The file is opened. Go on with the next step."))
            return redirect(reverse("assisted_step", args=[application.pk, 2]))
    return _page(
        request,
        "assisted_step.html",
        {
            "title": _("File an application for someone"),
            "form": form,
            "steps": STEPS[kind],
            "number": 1,
            "step": step,
            "kind_label": ApplicationKind(kind).label,
            "via_label": AssistanceChannel(via).label,
            "countries": sorted(countries, key=lambda c: c.name),
            "country": country,
            "refusal": refusal,
        },
        status=400 if (form.errors or refusal) else 200,
    )


def assisted_step(request, pk: int, number: int):
    """A step of a file the advisor fills in or completes ("Complete this file")."""
    application = _file(request, pk)
    steps = STEPS[application.kind]
    if not 1 <= number <= len(steps):
        raise Http404
    if application.state not in CAN_BE_SUBMITTED_STATES:
        messages.error(request, _("This file has already been sent; it can no longer be changed here."))
        return redirect(reverse("workflow_application:inspect", args=[application.pk]))
    step = steps[number - 1]
    form = advisor_step_form(
        step,
        country=application.country,
        kind=application.kind,
        number=number,
        by=request.user,
        data=request.POST if request.method == "POST" else None,
        initial=advisor_initial(application, number),
    )
    via = request.POST.get("via", "") if request.method == "POST" else ""
    refusal = ""
    if request.method == "POST" and form.is_valid():
        try:
            assisted_answers_save(application_id=application.pk, by=request.user, via=via, **step_parts(form))
        except WorkflowError as error:
            refusal = str(error.message)
        else:
            messages.success(request, _("Step %(number)s is saved.") % {"number": number})
            if number < len(steps):
                return redirect(reverse("assisted_step", args=[application.pk, number + 1]))
            return redirect(reverse("assisted_consent", args=[application.pk]))
    return _page(
        request,
        "assisted_step.html",
        {
            "title": _("Complete this file"),
            "application": application,
            "form": form,
            "steps": steps,
            "number": number,
            "step": step,
            "kind_label": application.get_kind_display(),
            "via_choices": AssistanceChannel.choices,
            "via": application.assisted_via or AssistanceChannel.PHONE,
            "refusal": refusal,
        },
        status=400 if (form.errors or refusal) else 200,
    )


def _open_code(application: Application) -> AssistedConsent | None:
    return (
        application.assisted_consents.filter(given_at__isnull=True, cancelled_at__isnull=True)
        .exclude(method=ConsentMethod.PAPER)
        .order_by("-requested_at", "-pk")
        .first()
    )


def _consent_page(request, application, *, refusal="", code_form=None, status=200):
    open_code = _open_code(application)
    unfinished = advisor_unfinished_step(application, by=request.user)
    documents = application.supporting_documents.filter(
        kind__in=(DocumentKind.PAPER_APPLICATION, DocumentKind.CONSENT_FORM)
    ).order_by("-pk")
    return _page(
        request,
        "assisted_consent.html",
        {
            "title": _("The person's consent"),
            "application": application,
            "wording": wording_for(application),
            "open_code": open_code,
            "attempts_left": CONSENT_CODE_ATTEMPTS - open_code.attempts if open_code else 0,
            "code_form": code_form or ConsentCodeForm(),
            "unfinished": unfinished,
            "steps": STEPS[application.kind],
            "refusal": refusal,
            "paper_forms": [d for d in documents if d.kind == DocumentKind.PAPER_APPLICATION],
            "methods": ConsentMethod,
            "person": application.person,
        },
        status=status,
    )


def assisted_consent(request, pk: int):
    """The words the person agrees to and the ways to capture their agreement."""
    application = _file(request, pk)
    if application.state not in CAN_BE_SUBMITTED_STATES:
        return redirect(reverse("workflow_application:inspect", args=[application.pk]))
    return _consent_page(request, application)


@require_POST
def assisted_consent_send(request, pk: int):
    """Send a code by text message or by post; or print the sheet with a code, for a visit."""
    application = _file(request, pk)
    method = request.POST.get("method", "")
    try:
        consent, code = assisted_consent_request(application_id=application.pk, method=method, by=request.user)
    except WorkflowError as error:
        application.refresh_from_db()
        return _consent_page(request, application, refusal=str(error.message), status=400)
    if method == ConsentMethod.CODE_READ_OUT:
        # The sheet speaks the person's language; it is shown once and never kept.
        with translation.override(consent.language):
            sheet = render_to_string(
                "workflow/admin/assisted_consent_sheet.html",
                {"application": application, "consent": consent, "code": code, "title": _("Consent sheet")},
                request=request,
            )
        response = HttpResponse(sheet)
        response["Cache-Control"] = "no-store"
        return response
    if method == ConsentMethod.SMS:
        messages.success(request, _("The code is sent by text message. Ask the person to read it to you."))
    else:
        messages.success(request, _("The code is sent by post. When the person calls you, type the code they read."))
    return redirect(reverse("assisted_consent", args=[application.pk]) + "#consent-code")


@require_POST
def assisted_consent_code(request, pk: int):
    """The advisor types the code the person reads back; right, the file is sent."""
    application = _file(request, pk)
    form = ConsentCodeForm(request.POST)
    if not form.is_valid():
        return _consent_page(request, application, code_form=form, status=400)
    try:
        assisted_consent_confirm(application_id=application.pk, code=form.cleaned_data["code"], by=request.user)
    except WorkflowError as error:
        application.refresh_from_db()
        form.add_error("code", str(error.message))
        return _consent_page(request, application, code_form=form, status=400)
    messages.success(request, _("The person agreed: the file is sent to the association."))
    return redirect(reverse("workflow_application:inspect", args=[application.pk]))
