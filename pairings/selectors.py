"""Read queries of pairings: who sees which, who is free to be paired, suggestions, proposals, explanations.

Who sees what is said by :mod:`workflow.access`; the functions here bind its rules to our models.
"""

from workflow import access
from workflow.enums import ApplicationKind, ApplicationState
from workflow.models import Application

from .matching.engine import Rules, Weights, explain, propose, top_k_guests
from .matching.features import guests_side, hosts_side
from .models import Pairing

#: How many guests the suggestions page shows for a host.
SUGGESTIONS_SHOWN = 10


def pairings_visible_to(user):
    """The pairings ``user`` sees: those whose host's and guest's files are both visible to them."""
    return access.pairings_visible_to(user, Pairing.objects.all())


def free_applications(*, kind: str, territory=None, country=None, among=None):
    """Approved files of a kind, not yet in a pairing (within ``among`` when given)."""
    from .enums import LIVE_STATES

    applications = (
        Application.objects.filter(kind=kind, state=ApplicationState.APPROVED)
        .exclude(pairings_as_host__state__in=LIVE_STATES)
        .exclude(pairings_as_guest__state__in=LIVE_STATES)
    )
    if territory is not None:
        applications = applications.filter(territory=territory)
    if country is not None:
        applications = applications.filter(country=country)
    if among is not None:
        applications = applications.filter(pk__in=among.values("pk"))
    return applications.select_related("territory", "country").order_by("pk")


def guest_suggestions_for(host: Application, *, k: int = 10, among=None) -> list[tuple[Application, float]]:
    """The k best guests for a host, best first, with their scores.

    Guests of the whole country are considered: the distance rule, or the territory when a
    distance cannot be measured, decides who is near enough.
    """
    guests = list(free_applications(kind=ApplicationKind.GUEST, country=host.country, among=among))
    found = top_k_guests(
        hosts_side([host]),
        0,
        guests_side(guests),
        weights=Weights.for_country(host.country),
        rules=Rules.for_country(host.country),
        k=k,
    )
    return [(guests[index], score) for index, score in found]


def territory_proposal(territory, *, among=None):
    """The optimal set of pairs for a territory's hosts, as (host, guest, score), best first."""
    hosts = list(free_applications(kind=ApplicationKind.HOST, territory=territory, among=among))
    guests = list(free_applications(kind=ApplicationKind.GUEST, country=territory.country, among=among))
    proposals = propose(
        hosts_side(hosts),
        guests_side(guests),
        weights=Weights.for_country(territory.country),
        rules=Rules.for_country(territory.country),
    )
    by_id = {a.pk: a for a in hosts + guests}
    pairs = [(by_id[p.host_id], by_id[p.guest_id], p.score) for p in proposals]
    return sorted(pairs, key=lambda pair: -pair[2])


def why(host: Application, guest: Application) -> dict:
    """The breakdown of a pair's score, or the constraints that exclude it."""
    return explain(
        hosts_side([host]),
        0,
        guests_side([guest]),
        0,
        weights=Weights.for_country(host.country),
        rules=Rules.for_country(host.country),
        currency=host.country.currency,
    )


def among_the_suggestions(host: Application, guest: Application, *, among=None) -> bool:
    """Whether the engine suggests this pair: the guest is among the host's best guests, or the pair is
    in the global proposal of the host's territory (both within ``among`` when given)."""
    if any(found.pk == guest.pk for found, _score in guest_suggestions_for(host, k=SUGGESTIONS_SHOWN, among=among)):
        return True
    return any((h.pk, g.pk) == (host.pk, guest.pk) for h, g, _score in territory_proposal(host.territory, among=among))
