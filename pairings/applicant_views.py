"""Applicants answer a proposal from their space, reading a portrait of the other person
(``pairings.portrait``) that shows only what is meant to be shown before both accept; once they
live together, they answer the well-being questionnaires (``pairings.wellbeing``)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from workflow.applicant_session import current_applicant
from workflow.exceptions import ReasonRequired, WorkflowError

from .enums import Party
from .forms import WellbeingForm
from .models import Pairing, WellbeingCheck
from .portrait import portrait_of
from .services import pairing_answer
from .wellbeing import wellbeing_answer


def _pairing_and_party(request, pk):
    applicant = current_applicant(request)
    pairing = Pairing.objects.select_related("host__country", "guest").filter(pk=pk).first()
    if applicant is None or pairing is None:
        raise Http404
    if applicant.owns(pairing.host_id):
        return pairing, Party.HOST
    if applicant.owns(pairing.guest_id):
        return pairing, Party.GUEST
    raise Http404


def proposal(request, pk):
    pairing, party = _pairing_and_party(request, pk)
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
            "other": portrait_of(pairing, reader_is_host=party == Party.HOST),
            "answered": (pairing.host_accepted_at if party == Party.HOST else pairing.guest_accepted_at) is not None,
            "convention": pairing.conventions.exclude(state__in=["refused", "draft"]).first(),
        },
        status=status,
    )


def wellbeing(request, pk):
    """The person answers their questionnaire: three questions, all answered or nothing recorded."""
    applicant = current_applicant(request)
    check = WellbeingCheck.objects.select_related("pairing__host", "pairing__guest").filter(pk=pk).first()
    if applicant is None or check is None:
        raise Http404
    if not applicant.owns(check.pairing.host_id if check.party == Party.HOST else check.pairing.guest_id):
        raise Http404
    form = WellbeingForm()
    status = 200
    if request.method == "POST" and check.answered_at is not None:
        status = 409
    elif request.method == "POST":
        form = WellbeingForm(request.POST)
        if not form.is_valid():
            status = 400
        else:
            try:
                wellbeing_answer(
                    check_id=check.pk, answers=form.cleaned_data, application_ids=applicant.application_ids
                )
            except WorkflowError as refusal:
                messages.error(request, refusal.message)
                status = 409
            else:
                messages.success(request, _("Thank you, your answers are recorded."))
                return redirect("applicant_wellbeing", pk=check.pk)
            check.refresh_from_db()
    return TemplateResponse(
        request,
        "pairings/wellbeing.html",
        {"check": check, "form": form, "open": check.is_open()},
        status=status,
    )
