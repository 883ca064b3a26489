"""Back-office screens of pairings: suggestions for a host, the pairings of one's territories.

Thin: scoping from :mod:`workflow.access`, rules in :mod:`pairings.services` and selectors.
"""

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
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.permission_policies.base import BasePermissionPolicy

from workflow import access
from workflow.enums import ApplicationKind
from workflow.exceptions import ActionNotPermitted, WorkflowError
from workflow.notifications import notifications_about
from workflow.permission_policies import application_permission_policy

from .enums import FOLLOWED_STATES, PairingState
from .exceptions import PairingNotFound
from .forms import AdvisorWellbeingForm, AmendmentForm, CheckInForm, NoteForm, NoticeForm
from .models import Pairing
from .selectors import SUGGESTIONS_SHOWN, guest_suggestions_for, pairings_visible_to, territory_proposal, why
from .services import STAFF_ACTIONS, amendment_add, check_in_complete, note_add, pairing_act, pairing_propose
from .wellbeing import wellbeing_answer

ACTION_LABELS = {
    "schedule_meeting": gettext_lazy("Schedule the meeting"),
    "start_trial": gettext_lazy("Start the trial period"),
    "draft_convention": gettext_lazy("Draft the convention"),
    "open_signing": gettext_lazy("Open the signatures"),
    "activate": gettext_lazy("Counter-sign: the homesharing is active"),
    "give_notice": gettext_lazy("Record a notice to end early"),
    "end": gettext_lazy("Close: the stay has ended"),
    "terminate": gettext_lazy("Close: the notice has run out"),
    "cancel": gettext_lazy("Cancel"),
}
DANGEROUS_ACTIONS = {"cancel", "give_notice", "terminate"}


#: Before the convention is drafted: when what it needs can still be put right.
WARNED_STATES = (PairingState.ACCEPTED, PairingState.MEETING_SCHEDULED, PairingState.TRIAL)


class PairingPermissionPolicy(BasePermissionPolicy):
    """Same audience as the files; pairings change by actions only."""

    def __init__(self):
        super().__init__(Pairing)

    def user_has_permission(self, user, action):
        return action == "view" and application_permission_policy.user_has_permission(user, "view")

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and access.may_view_pairing(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return pairings_visible_to(user) if action == "view" else Pairing.objects.none()

    def users_with_permission(self, action):
        return application_permission_policy.users_with_permission(action)


pairing_permission_policy = PairingPermissionPolicy()


class PairingIndexView(IndexView):
    def get_base_queryset(self):
        return pairings_visible_to(self.request.user).select_related("host", "guest", "host__territory")


class PairingInspectView(InspectView):
    template_name = "pairings/admin/pairing_inspect.html"
    fields = [
        "state",
        "host",
        "guest",
        "score",
        "manual_reason",
        "moved_in_on",
        "trial_ends_on",
        "active_since",
        "planned_end",
        "notice_given_on",
        "notice_requested_by",
        "reason",
        "ended_on",
        "created_at",
        "created_by",
    ]
    forms = {"check_in": CheckInForm, "note": NoteForm, "amendment": AmendmentForm, "wellbeing": AdvisorWellbeingForm}

    def get_object(self, queryset=None):
        if not pairing_permission_policy.user_has_permission(self.request.user, "view"):
            raise PermissionDenied
        return get_object_or_404(pairings_visible_to(self.request.user), pk=self.pk)

    def get_fields_context(self):
        # A step not reached yet (no move-in date, no notice) is left out rather than shown empty.
        return [field for field in super().get_fields_context() if field["value"] not in (None, "")]

    def get_context_data(self, **kwargs):
        from django_fsm import has_transition_perm

        context = super().get_context_data(**kwargs)
        user = self.request.user
        pairing = self.object
        context["actions"] = [
            {"name": name, "label": str(ACTION_LABELS[name]), "dangerous": name in DANGEROUS_ACTIONS}
            for name in STAFF_ACTIONS
            if has_transition_perm(getattr(pairing, name), user)
        ]
        context["notice_form"] = kwargs.get("notice_form") or NoticeForm()
        context["history"] = pairing.transitions.select_related("user")
        context["notifications"] = notifications_about(pairing)[:200]
        context["explanation"] = why(pairing.host, pairing.guest)
        manages = access.may_manage_pairing(user, pairing)
        context["manages"] = manages
        context["check_ins"] = pairing.check_ins.select_related("done_by")
        context["notes"] = pairing.notes.select_related("author")
        context["amendments"] = pairing.amendments.select_related("author")
        context["today"] = timezone.localdate()
        context["note_form"] = kwargs.get("note_form") or NoteForm()
        context["amendment_form"] = kwargs.get("amendment_form") or AmendmentForm()
        context["amendments_open"] = manages and pairing.state in FOLLOWED_STATES
        context["convention"] = pairing.conventions.exclude(state="refused").first()
        # What apps above tell the advisor before an action (a convention language missing…).
        context["warnings"] = (
            [w for hook in hooks.get_hooks("pairing_warnings") for w in hook(pairing)]
            if manages and pairing.state in WARNED_STATES
            else []
        )
        # What apps above show on the pairing's page (its appointments…), as HTML.
        context["panels"] = [
            panel for hook in hooks.get_hooks("pairing_panels") for panel in hook(self.request, pairing)
        ]
        return context

    def post(self, request, *args, **kwargs):
        form_name = request.POST.get("form", "action")
        try:
            if form_name in self.forms:
                form = self.forms[form_name](request.POST)
                if not form.is_valid():
                    return self._refused(_("Please correct the errors below."), **{f"{form_name}_form": form})
                message = self._record(form_name, form.cleaned_data)
            else:
                message = self._act(request)
        except PairingNotFound:
            raise Http404 from None
        except ActionNotPermitted:
            raise PermissionDenied from None
        except WorkflowError as refusal:
            return self._refused(str(refusal.message), typed=request.POST)
        messages.success(request, message)
        return redirect(reverse("pairings_pairing:inspect", args=[self.object.pk]))

    def _act(self, request) -> str:
        action = request.POST.get("action", "")
        if action not in STAFF_ACTIONS:
            raise WorkflowError(_("Unknown action."))
        notice = NoticeForm(request.POST) if action == "give_notice" else None
        if notice is not None and not notice.is_valid():
            raise WorkflowError(_("Please say who asks to end the homesharing."))
        pairing_act(
            pairing_id=self.object.pk,
            action=action,
            by=request.user,
            comment=request.POST.get("comment", "")[:4000],
            expected_state=request.POST.get("expected_state") or None,
            requested_by=notice.cleaned_data["requested_by"] if notice else "",
            immediately=bool(notice and notice.cleaned_data["immediately"]),
        )
        return _("Done: %(action)s.") % {"action": str(ACTION_LABELS[action])}

    def _record(self, form_name: str, data: dict) -> str:
        user = self.request.user
        if form_name == "check_in":
            if not self.object.check_ins.filter(pk=data["check_in"]).exists():
                raise PairingNotFound()
            check_in_complete(check_in_id=data["check_in"], by=user, notes=data["notes"])
            return _("The check-in is recorded.")
        if form_name == "wellbeing":
            if not self.object.wellbeing_checks.filter(pk=data["check"]).exists():
                raise PairingNotFound()
            wellbeing_answer(check_id=data["check"], answers=data, by=user)
            return _("The answers to the questionnaire are recorded.")
        if form_name == "note":
            note_add(pairing_id=self.object.pk, by=user, kind=data["kind"], text=data["text"])
            return _("The note is recorded.")
        amendment_add(pairing_id=self.object.pk, by=user, effective_on=data["effective_on"], text=data["text"])
        return _("The amendment is recorded.")

    def _refused(self, message: str, **forms):
        self.object.refresh_from_db()
        context = self.get_context_data(refusal=message, **forms)
        return self.render_to_response(context, status=400 if forms.keys() - {"typed"} else 409)


def suggestions(request, application_pk):
    """The best guests for a host, with the breakdown of each score, and a button to propose."""
    if not pairing_permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    host = get_object_or_404(access.applications_visible_to(request.user), pk=application_pk, kind=ApplicationKind.HOST)
    if request.method == "POST":
        guest = get_object_or_404(access.applications_visible_to(request.user), pk=request.POST.get("guest"))
        try:
            # The score and whether the pairing is manual come from the engine, not from the page.
            pairing = pairing_propose(
                host=host, guest=guest, by=request.user, manual_reason=request.POST.get("manual_reason", "")
            )
        except PairingNotFound:
            raise Http404 from None
        except ActionNotPermitted:
            raise PermissionDenied from None
        except (WorkflowError, ValueError) as refusal:
            message = getattr(refusal, "message", _("This pairing is not possible."))
            return _render_suggestions(request, host, status=409, refusal=str(message))
        messages.success(request, _("The pairing is proposed to both people."))
        return redirect(reverse("pairings_pairing:inspect", args=[pairing.pk]))
    return _render_suggestions(request, host)


def _render_suggestions(request, host, status=200, **context):
    visible = access.applications_visible_to(request.user)
    found = [
        {"guest": guest, "score": score, "explanation": why(host, guest)}
        for guest, score in guest_suggestions_for(host, k=SUGGESTIONS_SHOWN, among=visible)
    ]
    asked = request.GET.get("why_not", "").strip()
    if asked:
        other = visible.filter(pk=asked if asked.isdigit() else None, kind=ApplicationKind.GUEST).first()
        if other is None:
            context["why_not_error"] = _("No guest file with this number in your territories.")
        else:
            context["why_not"] = {"guest": other, "explanation": why(host, other)}
    return TemplateResponse(
        request,
        "pairings/admin/suggestions.html",
        {"host": host, "suggestions": found, "may_vet": access.may_vet(request.user, host), "asked": asked, **context},
        status=status,
    )


def proposal(request, territory_pk=None):
    """A territory's global proposal: the pairs that maximise the total score, accepted one by one."""
    territories = access.territories_vetted_by(request.user)
    if not territories.exists():
        raise PermissionDenied
    if territory_pk is None:
        return TemplateResponse(request, "pairings/admin/proposal.html", {"territories": territories})
    territory = get_object_or_404(territories, pk=territory_pk)
    visible = access.applications_visible_to(request.user)
    status, context = 200, {}
    if request.method == "POST":
        host = get_object_or_404(visible, pk=request.POST.get("host"), kind=ApplicationKind.HOST)
        guest = get_object_or_404(visible, pk=request.POST.get("guest"), kind=ApplicationKind.GUEST)
        try:
            pairing_propose(host=host, guest=guest, by=request.user)
        except PairingNotFound:
            raise Http404 from None
        except ActionNotPermitted:
            raise PermissionDenied from None
        except WorkflowError as refusal:
            status, context = 409, {"refusal": str(refusal.message)}
        else:
            messages.success(
                request, _("The pairing %(pair)s is proposed to both people.") % {"pair": f"{host} ↔ {guest}"}
            )
            return redirect(reverse("pairings_pairing:proposal_for", args=[territory.pk]))
    pairs = [
        {"host": host, "guest": guest, "score": score, "explanation": why(host, guest)}
        for host, guest, score in territory_proposal(territory, among=visible)
    ]
    return TemplateResponse(
        request,
        "pairings/admin/proposal.html",
        {
            "territories": territories,
            "territory": territory,
            "pairs": pairs,
            "total": sum(p["score"] for p in pairs),
            **context,
        },
        status=status,
    )
