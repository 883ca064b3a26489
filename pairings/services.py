"""Proposing pairs and moving pairings through their states: lock, check, transition, record, notify."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm

from workflow import access
from workflow.enums import ApplicationKind, ApplicationState
from workflow.exceptions import ActionNotPermitted, ReasonRequired, StaleState, TransitionRefused
from workflow.models import Application

from .enums import LIVE_STATES, Party
from .exceptions import AlreadyPaired, PairingNotFound, PairingRefused
from .models import Pairing, PairingTransitionLog
from .selectors import why

STAFF_ACTIONS = {
    "schedule_meeting": "pairing.meeting_scheduled",
    "start_trial": "pairing.trial_started",
    "draft_convention": "pairing.convention_drafted",
    "open_signing": "pairing.signing_opened",
    "cancel": "pairing.cancelled",
}
ACTIONS_NEEDING_REASON = {"cancel"}
SUBJECTS = {
    "pairing.proposed": _("A proposal of homesharing for you"),
    "pairing.accepted": _("Your homesharing is accepted on both sides"),
    "pairing.declined": _("About the proposal of homesharing"),
    "pairing.meeting_scheduled": _("Your meeting is scheduled"),
    "pairing.trial_started": _("Your trial period starts"),
    "pairing.convention_drafted": _("Your convention is ready"),
    "pairing.signing_opened": _("Your convention is ready to be signed"),
    "pairing.cancelled": _("Your homesharing is cancelled"),
}


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
    if action in SUBJECTS:
        from .tasks import queue_pairing_notification

        transaction.on_commit(lambda: queue_pairing_notification(log.pk))


def pairing_propose(*, host: Application, guest: Application, by, score=None, manual_reason: str = "") -> Pairing:
    """An advisor proposes a pair. Both files are locked, so two advisors cannot book the same person."""
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
        if score is None and not (manual_reason or "").strip():
            raise ReasonRequired(_("Please say why you pair these two people outside the suggestions."))
        try:
            with transaction.atomic():
                pairing = Pairing.objects.create(
                    host=host,
                    guest=guest,
                    score=explanation["score"] if score is None else score,
                    manual_reason=(manual_reason or "").strip(),
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


def pairing_act(*, pairing_id: int, action: str, by, comment: str = "", expected_state: str | None = None) -> Pairing:
    """An advisor moves a pairing on (meeting, trial, convention, signing) or cancels it."""
    if action not in STAFF_ACTIONS:
        raise TransitionRefused()
    comment = (comment or "").strip()
    if action in ACTIONS_NEEDING_REASON and not comment:
        raise ReasonRequired()
    try:
        with transaction.atomic():
            pairing = _locked_pairing(pairing_id)
            if not (access.may_view(by, pairing.host) and access.may_view(by, pairing.guest)):
                raise PairingNotFound()
            if expected_state is not None and pairing.state != expected_state:
                raise StaleState()
            method = getattr(pairing, action)
            if not can_proceed(method):
                raise TransitionRefused()
            if not has_transition_perm(method, by):
                raise ActionNotPermitted()
            from_state = pairing.state
            method(comment=comment)
            pairing.save()
            _log(pairing, action=STAFF_ACTIONS[action], from_state=from_state, by=by, comment=comment)
            return pairing
    except ConcurrentTransition:
        raise StaleState() from None


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
