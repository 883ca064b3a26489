"""A host and a guest matched together ("binôme"), from the proposal to the end of their stay.

The state changes only through the ``@transition`` methods, called by :mod:`pairings.services`,
which lock the rows, check who acts, record the change and notify the two people. A host or a
guest is in at most one live pairing: the database refuses a second one.
"""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition

from workflow import access

from .enums import (
    CAN_BE_CANCELLED_STATES,
    LIVE_STATES,
    CheckInKind,
    LonelinessAnswer,
    NoteKind,
    PairingState,
    Party,
    Requester,
    WellbeingMoment,
)


def _staff_may_manage(instance: "Pairing", user) -> bool:
    return access.may_manage_pairing(user, instance)


def _pension_office_may_countersign(instance: "Pairing", user) -> bool:
    return access.may_countersign_pairing(user, instance)


def _no_notice_given(instance: "Pairing") -> bool:
    return instance.notice_given_on is None


def _notice_given(instance: "Pairing") -> bool:
    return instance.notice_given_on is not None


def _convention_rendered(instance: "Pairing") -> bool:
    """The convention is ready to be signed (documents app, read through the reverse relation)."""
    return instance.conventions.filter(state="rendered").exists()


def _convention_sealed(instance: "Pairing") -> bool:
    """Every party signed, the signatures were verified and the file sealed."""
    return instance.conventions.filter(state="sealed").exists()


def _planned_end_reached(instance: "Pairing") -> bool:
    return instance.planned_end is not None and instance.planned_end <= timezone.localdate()


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
    moved_in_on = models.DateField(_("moved in on"), null=True, blank=True)
    notice_given_on = models.DateField(_("notice given on"), null=True, blank=True)
    notice_requested_by = models.CharField(_("end asked for by"), max_length=12, choices=Requester.choices, blank=True)
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

    def end_from_the_files(self) -> date | None:
        """The last day both files allow: the earlier of the host's and the guest's end dates."""
        from workflow.answers import guest_answers, host_answers

        ends = [day for day in (host_answers(self.host).available_until, guest_answers(self.guest).end_date) if day]
        return min(ends) if ends else None

    def check_in_dates(self) -> list[tuple[date, str]]:
        """When the advisor checks in: a week after moving in, then every month until the planned end."""
        if self.moved_in_on is None:
            return []
        last = self.planned_end or self.end_from_the_files() or _add_months(self.moved_in_on, 12)
        dates = [(self.moved_in_on + timedelta(days=7), CheckInKind.FIRST_WEEK)]
        months = 1
        while (day := _add_months(self.moved_in_on, months)) <= last:
            dates.append((day, CheckInKind.MONTHLY))
            months += 1
        return [(day, kind) for day, kind in dates if day <= last]

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
        self.moved_in_on = timezone.localdate()
        self.trial_ends_on = self.moved_in_on + timedelta(days=self.country.trial_period_days)
        self.planned_end = self.end_from_the_files()

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
        conditions=[_convention_rendered],
    )
    def open_signing(self, comment: str = "") -> None:
        pass

    @transition(field=state, source=PairingState.SIGNING, target=PairingState.CONVENTION_DRAFTED)
    def back_to_drafting(self, comment: str = "") -> None:
        """A party refused to sign: the convention is drafted again."""

    @transition(
        field=state,
        source=PairingState.SIGNING,
        target=PairingState.ACTIVE,
        permission=_pension_office_may_countersign,
        conditions=[_convention_sealed],
    )
    def activate(self, comment: str = "") -> None:
        self.active_since = timezone.localdate()
        self.planned_end = self.planned_end or self.end_from_the_files()

    @transition(
        field=state,
        source=PairingState.ACTIVE,
        target=PairingState.ACTIVE,
        permission=_staff_may_manage,
        conditions=[_no_notice_given],
    )
    def give_notice(self, comment: str = "", requested_by: str = "", immediately: bool = False) -> None:
        """Someone asks to end early: the pair parts after the country's notice (or at once, for a serious breach)."""
        today = timezone.localdate()
        self.notice_given_on = today
        self.notice_requested_by = requested_by
        self.reason = comment
        last_day = today if immediately else today + timedelta(days=self.country.notice_period_days)
        self.planned_end = min(last_day, self.planned_end) if self.planned_end else last_day

    @transition(
        field=state,
        source=PairingState.ACTIVE,
        target=PairingState.TERMINATED,
        permission=_staff_may_manage,
        conditions=[_notice_given, _planned_end_reached],
    )
    def terminate(self, comment: str = "") -> None:
        self.ended_on = self.planned_end

    @transition(
        field=state,
        source=PairingState.ACTIVE,
        target=PairingState.ENDED,
        permission=_staff_may_manage,
        conditions=[_no_notice_given, _planned_end_reached],
    )
    def end(self, comment: str = "") -> None:
        self.ended_on = self.planned_end

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

    class Meta:
        verbose_name = _("pairing transition")
        verbose_name_plural = _("pairing transitions")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_state} → {self.to_state}"

    def by_label(self) -> str:
        """Who acted, as the history shows it."""
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        if self.party:
            return self.get_party_display()
        return str(_("WeShare (automatically)"))


class CheckIn(models.Model):
    """A planned call or visit of the advisor to the pair: a week after moving in, then monthly."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="check_ins")
    kind = models.CharField(_("kind"), max_length=12, choices=CheckInKind.choices)
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("what was said"), blank=True)
    reminded_at = models.DateTimeField(_("advisors reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["due_on"]
        constraints = [models.UniqueConstraint(fields=["pairing", "due_on"], name="one_check_in_per_pairing_and_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.due_on}"


class FollowUpNote(models.Model):
    """An incident, a mediation or a note of the advisor about the pair. Never edited."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("kind"), max_length=12, choices=NoteKind.choices, default=NoteKind.NOTE)
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.RESTRICT, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.created_at:%Y-%m-%d}"


class Amendment(models.Model):
    """A change to what the pair agreed (contribution, dates, presence…), from a given day. Never edited."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="amendments")
    effective_on = models.DateField(_("from"))
    text = models.TextField(_("what changes"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.RESTRICT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["effective_on", "pk"]

    def __str__(self) -> str:
        return f"{self.effective_on}: {self.text[:60]}"


#: The three questions of the UCLA Loneliness Scale, short form (Hughes et al., 2004), in their
#: validated wording: the fields of :class:`WellbeingCheck` that hold their answers, in order.
LONELINESS_ITEMS = ("lack_companionship", "left_out", "isolated")

#: A questionnaire may be answered from the day it falls due for this long; it is asked only
#: within that time, so that an answer always describes the moment it is about.
WELLBEING_OPEN_FOR = timedelta(days=60)


def _loneliness_item(question):
    return models.PositiveSmallIntegerField(
        question,
        choices=LonelinessAnswer.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(LonelinessAnswer.HARDLY_EVER), MaxValueValidator(LonelinessAnswer.OFTEN)],
    )


class WellbeingCheck(models.Model):
    """How lonely the host or the guest feels at moving in, after 3 and after 6 months.

    One per pairing, party and moment. The three answers are written together or not at all
    (the database refuses a half-written questionnaire); the total goes from 3 (hardly ever
    lonely) to 9 (often). The statistics read these only in aggregate, per territory, never per
    person.
    """

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="wellbeing_checks")
    party = models.CharField(_("who answers"), max_length=10, choices=Party.choices)
    moment = models.CharField(_("moment"), max_length=20, choices=WellbeingMoment.choices)
    due_on = models.DateField(_("due on"))
    lack_companionship = _loneliness_item(_("How often do you feel that you lack companionship?"))
    left_out = _loneliness_item(_("How often do you feel left out?"))
    isolated = _loneliness_item(_("How often do you feel isolated from others?"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        help_text=_("The advisor who wrote the answers down for the person, during a check-in."),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
    )
    asked_at = models.DateTimeField(_("person told"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("well-being questionnaire")
        verbose_name_plural = _("well-being questionnaires")
        ordering = ["pairing", "due_on", "party"]
        constraints = [
            models.UniqueConstraint(fields=["pairing", "party", "moment"], name="one_wellbeing_check_per_moment"),
            models.CheckConstraint(
                condition=(
                    Q(
                        answered_at__isnull=True,
                        lack_companionship__isnull=True,
                        left_out__isnull=True,
                        isolated__isnull=True,
                    )
                    | Q(
                        # A NULL would let the range pass (SQL checks accept unknown): refused first.
                        answered_at__isnull=False,
                        lack_companionship__isnull=False,
                        left_out__isnull=False,
                        isolated__isnull=False,
                        lack_companionship__range=(1, 3),
                        left_out__range=(1, 3),
                        isolated__range=(1, 3),
                    )
                ),
                name="wellbeing_answered_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_moment_display()} — {self.get_party_display()}"

    @property
    def total(self) -> int | None:
        """The score, 3 to 9 (the higher, the lonelier), once answered."""
        if self.answered_at is None:
            return None
        return sum(getattr(self, item) for item in LONELINESS_ITEMS)

    @property
    def closes_on(self) -> date:
        """The last day it may be answered."""
        return self.due_on + WELLBEING_OPEN_FOR - timedelta(days=1)

    def is_open(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.answered_at is None and self.due_on <= today <= self.closes_on


#: The score of a questionnaire, for aggregate queries (Sum, Avg) of answered ones.
LONELINESS_TOTAL = F("lack_companionship") + F("left_out") + F("isolated")
