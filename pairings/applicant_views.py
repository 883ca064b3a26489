"""Applicants answer a proposal from their space, reading a portrait of the other person
(``pairings.portrait``) that shows only what is meant to be shown before both accept; once they
live together, they answer the well-being questionnaires (``pairings.wellbeing``)."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from workflow.applicant_session import current_applicant
from workflow.enums import MandateRight
from workflow.exceptions import ReasonRequired, WorkflowError
from workflow.mandates import ProxyNotAllowed, proxy_action_record

from .enums import Party
from .forms import WellbeingForm
from .models import Pairing, WellbeingCheck
from .portrait import portrait_of
from .services import pairing_answer
from .wellbeing import wellbeing_answer


def _pairing_and_party(request, pk):
    """The pairing, the party the reader answers as, and the rights they hold on that party's
    file as a proxy (empty when it is their own file)."""
    applicant = current_applicant(request)
    pairing = Pairing.objects.select_related("host__country", "guest").filter(pk=pk).first()
    if applicant is None or pairing is None:
        raise Http404
    if applicant.owns(pairing.host_id):
        return pairing, Party.HOST, frozenset()
    if applicant.owns(pairing.guest_id):
        return pairing, Party.GUEST, frozenset()
    # A proxy reads the proposal with the right to follow the file or to answer it.
    for application_id, party in ((pairing.host_id, Party.HOST), (pairing.guest_id, Party.GUEST)):
        rights = applicant.rights_on(application_id)
        if rights & {MandateRight.FOLLOW, MandateRight.ANSWER}:
            return pairing, party, rights
    raise Http404


def _answer(request, pairing, party, proxy_rights, accept: bool):
    """Record the answer; a proxy's also in the person's journal, both or neither."""
    if not proxy_rights:
        return pairing_answer(pairing_id=pairing.pk, party=party, accept=accept, reason=request.POST.get("reason", ""))
    if MandateRight.ANSWER not in proxy_rights:
        raise ProxyNotAllowed()
    application = pairing.host if party == Party.HOST else pairing.guest
    with transaction.atomic():
        answered = pairing_answer(
            pairing_id=pairing.pk, party=party, accept=accept, reason=request.POST.get("reason", "")
        )
        proxy_action_record(
            proxy_id=current_applicant(request).person_id,
            application=application,
            right=MandateRight.ANSWER,
            action="proxy.proposal_answered",
            summary=_("Accepted the proposal of homesharing") if accept else _("Declined the proposal of homesharing"),
            data={"pairing_id": pairing.pk, "accept": accept},
            details={"accept": accept},
        )
    return answered


def proposal(request, pk):
    pairing, party, proxy_rights = _pairing_and_party(request, pk)
    status = 200
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        try:
            _answer(request, pairing, party, proxy_rights, accept)
        except WorkflowError as refusal:
            messages.error(request, refusal.message)
            status = (
                400 if isinstance(refusal, ReasonRequired) else 403 if isinstance(refusal, ProxyNotAllowed) else 409
            )
        else:
            messages.success(request, _("Thank you, your answer is recorded."))
            return redirect("applicant_pairing", pk=pairing.pk)
        pairing.refresh_from_db()
    represented = pairing.host if party == Party.HOST else pairing.guest
    return TemplateResponse(
        request,
        "pairings/proposal.html",
        {
            "pairing": pairing,
            "party": party,
            "other": portrait_of(pairing, reader_is_host=party == Party.HOST),
            "answered": (pairing.host_accepted_at if party == Party.HOST else pairing.guest_accepted_at) is not None,
            "convention": pairing.conventions.exclude(state__in=["refused", "draft"]).first(),
            "acting_for": f"{represented.first_name} {represented.last_name}" if proxy_rights else "",
            "may_answer": not proxy_rights or MandateRight.ANSWER in proxy_rights,
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
