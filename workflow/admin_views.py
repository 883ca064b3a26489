"""Back-office screens of the applications: scoped list, file with its history and actions.

Thin: scoping comes from :mod:`workflow.access`, actions from :mod:`workflow.services`.
"""

from datetime import datetime, timedelta

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView

from . import access
from .answer_sheet import answer_groups
from .enums import ACTION_RESULTS, WAITING_FOR_ASSOCIATION_STATES, DocumentKind
from .exceptions import (
    ActionNotPermitted,
    ApplicationNotFound,
    ReasonRequired,
    StaleState,
    TransitionRefused,
    WorkflowError,
)
from .forms import PersonContactForm
from .models import Application, ApplicationRules
from .notifications import notifications_about
from .permission_policies import application_permission_policy
from .services import (
    STAFF_ACTIONS,
    application_act,
    application_add_note,
    application_tick,
    available_staff_actions,
    person_contacts_change,
)

#: What each action's button says: a verb, whose result is the state of ``ACTION_RESULTS``
#: ("Approve" → "Approved"), and which the audit trail and the applicant's space say in the same words.
ACTION_LABELS = {
    "start_review": gettext_lazy("Start the review"),
    "schedule_interview": gettext_lazy("Schedule an interview"),
    "record_home_visit": gettext_lazy("Record the home visit"),
    "approve": gettext_lazy("Approve"),
    "reject": gettext_lazy("Reject"),
    "send_back": gettext_lazy("Send back for completion"),
    "archive": gettext_lazy("Archive"),
}


class ApplicationFilterSet(WagtailFilterSet):
    waiting = django_filters.ChoiceFilter(
        label=gettext_lazy("Waiting for"),
        choices=[
            ("7", gettext_lazy("more than a week")),
            ("14", gettext_lazy("more than two weeks")),
            ("30", gettext_lazy("more than a month")),
        ],
        method="filter_waiting",
    )

    class Meta:
        model = Application
        fields = ["kind", "state", "country", "territory"]

    def filter_waiting(self, queryset, name, value):
        since = timezone.now() - timedelta(days=int(value))
        return queryset.filter(state__in=WAITING_FOR_ASSOCIATION_STATES, state_changed_at__lte=since)


class ApplicationIndexView(IndexView):
    # Dates and times exported in the reader's time zone, which the admin has activated.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime: {
            "csv": lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M"),
            "xlsx": lambda value: timezone.make_naive(value) if timezone.is_aware(value) else value,
        },
    }

    def get_base_queryset(self):
        return access.applications_visible_to(self.request.user).select_related("territory", "country")


class ApplicationInspectView(InspectView):
    template_name = "workflow/admin/application_inspect.html"
    # The person's identity is shown with the other answers, as the form asked it (answer_sheet).
    fields = [
        "kind",
        "state",
        "state_changed_at",
        "country",
        "territory",
        "submitted_at",
        "decided_at",
        "status_reason",
    ]

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime):
            # Wagtail's inspect template formats the value through ``localize``, which keeps the
            # stored UTC: shown in the reader's time zone (the one the admin activated) instead.
            return timezone.localtime(value)
        return "—" if value is None or value == "" else value

    def get_object(self, queryset=None):
        # No right to see files at all: 403. A file outside one's territories: 404, so that its
        # existence does not leak.
        if not application_permission_policy.user_has_permission(self.request.user, "view"):
            raise PermissionDenied
        return get_object_or_404(access.applications_visible_to(self.request.user), pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actions = available_staff_actions(application=self.object, user=self.request.user)
        context["answer_groups"] = answer_groups(self.object)
        # What apps above show on the file's page (its appointments…), as HTML.
        context["panels"] = [
            panel for hook in hooks.get_hooks("application_panels") for panel in hook(self.request, self.object)
        ]
        context["actions"] = [{"name": name, "label": str(ACTION_LABELS[name])} for name in actions]
        context["act_url"] = reverse("workflow_application:act", args=[self.object.pk])
        context["history"] = self.object.transitions.select_related("user")
        context["notifications"] = notifications_about(self.object)[:200]
        context["contact_url"] = reverse("workflow_application:contact", args=[self.object.pk])
        person = self.object.person
        context["person"] = person
        context["contact_form"] = PersonContactForm(kwargs.get("typed") or None, instance=person)
        context["documents"] = self.object.supporting_documents.all()
        context["missing_documents"] = [DocumentKind(kind).label for kind in self.object.missing_documents()]
        context["may_vet"] = access.may_vet(self.request.user, self.object)
        context["document_kinds"] = DocumentKind.choices
        ticks = {tick.item: tick for tick in self.object.checklist_ticks.select_related("done_by")}
        items = (
            self.object.rules_snapshot.get("checklist")
            or ApplicationRules.for_application(self.object).snapshot()["checklist"]
        )
        context["checklist"] = [{"item": item, "tick": ticks.get(item)} for item in items]
        context["notes"] = self.object.staff_notes.select_related("author")
        context["tick_url"] = reverse("workflow_application:tick", args=[self.object.pk])
        context["note_url"] = reverse("workflow_application:note", args=[self.object.pk])
        return context


REFUSAL_STATUS = {ReasonRequired: 400, TransitionRefused: 409, StaleState: 409}


class FileActionView(ApplicationInspectView):
    """A POST on a file's page. Success redirects to the page; a refusal shows the page again
    with the message and a 4xx status, and keeps what the person typed."""

    http_method_names = ["post"]
    success_message = ""

    def perform(self, request) -> str:
        """Carry out the action; returns the success message."""
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            message = self.perform(request)
        except ApplicationNotFound:
            raise Http404 from None
        except ActionNotPermitted:
            raise PermissionDenied from None
        except WorkflowError as refusal:
            self.object.refresh_from_db()
            context = self.get_context_data(refusal=str(refusal.message), typed=request.POST)
            return self.render_to_response(context, status=REFUSAL_STATUS.get(type(refusal), 400))
        messages.success(request, message)
        return redirect(reverse("workflow_application:inspect", args=[self.object.pk]))


class ApplicationActView(FileActionView):
    def perform(self, request) -> str:
        action = request.POST.get("action", "")
        if action not in STAFF_ACTIONS:
            raise TransitionRefused(_("Unknown action."))
        application_act(
            application_id=self.object.pk,
            action=action,
            by=request.user,
            comment=request.POST.get("comment", "")[:4000],
            expected_state=request.POST.get("expected_state") or None,
        )
        return _("Done. State of the file: %(state)s.") % {"state": ACTION_RESULTS[action].label}


class ApplicationTickView(FileActionView):
    def perform(self, request) -> str:
        application_tick(
            application_id=self.object.pk,
            item=request.POST.get("item", ""),
            by=request.user,
            note=request.POST.get("note", ""),
        )
        return _("The check is recorded.")


class ApplicationContactView(FileActionView):
    def perform(self, request) -> str:
        person_contacts_change(application_id=self.object.pk, by=request.user, data=request.POST)
        return _("The ways to reach this person are saved.")


class ApplicationNoteView(FileActionView):
    def perform(self, request) -> str:
        application_add_note(application_id=self.object.pk, by=request.user, text=request.POST.get("text", ""))
        return _("The note is saved.")


def permission_denied(request):
    """The back office answers a missing right with 403 and a page saying so.

    Wagtail's default redirects to the dashboard with a message; a 403 tells the person (and
    any client) the truth, and is what the permission matrix asserts.
    """
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return TemplateResponse(request, "403.html", status=403)
