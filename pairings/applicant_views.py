"""Applicants answer a proposal from their space, seeing only what is meant to be shown of the other person."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workflow import answers as schema
from workflow.applicant_session import current_applicant
from workflow.exceptions import ReasonRequired, WorkflowError
from workflow.forms import STEPS

from .enums import Party
from .models import Pairing
from .services import pairing_answer

#: What a host and a guest may see of each other before they both accept: no surname, no
#: contact details, no address, no documents.
SHOWN_OF_HOST = (
    schema.ROOM,
    schema.ROOM_SIZE,
    schema.FURNISHED,
    schema.SMOKING,
    schema.PETS,
    schema.VISITS,
    schema.MEALS,
    schema.EVENINGS_PER_WEEK,
    schema.WEEKENDS,
)
SHOWN_OF_GUEST = (
    schema.PROGRAMME,
    schema.CITY,
    schema.EVENINGS_PER_WEEK,
    schema.SMOKER,
    schema.PETS_OK,
    schema.PREFERENCES,
)


#: Answers written by staff rather than asked in the forms.
OTHER_LABELS = {schema.ROOM.name: gettext_lazy("Room")}


def _form_fields(kind) -> dict:
    found = {}
    for step in STEPS[kind]:
        found.update(step.form_class.base_fields)
    return found


def _shown(field, value) -> str:
    """An answer as the person reads it: the choice's label, yes or no, a list of labels."""
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, tuple):
        return ", ".join(str(choices.get(v, v)) for v in value)
    return str(choices.get(value, value))


def profile_of(application, fields) -> dict:
    answers = schema.typed_answers(application)
    form_fields = _form_fields(application.kind)
    languages = dict(settings.LANGUAGES)
    details = {}
    for answer in fields:
        name = answer.name
        value = getattr(answers, name)
        if value is None or value == ():
            continue
        if name in form_fields:
            details[str(form_fields[name].label)] = _shown(form_fields[name], value)
        elif name in OTHER_LABELS:
            details[str(OTHER_LABELS[name])] = str(value)
    return {
        "first_name": application.first_name,
        "languages": [str(languages.get(code, code)) for code in answers.languages],
        "details": details,
    }


def _pairing_and_party(request, pk):
    applicant = current_applicant(request)
    pairing = Pairing.objects.select_related("host", "guest").filter(pk=pk).first()
    if applicant is None or pairing is None:
        raise Http404
    if applicant.owns(pairing.host_id):
        return pairing, Party.HOST
    if applicant.owns(pairing.guest_id):
        return pairing, Party.GUEST
    raise Http404


def proposal(request, pk):
    pairing, party = _pairing_and_party(request, pk)
    other = pairing.guest if party == Party.HOST else pairing.host
    fields = SHOWN_OF_GUEST if party == Party.HOST else SHOWN_OF_HOST
    status = 200
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        try:
            pairing_answer(pairing_id=pairing.pk, party=party, accept=accept, reason=request.POST.get("reason", ""))
        except WorkflowError as refusal:
            messages.error(request, refusal.message)
            status = 400 if isinstance(refusal, ReasonRequired) else 409
        else:
            messages.success(request, _("Thank you, your answer is recorded."))
            return redirect("applicant_pairing", pk=pairing.pk)
        pairing.refresh_from_db()
    return TemplateResponse(
        request,
        "pairings/proposal.html",
        {
            "pairing": pairing,
            "party": party,
            "other": profile_of(other, fields),
            "answered": (pairing.host_accepted_at if party == Party.HOST else pairing.guest_accepted_at) is not None,
            "convention": pairing.conventions.exclude(state__in=["refused", "draft"]).first(),
        },
        status=status,
    )
