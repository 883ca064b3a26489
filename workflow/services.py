"""Actions on applications: lock, check who acts, transition, record, notify after commit.

Views and admin screens call these and turn a :class:`~workflow.exceptions.WorkflowError` into a
message; they never change a state themselves.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm

from audit import chain as audit

from . import access
from .enums import ApplicationState
from .exceptions import (
    ActionNotPermitted,
    ApplicationNotFound,
    ReasonRequired,
    StaleState,
    TransitionRefused,
)
from .models import Application, ApplicationTransitionLog
from .notifications import APPLICATION_SUBJECTS, notify

#: Actions staff take on a file, with the dotted name recorded in the log.
STAFF_ACTIONS = {
    "start_review": "application.review_started",
    "schedule_interview": "application.interview_scheduled",
    "record_home_visit": "application.home_visit_recorded",
    "approve": "application.approved",
    "reject": "application.rejected",
    "send_back": "application.sent_back",
    "archive": "application.archived",
}
#: Actions the applicant takes on their own file.
APPLICANT_ACTIONS = {
    "submit": "application.submitted",
    "withdraw": "application.withdrawn",
}
ACTIONS_NEEDING_REASON = {"reject", "send_back"}


def available_staff_actions(*, application: Application, user) -> list[str]:
    """The staff actions ``user`` may take on ``application`` now (for the admin's buttons)."""
    return [name for name in STAFF_ACTIONS if has_transition_perm(getattr(application, name), user)]


def _locked(application_id: int) -> Application:
    try:
        return Application.objects.select_for_update().select_related("territory", "country").get(pk=application_id)
    except Application.DoesNotExist:
        raise ApplicationNotFound() from None


def _record_and_notify(*, application: Application, action: str, dotted: str, from_state: str, by, comment: str):
    log = ApplicationTransitionLog.objects.create(
        application=application,
        action=dotted,
        from_state=from_state,
        to_state=application.state,
        user=by,
        comment=comment,
    )
    audit.record(
        dotted,
        user=by,
        actor="" if by is not None else audit.applicant_actor(application.person_id),
        obj=application,
        application_id=application.pk,
        data={"from": from_state, "to": application.state},
    )
    if application.state in APPLICATION_SUBJECTS:
        telling = application.state in (
            ApplicationState.REJECTED,
            ApplicationState.SENT_BACK,
            ApplicationState.WITHDRAWN,
        )
        notify(
            application.person,
            "application.changed",
            {"state": application.state, "reason": application.status_reason if telling else ""},
            about=application,
            occasion=log.pk,
            application=application,
        )
    return log


def _transition(*, application_id: int, action: str, dotted: str, by, comment: str, check) -> Application:
    """Lock the file, let ``check`` refuse, run the transition, save, record and notify."""
    try:
        with transaction.atomic():
            application = _locked(application_id)
            method = getattr(application, action)
            check(application, method)
            from_state = application.state
            method(comment=comment)
            application.state_changed_at = timezone.now()
            application.save()
            _record_and_notify(
                application=application, action=action, dotted=dotted, from_state=from_state, by=by, comment=comment
            )
            return application
    except ConcurrentTransition:
        raise StaleState() from None


def application_act(*, application_id: int, action: str, by, comment: str = "", expected_state: str | None = None):
    """A staff member takes ``action`` on an application.

    ``expected_state`` is the state the person saw: if someone else acted in between, the
    action is refused with :class:`StaleState` rather than applied to a file they have not seen.
    """
    if action not in STAFF_ACTIONS:
        raise TransitionRefused()
    comment = (comment or "").strip()
    if action in ACTIONS_NEEDING_REASON and not comment:
        raise ReasonRequired()

    def check(application, method):
        if not access.may_view(by, application):
            raise ApplicationNotFound()
        if expected_state is not None and application.state != expected_state:
            raise StaleState()
        if not can_proceed(method):
            raise TransitionRefused()
        if not has_transition_perm(method, by):
            raise ActionNotPermitted()

    return _transition(
        application_id=application_id, action=action, dotted=STAFF_ACTIONS[action], by=by, comment=comment, check=check
    )


def application_applicant_act(*, application_id: int, action: str, comment: str = ""):
    """The applicant submits or withdraws their own file (identity checked by the caller)."""
    if action not in APPLICANT_ACTIONS:
        raise TransitionRefused()

    def check(application, method):
        if not can_proceed(method):
            raise TransitionRefused()

    return _transition(
        application_id=application_id,
        action=action,
        dotted=APPLICANT_ACTIONS[action],
        by=None,
        comment=(comment or "").strip(),
        check=check,
    )


def application_tick(*, application_id: int, item: str, by, note: str = "") -> None:
    """An association staff member records a check of the file's checklist as done."""
    from .models import ApplicationRules, ChecklistTick

    with transaction.atomic():
        application = _locked(application_id)
        if not access.may_view(by, application):
            raise ApplicationNotFound()
        if not access.may_vet(by, application):
            raise ActionNotPermitted()
        items = (
            application.rules_snapshot.get("checklist")
            or ApplicationRules.for_application(application).snapshot()["checklist"]
        )
        if item not in items:
            raise TransitionRefused(_("This check is not on the file's checklist."))
        ChecklistTick.objects.get_or_create(
            application=application, item=item, defaults={"done_by": by, "note": (note or "").strip()[:2000]}
        )


def application_add_note(*, application_id: int, by, text: str):
    """A private note on a file; staff who vet it write, staff who may see it read."""
    from .models import StaffNote

    text = (text or "").strip()
    if not text:
        raise ReasonRequired(_("The note is empty."))
    with transaction.atomic():
        application = _locked(application_id)
        if not access.may_view(by, application):
            raise ApplicationNotFound()
        if not access.may_vet(by, application):
            raise ActionNotPermitted()
        return StaffNote.objects.create(application=application, author=by, text=text[:10000])


def person_contacts_change(*, application_id: int, by, data: dict):
    """An advisor records how to reach the person of a file. The audit trail says which channels
    changed, never their values."""
    from .forms import PersonContactForm
    from .models import Person

    with transaction.atomic():
        application = _locked(application_id)
        if not access.may_view(by, application):
            raise ApplicationNotFound()
        if not access.may_vet(by, application):
            raise ActionNotPermitted()
        person = Person.objects.select_for_update().get(pk=application.person_id)
        form = PersonContactForm(data, instance=person)
        if not form.is_valid():
            raise ReasonRequired(" ".join(str(e) for errors in form.errors.values() for e in errors))
        form.save()
        audit.record(
            "person.contacts_changed",
            user=by,
            obj=person,
            application_id=application.pk,
            data={"changed": sorted(form.changed_data)},
        )
        return person
