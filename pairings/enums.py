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
