"""States of a pairing and the named lists of where each transition may start."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PairingState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted by both")
    MEETING_SCHEDULED = "meeting_scheduled", _("Meeting scheduled")
    TRIAL = "trial", _("Trial period")
    CONVENTION_DRAFTED = "convention_drafted", _("Convention drafted")
    SIGNING = "signing", _("Being signed")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")
    TERMINATED = "terminated", _("Terminated early")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


#: A live pairing holds its host and its guest: neither can be in another one.
LIVE_STATES = [
    PairingState.PROPOSED,
    PairingState.ACCEPTED,
    PairingState.MEETING_SCHEDULED,
    PairingState.TRIAL,
    PairingState.CONVENTION_DRAFTED,
    PairingState.SIGNING,
    PairingState.ACTIVE,
]
CAN_BE_CANCELLED_STATES = [
    PairingState.PROPOSED,
    PairingState.ACCEPTED,
    PairingState.MEETING_SCHEDULED,
    PairingState.TRIAL,
    PairingState.CONVENTION_DRAFTED,
    PairingState.SIGNING,
]


class Party(models.TextChoices):
    HOST = "host", _("the host")
    GUEST = "guest", _("the guest")


class Requester(models.TextChoices):
    """Who asked to end a pairing early."""

    HOST = "host", _("the host")
    GUEST = "guest", _("the guest")
    ASSOCIATION = "association", _("the association")


#: States in which the pair lives together and is followed by its advisor.
FOLLOWED_STATES = [
    PairingState.TRIAL,
    PairingState.CONVENTION_DRAFTED,
    PairingState.SIGNING,
    PairingState.ACTIVE,
]


class CheckInKind(models.TextChoices):
    FIRST_WEEK = "first_week", _("End of the first week")
    MONTHLY = "monthly", _("Monthly check-in")


class NoteKind(models.TextChoices):
    NOTE = "note", _("Follow-up note")
    INCIDENT = "incident", _("Incident")
    MEDIATION = "mediation", _("Mediation")


class WellbeingMoment(models.TextChoices):
    """When the host and the guest are asked how lonely they feel: at moving in, then 3 and 6 months on."""

    MOVING_IN = "moving_in", _("At moving in")
    THREE_MONTHS = "three_months", _("After 3 months")
    SIX_MONTHS = "six_months", _("After 6 months")


#: How many months after moving in each questionnaire falls due.
WELLBEING_MONTHS = {
    WellbeingMoment.MOVING_IN: 0,
    WellbeingMoment.THREE_MONTHS: 3,
    WellbeingMoment.SIX_MONTHS: 6,
}


class LonelinessAnswer(models.IntegerChoices):
    """The answers of the three-item UCLA Loneliness Scale (Hughes et al., 2004), scored 1 to 3."""

    HARDLY_EVER = 1, _("Hardly ever")
    SOME_OF_THE_TIME = 2, _("Some of the time")
    OFTEN = 3, _("Often")
