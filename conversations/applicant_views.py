"""The applicant's conversations, from their space: with their association about their file, and
with the other person of their pairing and their advisor. A conversation that is not theirs, or
does not exist, is not found."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from pairings.models import Pairing
from workflow import access
from workflow.applicant_session import current_applicant
from workflow.enums import MandateRight
from workflow.models import Application

from .attachments import attachment_send
from .exceptions import ConversationNotFound, MessageRefused
from .presentation import poll_payload, thread_context
from .readers import Reader
from .services import (
    advisor_ask,
    conversation_for_applicant,
    conversation_of_file,
    conversation_of_pairing,
    mark_read,
    message_report,
    message_send,
    person_reader,
)


def _applicant(request):
    applicant = current_applicant(request)
    if applicant is None:
        raise Http404
    return applicant


def open_about_file(request, application_id: int):
    applicant = _applicant(request)
    application = Application.objects.filter(pk=application_id).first()
    if application is None or not access.applicant_may_open_conversation(
        applicant.conversation_ids, application=application
    ):
        raise Http404
    return redirect("applicant_conversation", pk=conversation_of_file(application).pk)


def open_about_pairing(request, pairing_id: int):
    applicant = _applicant(request)
    pairing = Pairing.objects.filter(pk=pairing_id).first()
    if pairing is None or not access.applicant_may_open_conversation(applicant.conversation_ids, pairing=pairing):
        raise Http404
    return redirect("applicant_conversation", pk=conversation_of_pairing(pairing).pk)


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def conversation(request, pk: int):
    applicant = _applicant(request)
    try:
        found = conversation_for_applicant(applicant, pk)
    except ConversationNotFound:
        raise Http404 from None
    reader = Reader(key=person_reader(applicant.person_id), applicant=applicant)
    status, typed, error = 200, "", ""
    if request.method == "GET" and request.headers.get("X-Requested-With") == "fetch":
        # Where websockets are blocked, the page asks here for what came after its last message.
        return JsonResponse(poll_payload(found, reader, after=request.GET.get("after")))
    if request.method == "POST":
        typed, attached = request.POST.get("body", ""), request.FILES.get("attachment")
        try:
            if attached:
                message = attachment_send(
                    conversation_id=found.pk,
                    uploaded_file=attached,
                    body=typed,
                    applicant=applicant,
                    client_id=request.POST.get("client_id"),
                ).message
            else:
                message = message_send(
                    conversation_id=found.pk, body=typed, applicant=applicant, client_id=request.POST.get("client_id")
                )
        except (MessageRefused, ConversationNotFound) as refusal:
            if _wants_json(request):
                return JsonResponse({"error": str(refusal.message)}, status=400)
            status, error = 400, str(refusal.message)
        else:
            if _wants_json(request):
                return JsonResponse({"id": message.pk})
            return redirect("applicant_conversation", pk=found.pk)
    context = thread_context(
        found,
        reader,
        post_url=reverse("applicant_conversation", args=[found.pk]),
        typed=typed,
        error=error,
        csrf_token=get_token(request),
    )
    mark_read(found, reader.key, context["last_id"] or None)
    own = [application for application in found.files if applicant.owns(application.pk)]
    represented = [application for application in found.files if applicant.rights_on(application.pk)]
    acting_for = f"{represented[0].first_name} {represented[0].last_name}" if represented and not own else ""
    return TemplateResponse(
        request,
        "conversations/applicant_conversation.html",
        {
            **context,
            "title": _title(found),
            "acting_for": acting_for,
            "may_write": bool(own) or any(applicant.may(a.pk, MandateRight.WRITE) for a in represented),
        },
        status=status,
    )


def _title(conversation) -> str:
    if conversation.pairing_id:
        return _("Messages with %(host)s, %(guest)s and your advisor") % {
            "host": conversation.pairing.host.first_name,
            "guest": conversation.pairing.guest.first_name,
        }
    return _("Messages with your association")


def report(request, pk: int):
    applicant = _applicant(request)
    if request.method != "POST":
        raise Http404
    try:
        made = message_report(message_id=pk, reason=request.POST.get("reason", ""), applicant=applicant)
    except ConversationNotFound:
        raise Http404 from None
    except MessageRefused as refusal:
        messages.error(request, refusal.message)
        from .models import Message

        conversation_id = Message.objects.filter(pk=pk).values_list("conversation_id", flat=True).first()
        return redirect("applicant_conversation", pk=conversation_id)
    messages.success(request, _("Thank you: the association will read your report."))
    return redirect("applicant_conversation", pk=made.message.conversation_id)


def ask(request, pk: int):
    """ "Ask my advisor", from a pairing's conversation."""
    applicant = _applicant(request)
    if request.method != "POST":
        raise Http404
    try:
        advisor_ask(conversation_id=pk, applicant=applicant, question=request.POST.get("question", ""))
    except ConversationNotFound:
        raise Http404 from None
    except MessageRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your advisor is asked: they will come back to you."))
    return redirect("applicant_conversation", pk=pk)
