"""Proposing pairs and moving pairings through their states: lock, check, transition, record, notify."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm

from audit import chain as audit
from workflow import access
from workflow.enums import ApplicationKind, ApplicationState
from workflow.exceptions import ActionNotPermitted, ReasonRequired, StaleState, TransitionRefused, WorkflowError
from workflow.models import Application
from workflow.notifications import PAIRING_SUBJECTS, notify

from .enums import FOLLOWED_STATES, LIVE_STATES, NoteKind, PairingState, Party, Requester
from .exceptions import AlreadyPaired, PairingNotFound, PairingRefused
from .models import Amendment, CheckIn, FollowUpNote, Pairing, PairingTransitionLog
from .selectors import among_the_suggestions, why

STAFF_ACTIONS = {
    "schedule_meeting": "pairing.meeting_scheduled",
    "start_trial": "pairing.trial_started",
    "draft_convention": "pairing.convention_drafted",
    "open_signing": "pairing.signing_opened",
    "activate": "pairing.activated",
    "give_notice": "pairing.notice_given",
    "end": "pairing.ended",
    "terminate": "pairing.terminated",
    "cancel": "pairing.cancelled",
}
ACTIONS_NEEDING_REASON = {"cancel", "give_notice"}


def _log(pairing, *, action, from_state, by=None, party="", comment=""):
    log = PairingTransitionLog.objects.create(
        pairing=pairing,
        action=action,
        from_state=from_state,
        to_state=pairing.state,
        user=by,
        party=party,
        comment=comment,
    )
    audit.record(
        action,
        user=by,
        actor=""
        if by is not None
        else (
            audit.applicant_actor((pairing.host if party == Party.HOST else pairing.guest).person_id)
            if party
            else "system"
        ),
        obj=pairing,
        pairing_id=pairing.pk,
        data={"from": from_state, "to": pairing.state, "host": pairing.host_id, "guest": pairing.guest_id},
    )
    if action in PAIRING_SUBJECTS:
        for application in (pairing.host, pairing.guest):
            notify(
                application.person,
                "pairing.changed",
                {"action": action},
                about=pairing,
                occasion=log.pk,
                application=application,
            )


def pairing_propose(*, host: Application, guest: Application, by, manual_reason: str = "") -> Pairing:
    """An advisor proposes a pair. Both files are locked, so two advisors cannot book the same person.

    The score is the matching engine's, never a screen's. A pair outside the engine's suggestions
    for the files ``by`` sees (the host's best guests, the territory's global proposal) is a manual
    pairing: it needs ``manual_reason``, which is recorded; a reason given for a suggested pair is
    recorded too, and makes it manual.
    """
    with transaction.atomic():
        locked = {
            a.pk: a for a in Application.objects.select_for_update().filter(pk__in=[host.pk, guest.pk]).order_by("pk")
        }
        host, guest = locked.get(host.pk), locked.get(guest.pk)
        if host is None or guest is None or not (access.may_view(by, host) and access.may_view(by, guest)):
            raise PairingNotFound()
        if not (access.may_vet(by, host) and access.may_vet(by, guest)):
            raise ActionNotPermitted()
        if host.kind != ApplicationKind.HOST or guest.kind != ApplicationKind.GUEST:
            raise PairingRefused(_("A pairing joins a host and a guest."))
        if host.state != ApplicationState.APPROVED or guest.state != ApplicationState.APPROVED:
            raise PairingRefused(_("Both files must be approved first."))
        if (
            Pairing.objects.filter(state__in=LIVE_STATES).filter(host=host).exists()
            or Pairing.objects.filter(state__in=LIVE_STATES, guest=guest).exists()
        ):
            raise AlreadyPaired()
        explanation = why(host, guest)
        if not explanation["suggested"]:
            reasons = ", ".join(str(c["label"]) for c in explanation["excluded_because"])
            raise PairingRefused(_("This pair breaks a rule of the programme: %(reasons)s.") % {"reasons": reasons})
        manual_reason = (manual_reason or "").strip()
        if not manual_reason and not among_the_suggestions(host, guest, among=access.applications_visible_to(by)):
            raise ReasonRequired(_("Please say why you pair these two people outside the suggestions."))
        try:
            with transaction.atomic():
                pairing = Pairing.objects.create(
                    host=host,
                    guest=guest,
                    score=explanation["score"],
                    manual_reason=manual_reason,
                    created_by=by,
                )
        except IntegrityError:
            raise AlreadyPaired() from None
        _log(pairing, action="pairing.proposed", from_state="", by=by)
        return pairing


def _locked_pairing(pairing_id: int) -> Pairing:
    pairing = (
        Pairing.objects.select_for_update(of=("self",))
        .select_related("host__country", "guest", "host__territory", "guest__territory")
        .filter(pk=pairing_id)
        .first()
    )
    if pairing is None:
        raise PairingNotFound()
    return pairing


def pairing_act(
    *,
    pairing_id: int,
    action: str,
    by,
    comment: str = "",
    expected_state: str | None = None,
    requested_by: str = "",
    immediately: bool = False,
) -> Pairing:
    """Staff move a pairing on: meeting, trial, convention, signing, counter-signature, notice, end, cancel.

    Giving notice needs a reason and who asked; with ``immediately`` (a serious breach) the
    pairing is terminated the same day.
    """
    if action not in STAFF_ACTIONS:
        raise TransitionRefused()
    comment = (comment or "").strip()
    if action in ACTIONS_NEEDING_REASON and not comment:
        raise ReasonRequired()
    if action == "give_notice" and requested_by not in Requester.values:
        raise WorkflowError(_("Please say who asks to end the homesharing."))
    try:
        with transaction.atomic():
            pairing = _locked_pairing(pairing_id)
            if not access.may_view_pairing(by, pairing):
                raise PairingNotFound()
            if expected_state is not None and pairing.state != expected_state:
                raise StaleState()
            method = getattr(pairing, action)
            if not can_proceed(method):
                raise TransitionRefused()
            if not has_transition_perm(method, by):
                raise ActionNotPermitted()
            from_state = pairing.state
            if action == "give_notice":
                method(comment=comment, requested_by=requested_by, immediately=immediately)
            else:
                method(comment=comment)
            pairing.save()
            _log(pairing, action=STAFF_ACTIONS[action], from_state=from_state, by=by, comment=comment)
            _after(pairing, action, by=by)
            return pairing
    except ConcurrentTransition:
        raise StaleState() from None


def _after(pairing: Pairing, action: str, *, by) -> None:
    """What follows a transition inside the same transaction: check-ins planned or dropped, an immediate end,
    the convention rendered (by the documents app's task, once committed)."""
    if action == "draft_convention":
        queue_convention_rendering(pairing.pk)
    elif action == "start_trial":
        check_ins_plan(pairing)
    elif action == "give_notice":
        pairing.check_ins.filter(done_at__isnull=True, due_on__gt=pairing.planned_end).delete()
        if can_proceed(pairing.terminate):
            from_state = pairing.state
            pairing.terminate()
            pairing.save()
            _log(pairing, action=STAFF_ACTIONS["terminate"], from_state=from_state, by=by)
    elif action == "activate":
        check_ins_plan(pairing)


def queue_convention_rendering(pairing_id: int) -> None:
    """Wake the documents app: it renders the pairing's convention (idempotent task)."""
    from django_q.tasks import async_task

    transaction.on_commit(
        lambda: async_task(
            "documents.tasks.render_convention",
            pairing_id,
            task_name=f"render-convention-{pairing_id}",
            group="conventions",
        )
    )


def pairing_convention_refused(*, pairing_id: int, party: str, reason: str, by=None) -> Pairing:
    """A party refused to sign: back to drafting (called by the documents app, inside its transaction)."""
    with transaction.atomic():
        pairing = _locked_pairing(pairing_id)
        if not can_proceed(pairing.back_to_drafting):
            raise TransitionRefused()
        from_state = pairing.state
        pairing.back_to_drafting(comment=reason)
        pairing.save()
        _log(
            pairing,
            action="pairing.convention_refused",
            from_state=from_state,
            by=by,
            party=party if party in Party.values else "",
            comment=reason,
        )
        return pairing


def check_ins_plan(pairing: Pairing) -> int:
    """Create the check-ins the pairing's dates call for (those already planned are kept). Returns how many."""
    created = 0
    for day, kind in pairing.check_in_dates():
        _check_in, was_created = CheckIn.objects.get_or_create(pairing=pairing, due_on=day, defaults={"kind": kind})
        created += was_created
    return created


def pairings_close_due(*, today=None) -> list[int]:
    """Daily: active pairings whose last day has passed end (or terminate, after a notice). Returns their ids.

    Each pairing is locked and re-checked, so running this twice (or beside an advisor) closes
    each pairing once.
    """
    today = today or timezone.localdate()
    closed = []
    due = Pairing.objects.filter(state=PairingState.ACTIVE, planned_end__lte=today).values_list("pk", flat=True)
    for pairing_id in due:
        with transaction.atomic():
            pairing = _locked_pairing(pairing_id)
            for action in ("terminate", "end"):
                method = getattr(pairing, action)
                if can_proceed(method):
                    from_state = pairing.state
                    method()
                    pairing.save()
                    _log(pairing, action=STAFF_ACTIONS[action], from_state=from_state)
                    closed.append(pairing.pk)
                    break
    return closed


def check_in_complete(*, check_in_id: int, by, notes: str) -> CheckIn:
    """The advisor records how a check-in went."""
    notes = (notes or "").strip()
    if not notes:
        raise ReasonRequired(_("Please write a few words about how the pair is doing."))
    with transaction.atomic():
        check_in = CheckIn.objects.select_for_update().select_related("pairing").filter(pk=check_in_id).first()
        if check_in is None:
            raise PairingNotFound()
        _require_manager(by, check_in.pairing)
        if check_in.done_at is not None:
            raise StaleState(_("This check-in was already recorded."))
        check_in.done_at, check_in.done_by, check_in.notes = timezone.now(), by, notes
        check_in.save(update_fields=["done_at", "done_by", "notes"])
        return check_in


def note_add(*, pairing_id: int, by, kind: str, text: str) -> FollowUpNote:
    """An advisor records an incident, a mediation or a note about the pair."""
    text = (text or "").strip()
    if kind not in NoteKind.values:
        raise WorkflowError(_("Unknown kind of note."))
    if not text:
        raise ReasonRequired(_("The note is empty."))
    with transaction.atomic():
        pairing = _locked_pairing(pairing_id)
        _require_manager(by, pairing)
        return FollowUpNote.objects.create(pairing=pairing, kind=kind, text=text, author=by)


def amendment_add(*, pairing_id: int, by, effective_on, text: str) -> Amendment:
    """An advisor records a change to what the pair agreed, from a given day, while they live together."""
    text = (text or "").strip()
    if not text or effective_on is None:
        raise ReasonRequired(_("Please give the date and what changes."))
    with transaction.atomic():
        pairing = _locked_pairing(pairing_id)
        _require_manager(by, pairing)
        if pairing.state not in FOLLOWED_STATES:
            raise TransitionRefused(_("Amendments are recorded while the pair lives together."))
        return Amendment.objects.create(pairing=pairing, effective_on=effective_on, text=text, author=by)


def _require_manager(by, pairing: Pairing) -> None:
    if not access.may_view_pairing(by, pairing):
        raise PairingNotFound()
    if not access.may_manage_pairing(by, pairing):
        raise ActionNotPermitted()


def pairing_answer(*, pairing_id: int, party: str, accept: bool, reason: str = "") -> Pairing:
    """The host or the guest (identity checked by the caller) accepts or declines a proposal."""
    if party not in Party.values:
        raise TransitionRefused()
    reason = (reason or "").strip()
    if not accept and not reason:
        raise ReasonRequired(_("Please tell us why, in a few words: it helps us find a better match."))
    try:
        with transaction.atomic():
            pairing = _locked_pairing(pairing_id)
            method = pairing.accept if accept else pairing.decline
            if not can_proceed(method):
                raise TransitionRefused()
            from_state = pairing.state
            method(party=party, comment=reason)
            pairing.save()
            action = (
                "pairing.declined"
                if not accept
                else ("pairing.accepted" if pairing.state != from_state else "pairing.accepted_by_one")
            )
            _log(pairing, action=action, from_state=from_state, party=party, comment=reason)
            return pairing
    except ConcurrentTransition:
        raise StaleState() from None
