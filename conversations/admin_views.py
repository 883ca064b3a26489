"""Back-office screens of conversations: a file's or a pairing's conversation, the inbox of the
conversations one answers (unread first), and the queue of reported messages. Thin: scoping from
:mod:`workflow.access`, rules from :mod:`conversations.services`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pairings.selectors import pairings_visible_to
from workflow import access

from .attachments import attachment_send
from .exceptions import ConversationNotFound, MessageRefused
from .models import Conversation, Message
from .presentation import poll_payload, thread_context
from .readers import Reader
from .selectors import canned_replies_for, inbox_of
from .services import (
    conversation_for_staff,
    conversation_of_file,
    conversation_of_pairing,
    mark_read,
    message_hide,
    message_report,
    message_send,
    question_record_incident,
    report_dismiss,
    reports_to_review,
    staff_reader,
)


def open_about_file(request, application_pk: int):
    application = access.applications_visible_to(request.user).filter(pk=application_pk).first()
    if application is None:
        raise Http404
    return redirect("conversation_admin", pk=conversation_of_file(application).pk)


def open_about_pairing(request, pairing_pk: int):
    pairing = pairings_visible_to(request.user).filter(pk=pairing_pk).first()
    if pairing is None:
        raise Http404
    return redirect("conversation_admin", pk=conversation_of_pairing(pairing).pk)


def _subject(conversation: Conversation) -> tuple[str, str]:
    """The title of the page and the address of the page it is about."""
    if conversation.pairing_id:
        pairing = conversation.pairing
        return (
            _("Conversation of %(host)s and %(guest)s") % {"host": pairing.host, "guest": pairing.guest},
            reverse("pairings_pairing:inspect", args=[pairing.pk]),
        )
    return (
        _("Conversation with %(name)s") % {"name": conversation.application},
        reverse("workflow_application:inspect", args=[conversation.application_id]),
    )


def conversation(request, pk: int):
    try:
        found = conversation_for_staff(request.user, pk)
    except ConversationNotFound:
        raise Http404 from None
    reader = Reader(key=staff_reader(request.user), user=request.user)
    writes = access.may_write_in_conversation(request.user, found)
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
                    user=request.user,
                    client_id=request.POST.get("client_id"),
                ).message
            else:
                message = message_send(
                    conversation_id=found.pk, body=typed, user=request.user, client_id=request.POST.get("client_id")
                )
        except (MessageRefused, ConversationNotFound) as refusal:
            if request.headers.get("X-Requested-With") == "fetch":
                return JsonResponse({"error": str(refusal.message)}, status=400)
            status, error = 400, str(refusal.message)
        else:
            if request.headers.get("X-Requested-With") == "fetch":
                return JsonResponse({"id": message.pk})
            return redirect("conversation_admin", pk=found.pk)
    context = thread_context(
        found,
        reader,
        post_url=reverse("conversation_admin", args=[found.pk]),
        typed=typed,
        error=error,
        csrf_token=get_token(request),
        canned=canned_replies_for(request) if writes else (),
    )
    mark_read(found, reader.key, context["last_id"] or None)
    title, about_url = _subject(found)
    return TemplateResponse(
        request,
        "conversations/admin/conversation.html",
        {**context, "title": title, "about_url": about_url, "writes": writes},
        status=status,
    )


@require_POST
def hide(request, pk: int):
    message = Message.objects.filter(pk=pk).first()
    if message is None:
        raise Http404
    try:
        conversation = conversation_for_staff(request.user, message.conversation_id)
    except ConversationNotFound:
        raise Http404 from None
    if not access.may_write_in_conversation(request.user, conversation):
        raise PermissionDenied
    try:
        message_hide(message_id=pk, by=request.user, reason=request.POST.get("reason", ""))
    except ConversationNotFound:
        raise Http404 from None
    except MessageRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The message is hidden; its text and your reason are kept."))
    return redirect(reverse("conversation_admin", args=[message.conversation_id]) + f"#message-{pk}")


@require_POST
def report(request, pk: int):
    try:
        made = message_report(message_id=pk, reason=request.POST.get("reason", ""), user=request.user)
    except ConversationNotFound:
        raise Http404 from None
    except MessageRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("conversations_reports")
    messages.success(request, _("The message is reported to the advisors who answer this conversation."))
    return redirect("conversation_admin", pk=made.message.conversation_id)


def _answers_conversations(request) -> None:
    if not access.may_open_files_area(request.user):
        raise PermissionDenied


def inbox(request):
    _answers_conversations(request)
    return TemplateResponse(
        request,
        "conversations/admin/inbox.html",
        {"title": _("Messages"), "conversations": inbox_of(request.user)},
    )


def reports(request):
    _answers_conversations(request)
    return TemplateResponse(
        request,
        "conversations/admin/reports.html",
        {"title": _("Reported messages"), "reports": list(reports_to_review(request.user)[:200])},
    )


@require_POST
def dismiss(request, pk: int):
    _answers_conversations(request)
    try:
        report_dismiss(report_id=pk, by=request.user)
    except ConversationNotFound:
        raise Http404 from None
    messages.success(request, _("The report is closed and the message stays as it is."))
    return redirect("conversations_reports")


@require_POST
def record_incident(request, pk: int):
    """The question a host or a guest asked becomes an incident of the pairing."""
    from .models import Question

    asked = Question.objects.select_related("conversation").filter(pk=pk).first()
    if asked is None:
        raise Http404
    try:
        question_record_incident(question_id=pk, by=request.user)
    except ConversationNotFound:
        raise Http404 from None
    except MessageRefused:
        raise PermissionDenied from None
    messages.success(request, _("The question is recorded as an incident of the pairing."))
    return redirect(reverse("pairings_pairing:inspect", args=[asked.conversation.pairing_id]) + "#conversation")
