"""What a staff member has to do next on pairings, for the back office's home page: read queries only.

Scoped through :mod:`workflow.access` like every list of pairings: proposals, check-ins and notices
are the work of whoever manages the pairing (vets both files); a signature is whoever's turn it is
among the organisations, as the convention says (``next_party``), read through the pairing's
reverse relation so that pairings never imports documents.
"""

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from workflow import access

from .enums import FOLLOWED_STATES, PairingState
from .models import CheckIn, Pairing

#: Check-ins shown from this many days before they fall due.
CHECK_IN_NOTICE_DAYS = 7


def managed_pairings(user) -> QuerySet[Pairing]:
    """The pairings ``user`` leads: both files in the territories their association vets."""
    vetted = access.territories_vetted_by(user)
    return access.pairings_visible_to(user, Pairing.objects.all()).filter(
        host__territory__in=vetted, guest__territory__in=vetted
    )


def proposals_waiting_for_an_answer(user) -> QuerySet[Pairing]:
    """Proposals the host or the guest has not answered yet, the oldest first."""
    return (
        managed_pairings(user)
        .filter(state=PairingState.PROPOSED)
        .select_related("host", "guest")
        .order_by("created_at", "pk")
    )


def check_ins_due(user) -> QuerySet[CheckIn]:
    """Check-ins not done yet that fall due within a week (or are late), the earliest first."""
    horizon = timezone.localdate() + timedelta(days=CHECK_IN_NOTICE_DAYS)
    return (
        CheckIn.objects.filter(
            pairing__in=managed_pairings(user).filter(state__in=FOLLOWED_STATES),
            done_at__isnull=True,
            due_on__lte=horizon,
        )
        .select_related("pairing__host", "pairing__guest")
        .order_by("due_on", "pk")
    )


def notices_running(user) -> QuerySet[Pairing]:
    """Active pairings whose end was asked for: the pair parts on ``planned_end``, the soonest first."""
    return (
        managed_pairings(user)
        .filter(state=PairingState.ACTIVE, notice_given_on__isnull=False)
        .select_related("host", "guest")
        .order_by("planned_end", "pk")
    )


def signatures_to_give(user) -> list[tuple[Pairing, object, str]]:
    """(pairing, convention, party) for each convention waiting for ``user``'s organisation to sign."""
    found = []
    signing = (
        access.pairings_visible_to(user, Pairing.objects.all())
        .filter(state=PairingState.SIGNING)
        .select_related("host__territory", "guest", "host__country")
        .prefetch_related("conventions")
        .order_by("pk")
    )
    for pairing in signing:
        conventions = sorted(pairing.conventions.all(), key=lambda c: c.created_at, reverse=True)
        if not conventions:
            continue
        convention = conventions[0]
        party = convention.next_party()
        if party in access.STAFF_SIGNING_PARTIES and access.may_sign_convention(user, convention, party):
            found.append((pairing, convention, party))
    return found
