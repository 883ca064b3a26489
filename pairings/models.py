"""A host and a guest matched together ("binôme"), from the proposal to the end of their stay.

The state changes only through the ``@transition`` methods, called by :mod:`pairings.services`,
which lock the rows, check who acts, record the change and notify the two people. A host or a
guest is in at most one live pairing: the database refuses a second one.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition

from .enums import CAN_BE_CANCELLED_STATES, LIVE_STATES, PairingState, Party


def _staff_may_manage(instance: "Pairing", user) -> bool:
    from workflow.access import may_vet

    return may_vet(user, instance.host) and may_vet(user, instance.guest)


class Pairing(ConcurrentTransitionMixin, models.Model):
    """A proposal of living together, then the life of the pair."""

    host = models.ForeignKey(
        "workflow.Application", verbose_name=_("host"), on_delete=models.PROTECT, related_name="pairings_as_host"
    )
    guest = models.ForeignKey(
        "workflow.Application", verbose_name=_("guest"), on_delete=models.PROTECT, related_name="pairings_as_guest"
    )
    state = FSMField(
        _("state"), default=PairingState.PROPOSED, choices=PairingState.choices, protected=True, db_index=True
    )
    score = models.FloatField(_("score"), null=True, blank=True)
    manual_reason = models.TextField(
        _("reason of a manual pairing"), blank=True, help_text=_("Filled when the pair was not among the suggestions.")
    )
    host_accepted_at = models.DateTimeField(_("accepted by the host"), null=True, blank=True)
    guest_accepted_at = models.DateTimeField(_("accepted by the guest"), null=True, blank=True)
    declined_by = models.CharField(_("declined by"), max_length=10, choices=Party.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Of a refusal, a cancellation or an early end."))
    meeting_at = models.DateTimeField(_("meeting"), null=True, blank=True)
    trial_ends_on = models.DateField(_("end of the trial period"), null=True, blank=True)
    active_since = models.DateField(_("living together since"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.RESTRICT, related_name="+"
    )

    class Meta:
        verbose_name = _("pairing")
        verbose_name_plural = _("pairings")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["host"], condition=Q(state__in=LIVE_STATES), name="one_live_pairing_per_host"
            ),
            models.UniqueConstraint(
                fields=["guest"], condition=Q(state__in=LIVE_STATES), name="one_live_pairing_per_guest"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.host} ↔ {self.guest}"

    @property
    def country(self):
        return self.host.country

    # -- transitions: fields only ---------------------------------------------------------------
    @transition(
        field=state,
        source=PairingState.PROPOSED,
        target=RETURN_VALUE(PairingState.PROPOSED, PairingState.ACCEPTED),
    )
    def accept(self, party: str, comment: str = ""):
        now = timezone.now()
        if party == Party.HOST:
            self.host_accepted_at = self.host_accepted_at or now
        else:
            self.guest_accepted_at = self.guest_accepted_at or now
        both = self.host_accepted_at is not None and self.guest_accepted_at is not None
        return PairingState.ACCEPTED if both else PairingState.PROPOSED

    @transition(field=state, source=PairingState.PROPOSED, target=PairingState.DECLINED)
    def decline(self, party: str, comment: str = "") -> None:
        self.declined_by = party
        self.reason = comment

    @transition(
        field=state,
        source=PairingState.ACCEPTED,
        target=PairingState.MEETING_SCHEDULED,
        permission=_staff_may_manage,
    )
    def schedule_meeting(self, comment: str = "", meeting_at=None) -> None:
        self.meeting_at = meeting_at

    @transition(
        field=state, source=PairingState.MEETING_SCHEDULED, target=PairingState.TRIAL, permission=_staff_may_manage
    )
    def start_trial(self, comment: str = "") -> None:
        self.trial_ends_on = timezone.localdate() + timedelta(days=self.country.trial_period_days)

    @transition(
        field=state, source=PairingState.TRIAL, target=PairingState.CONVENTION_DRAFTED, permission=_staff_may_manage
    )
    def draft_convention(self, comment: str = "") -> None:
        pass

    @transition(
        field=state,
        source=PairingState.CONVENTION_DRAFTED,
        target=PairingState.SIGNING,
        permission=_staff_may_manage,
    )
    def open_signing(self, comment: str = "") -> None:
        pass

    @transition(
        field=state, source=CAN_BE_CANCELLED_STATES, target=PairingState.CANCELLED, permission=_staff_may_manage
    )
    def cancel(self, comment: str = "") -> None:
        self.reason = comment
        self.ended_on = timezone.localdate()


class PairingTransitionLog(models.Model):
    """One state change of a pairing: who, when, from, to, why. Never edited."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=60)
    from_state = models.CharField(_("from"), max_length=30, choices=PairingState.choices)
    to_state = models.CharField(_("to"), max_length=30, choices=PairingState.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
    )
    party = models.CharField(_("applicant acting"), max_length=10, choices=Party.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    notified_at = models.DateTimeField(_("people notified"), null=True, blank=True)

    class Meta:
        verbose_name = _("pairing transition")
        verbose_name_plural = _("pairing transitions")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_state} → {self.to_state}"
