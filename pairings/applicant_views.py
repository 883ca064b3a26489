"""Applicants answer a proposal from their space, seeing only what is meant to be shown of the other person."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from workflow.applicant_views import SESSION_KEY
from workflow.exceptions import ReasonRequired, WorkflowError

from .enums import Party
from .models import Pairing
from .services import pairing_answer

#: What a host and a guest may see of each other before they both accept: no surname, no
#: contact details, no address, no documents.
SHOWN_OF_HOST = (
    "room",
    "room_size",
    "furnished",
    "smoking",
    "pets",
    "visits",
    "meals",
    "evenings_per_week",
    "weekends",
)
SHOWN_OF_GUEST = ("programme", "city", "evenings_per_week", "smoker", "pets_ok", "preferences")


def profile_of(application, fields) -> dict:
    answers = application.answers
    return {
        "first_name": application.first_name,
        "languages": answers.get("languages", []),
        "details": {name: answers[name] for name in fields if answers.get(name) not in (None, "", [])},
    }


def _pairing_and_party(request, pk):
    email = (request.session.get(SESSION_KEY) or "").lower()
    pairing = Pairing.objects.select_related("host", "guest").filter(pk=pk).first()
    if not email or pairing is None:
        raise Http404
    if pairing.host.email.lower() == email:
        return pairing, Party.HOST
    if pairing.guest.email.lower() == email:
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
        {"pairing": pairing, "party": party, "other": profile_of(other, fields)},
        status=status,
    )
