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
