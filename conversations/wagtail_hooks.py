"""Conversations in the back office (menu with the unread count, dashboard, the file's and the
pairing's pages, the queue of reports, the prepared answers) and in the applicant's space."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflow import access
from workflow.dashboard import TaskLine, TaskListPanel, TaskSection
from workflow.tasklist import LINES

from . import admin_views, attachment_views
from .models import CannedReply, Conversation
from .selectors import inbox_of
from .services import (
    questions_open,
    reports_to_review,
    unread_by_conversation_for_staff,
    unread_for_applicant,
    unread_for_staff,
    unread_sentence,
)


@hooks.register("register_admin_urls")
def register_conversation_urls():
    return [
        path("conversations/", admin_views.inbox, name="conversations_inbox"),
        path("conversations/reports/", admin_views.reports, name="conversations_reports"),
        path("conversations/reports/<int:pk>/dismiss/", admin_views.dismiss, name="conversations_report_dismiss"),
        path("conversations/<int:pk>/", admin_views.conversation, name="conversation_admin"),
        path("conversations/file/<int:application_pk>/", admin_views.open_about_file, name="conversation_file"),
        path("conversations/pairing/<int:pairing_pk>/", admin_views.open_about_pairing, name="conversation_pairing"),
        path("conversations/message/<int:pk>/hide/", admin_views.hide, name="conversation_hide"),
        path("conversations/message/<int:pk>/report/", admin_views.report, name="conversation_report_staff"),
        path("conversations/attachment/<int:pk>/", attachment_views.staff_download, name="conversation_attachment"),
        path(
            "conversations/question/<int:pk>/incident/",
            admin_views.record_incident,
            name="conversation_question_incident",
        ),
    ]


class MessagesMenuItem(MenuItem):
    """ "Messages", with the number of unread ones, for who answers conversations."""

    def is_shown(self, request):
        return access.vets_somewhere(request.user)

    def render_component(self, request):
        unread = unread_for_staff(request.user)
        label = _("Messages (%(count)d unread)") % {"count": unread} if unread else _("Messages")
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs)


@hooks.register("register_admin_menu_item")
def register_messages_menu_item():
    return MessagesMenuItem(
        gettext_lazy("Messages"), reverse("conversations_inbox"), name="messages", icon_name="mail", order=205
    )


@hooks.register("construct_homepage_panels")
def add_messages_panel(request, panels):
    if not access.vets_somewhere(request.user):
        return
    waiting = [conversation for conversation in inbox_of(request.user, limit=LINES * 4) if conversation.unread]
    lines = [
        TaskLine(
            label=str(conversation.application or conversation.pairing),
            detail=unread_sentence(conversation.unread),
            url=reverse("conversation_admin", args=[conversation.pk]),
        )
        for conversation in waiting[:LINES]
    ]
    reports = reports_to_review(request.user)
    report_lines = [
        TaskLine(
            label=str(report.message.conversation),
            detail=report.reason or _("no reason given"),
            url=reverse("conversations_reports"),
        )
        for report in reports[:LINES]
    ]
    sections = [
        TaskSection(
            key="unread-messages",
            title=_("Messages to read"),
            lines=lines,
            total=unread_for_staff(request.user),
            empty=_("No message waits for you."),
            more_url=reverse("conversations_inbox"),
        ),
        TaskSection(
            key="reported-messages",
            title=_("Reported messages"),
            lines=report_lines,
            total=reports.count(),
            empty=_("No message is reported."),
            more_url=reverse("conversations_reports"),
        ),
    ]
    panels.append(TaskListPanel(name="messages", heading=gettext_lazy("Messages"), sections=sections, order=15))


def _staff_panel(request, conversation, *, open_url: str, questions=()) -> str:
    unread = 0
    if conversation is not None:
        unread = unread_by_conversation_for_staff(request.user, [conversation.pk]).get(conversation.pk, 0)
    return render_to_string(
        "conversations/admin/panel.html",
        {
            "unread": unread,
            "unread_sentence": unread_sentence(unread) if unread else "",
            "count": conversation.messages.count() if conversation is not None else 0,
            "open_url": open_url,
            "questions": list(questions),
        },
        request=request,
    )


@hooks.register("application_panels")
def file_conversation(request, application):
    return [
        _staff_panel(
            request,
            Conversation.objects.filter(application=application).first(),
            open_url=reverse("conversation_file", args=[application.pk]),
        )
    ]


@hooks.register("pairing_panels")
def pairing_conversation(request, pairing):
    return [
        _staff_panel(
            request,
            Conversation.objects.filter(pairing=pairing).first(),
            open_url=reverse("conversation_pairing", args=[pairing.pk]),
            questions=questions_open(pairing) if access.may_manage_pairing(request.user, pairing) else (),
        )
    ]


@hooks.register("applicant_file_panels")
def applicant_conversations(request, application):
    """In the applicant's space: the conversation with the association (once the file is sent)
    and each pairing's, with their unread messages."""
    from workflow.applicant_session import current_applicant

    applicant = current_applicant(request)
    if applicant is None:
        return []
    unread = unread_for_applicant(applicant)
    links = []
    if access.applicant_may_open_conversation(applicant.application_ids, application=application):
        conversation = Conversation.objects.filter(application=application).first()
        links.append(
            {
                "label": _("Write to your association"),
                "url": reverse("applicant_conversation_file", args=[application.pk]),
                "unread": unread.get(conversation.pk, 0) if conversation else 0,
            }
        )
    for pairing in getattr(application, "pairings", []):
        conversation = Conversation.objects.filter(pairing=pairing).first()
        other = pairing.guest if pairing.host_id == application.pk else pairing.host
        links.append(
            {
                "label": _("Messages with %(name)s and your advisor") % {"name": other.first_name},
                "url": reverse("applicant_conversation_pairing", args=[pairing.pk]),
                "unread": unread.get(conversation.pk, 0) if conversation else 0,
            }
        )
    if not links:
        return []
    for link in links:
        link["unread_sentence"] = unread_sentence(link["unread"]) if link["unread"] else ""
    return [render_to_string("conversations/applicant_panel.html", {"links": links}, request=request)]


class CannedReplyViewSet(SnippetViewSet):
    model = CannedReply
    icon = "openquote"
    menu_label = gettext_lazy("Prepared answers")
    list_display = ["title", "language"]
    list_filter = ["language"]


register_snippet(CannedReplyViewSet)


@hooks.register("application_export_parts")
def exported_messages(application):
    """The messages the applicant wrote, in the file's conversation and its pairings'."""
    from .privacy import messages_written_for

    return {"messages": messages_written_for(application)}


@hooks.register("application_anonymised")
def erase_messages(application):
    from .privacy import messages_erase

    messages_erase(application)
