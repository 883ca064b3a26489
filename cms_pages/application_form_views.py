"""The screens of the public application form; every rule is in :mod:`workflow`.

The steps, then "check your answers" (the page after the last step), then the page that gives
the file's reference. Bad input never loses what was typed: an invalid step is shown again with
a summary of its problems, a spent or expired link answers 400 with a way forward.

A visitor sent from a home page in a language the programme's pages do not exist in (a Spanish
student applying in France, whose pages are in French and English) fills the form in their own
language: the home's link says it (``?lang=es``), the session remembers it for the next steps,
and the email confirmation link carries it.

A young person sent by a partner (a university's international office, an Erasmus+ office)
arrives with the partner's referral code (``?ref=``): the session remembers it for the next
steps, the first step names the partner and asks, unticked, whether it may follow the
application. The code is checked again on the server each time; an unknown one is ignored.
"""

import functools
import uuid

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.throttle import refused, too_many
from translations.languages import form_language_links
from workflow.applicants import (
    IDENTITY_FIELDS,
    LINK_LIFETIMES,
    applicant_link_send,
    applicant_link_use,
    application_referral_set,
    application_save_answers,
    application_start,
    referral_partner,
)
from workflow.enums import CAN_BE_SUBMITTED_STATES, ApplicationKind
from workflow.exceptions import WorkflowError
from workflow.forms import STEPS, answers_summary, extra_questions_for, first_unfinished_step
from workflow.models import ApplicantLink, Application
from workflow.references import application_reference, review_within_days

TEMPLATE = "cms_pages/application_form_page.html"


def _visitor_language(page, request) -> str | None:
    """The language the visitor asked the form in, when it is not the page's own."""
    key = f"{page.session_key()}-language"
    asked = request.GET.get("lang", "")
    if asked in dict(settings.LANGUAGES):
        if asked == page.locale.language_code:
            request.session.pop(key, None)
            return None
        request.session[key] = asked
        return asked
    remembered = request.session.get(key)
    return remembered if remembered in dict(settings.LANGUAGES) else None


def _in_the_visitors_language(view):
    """Runs ``view`` and renders its page in the visitor's language, when they asked for one."""

    @functools.wraps(view)
    def wrapped(page, request, *args):
        language = _visitor_language(page, request)
        if language is None:
            return view(page, request, *args)
        with translation.override(language):
            response = view(page, request, *args)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response.headers["Content-Language"] = language
        return response

    return wrapped


def _confirm_url(page, request, token) -> str:
    url = page.url + page.reverse_subpage("confirm", args=[token])
    language = get_language()
    if language != page.locale.language_code:
        url += f"?lang={language}"
    return request.build_absolute_uri(url)


def _render(page, request, status=200, **context):
    base = page.get_context(request)
    base["language_links"] = form_language_links(
        base.get("language_links", ()),
        page_language=page.locale.language_code,
        current=get_language(),
        path=request.path,
        request=request,
    )
    base.update(context)
    return TemplateResponse(request, TEMPLATE, base, status=status)


def _draft(page, request) -> Application | None:
    application_id = request.session.get(page.session_key())
    if not application_id:
        return None
    return Application.objects.filter(pk=application_id, state__in=CAN_BE_SUBMITTED_STATES).first()


def _referrer(page, request, country):
    """The partner whose referral link brought the visitor to this guest form, if its code is a
    partner's of this country: taken from the link, else from the session, checked each time."""
    if page.kind != ApplicationKind.GUEST or country is None:
        return None
    key = f"{page.session_key()}-referral"
    partner = referral_partner(code=request.GET.get("ref", ""), country=country)
    if partner is not None:
        request.session[key] = partner.referral_code
        return partner
    remembered = request.session.get(key)
    return referral_partner(code=remembered, country=country) if isinstance(remembered, str) else None


def _step_url(page, number: int) -> str:
    return page.url if number == 1 else page.url + page.reverse_subpage("later_step", args=[number])


def _form_key(request, application) -> str:
    """The key that makes sending the first step twice land on one file: the one the page was
    given, else the draft's own, so that starting again from the first page continues it."""
    try:
        return str(uuid.UUID(request.POST.get("form_key", "")))
    except ValueError:
        pass
    if application is not None and application.form_key:
        return str(application.form_key)
    return str(uuid.uuid4())


@_in_the_visitors_language
def step(page, request, number: int):
    if too_many(request, "application-form"):
        return refused(request)
    country = page.country()
    steps = STEPS[page.kind]
    if country is None or not 1 <= number <= len(steps) + 1:
        return redirect(page.url)
    application = _draft(page, request)
    if number > 1 and application is None:
        messages.info(request, _("Please start with the first step."))
        return redirect(page.url)
    if number == len(steps) + 1:
        return check(page, request, application)
    current = steps[number - 1]
    extra = {"extra_questions": extra_questions_for(country, page.kind)} if number == len(steps) else {}
    referrer = _referrer(page, request, country)
    if number == 1 and referrer is not None:
        extra["referrer"] = referrer
    form_key = _form_key(request, application)
    changing = request.POST.get("changing") == "1" or request.GET.get("change") == "1"
    if request.method == "POST":
        form = current.form_class(request.POST, country=country, kind=page.kind, **extra)
        if form.is_valid():
            try:
                application = _save(page, request, form, number, application, country, form_key)
                if number == 1 and referrer is not None:
                    application_referral_set(
                        application_id=application.pk,
                        code=referrer.referral_code,
                        consent=form.cleaned_data.get("referral_consent", False),
                    )
            except WorkflowError as refusal:
                form.add_error(None, str(refusal.message))
            else:
                if changing or number == len(steps):
                    return redirect(_step_url(page, len(steps) + 1))
                return redirect(_step_url(page, number + 1))
        status = 400 if form.errors else 200
    else:
        # A new applicant's messages are in the language of the page they apply from.
        initial = current.form_class.initial_from(application) if application else {"language": get_language()}
        if "referrer" in extra and application is not None:
            initial["referral_consent"] = application.referred_by_id == referrer.pk
        form = current.form_class(initial=initial, country=country, kind=page.kind, **extra)
        status = 200
    # Nothing of this step is stored yet: the browser may put back what was typed in it before
    # (a session that ended, a page closed), which site/static/js/form-drafts.js keeps.
    draft_fresh = request.method != "POST" and _nothing_stored(application, current, number)
    return _render(
        page,
        request,
        status=status,
        mode="step",
        form=form,
        referrer=referrer if number == 1 else None,
        form_key=form_key,
        steps=steps,
        number=number,
        current=current,
        changing=changing,
        draft_fresh=draft_fresh,
        error_summary=_error_summary(form),
        previous_url=_step_url(page, number - 1) if number > 1 else None,
        check_url=_step_url(page, len(steps) + 1) if changing else None,
    )


def _nothing_stored(application, current, number: int) -> bool:
    if application is None:
        return True
    if number == 1:
        return False
    return not any(name in application.answers for name in current.form_class.base_fields)


def _error_summary(form) -> list[dict]:
    """Each problem of a sent step with the field it is about, for the summary at the top."""
    problems = [{"anchor": "", "label": "", "message": error} for error in form.non_field_errors()]
    for field in form:
        if not field.errors:
            continue
        anchor = field.auto_id
        if field.use_fieldset:
            anchor = f"{field.auto_id}_0"
        problems.extend({"anchor": anchor, "label": field.label, "message": error} for error in field.errors)
    return problems


def check(page, request, application):
    """Check your answers: everything the applicant said, a way to change each step, then send."""
    extra_questions = extra_questions_for(application.country, page.kind)
    unfinished = first_unfinished_step(application, extra_questions)
    if unfinished is not None:
        messages.info(request, _("Please complete this step before sending your application."))
        return redirect(_step_url(page, unfinished))
    if request.method == "POST":
        applicant_link_send(
            application=application,
            purpose=ApplicantLink.Purpose.CONFIRM_EMAIL,
            build_url=lambda token: _confirm_url(page, request, token),
        )
        return redirect(page.url + page.reverse_subpage("sent"))
    summary = answers_summary(application, extra_questions)
    for section in summary:
        section["change_url"] = _step_url(page, section["number"]) + "?change=1"
    return _render(
        page,
        request,
        mode="check",
        summary=summary,
        referred_by=application.referred_by,
        referral_change_url=_step_url(page, 1) + "?change=1",
        steps=STEPS[page.kind],
        previous_url=_step_url(page, len(STEPS[page.kind])),
    )


def _save(page, request, form, number, application, country, form_key):
    data = form.cleaned_data
    answers = {k: v for k, v in form.answers().items() if k not in IDENTITY_FIELDS and k not in ("territory",)}
    if number == 1:
        identity = {name: data[name] for name in IDENTITY_FIELDS}
        application = application_start(
            form_key=uuid.UUID(form_key),
            kind=page.kind,
            country=country,
            territory=data["territory"],
            identity={**identity, **answers},
            draft_id=request.session.get(page.session_key()),
        )
        request.session[page.session_key()] = application.pk
        return application
    return application_save_answers(application_id=application.pk, answers=answers)


@_in_the_visitors_language
def sent(page, request):
    application = _draft(page, request)
    if request.method == "POST" and application is not None:
        applicant_link_send(
            application=application,
            purpose=ApplicantLink.Purpose.CONFIRM_EMAIL,
            build_url=lambda token: _confirm_url(page, request, token),
        )
        messages.success(request, _("A new link is on its way."))
        return redirect(page.url + page.reverse_subpage("sent"))
    return _render(
        page,
        request,
        mode="sent",
        application=application,
        reference=application_reference(application) if application else None,
        review_days=review_within_days(application) if application else None,
        link_hours=int(LINK_LIFETIMES[ApplicantLink.Purpose.CONFIRM_EMAIL].total_seconds() // 3600),
    )


@_in_the_visitors_language
def confirm(page, request, token):
    if request.method != "POST":
        # A button, not the link itself, spends the token: mail scanners that open links
        # must not use it up.
        return _render(page, request, mode="confirm")
    try:
        application = applicant_link_use(token=token, purpose=ApplicantLink.Purpose.CONFIRM_EMAIL)
    except WorkflowError as refusal:
        return _render(page, request, status=400, mode="error", error=str(refusal.message))
    request.session.pop(page.session_key(), None)
    return _render(page, request, mode="done", application=application)
