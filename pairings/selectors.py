"""Read queries of the matching: who is free to be paired, suggestions, proposals, explanations."""

from workflow.enums import ApplicationKind, ApplicationState
from workflow.models import Application

from .matching.engine import Weights, explain, propose, top_k_guests
from .matching.features import guests_side, hosts_side


def free_applications(*, kind: str, territory=None, country=None):
    """Approved files of a kind, not yet in a pairing."""
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
    return applications.select_related("territory", "country").order_by("pk")


def guest_suggestions_for(host: Application, *, k: int = 10) -> list[tuple[Application, float]]:
    """The k best guests for a host, best first, with their scores."""
    guests = list(free_applications(kind=ApplicationKind.GUEST, territory=host.territory))
    found = top_k_guests(
        hosts_side([host]),
        0,
        guests_side(guests),
        weights=Weights.for_country(host.country),
        minimum_stay_days=host.country.minimum_stay_days,
        k=k,
    )
    return [(guests[index], score) for index, score in found]


def territory_proposal(territory):
    """The optimal set of pairs for a territory, as (host, guest, score), best first."""
    hosts = list(free_applications(kind=ApplicationKind.HOST, territory=territory))
    guests = list(free_applications(kind=ApplicationKind.GUEST, territory=territory))
    proposals = propose(
        hosts_side(hosts),
        guests_side(guests),
        weights=Weights.for_country(territory.country),
        minimum_stay_days=territory.country.minimum_stay_days,
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
        minimum_stay_days=host.country.minimum_stay_days,
    )
