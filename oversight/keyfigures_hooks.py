"""The live figures that editors can show in a page's key-figures block (``cms_pages.live_figures``).

Counted over the whole country, in a single aggregate query, and published like every other
figure about people: through :func:`oversight.suppression.suppress`, so that a count under 5
reads "fewer than 5".
"""

from django.db.models import Count, Q
from wagtail import hooks

from cms_pages.live_figures import LiveFigure
from pairings.enums import FOLLOWED_STATES
from pairings.models import Pairing

from .replica import replica_reads
from .suppression import single


def country_live_figures(country) -> dict[str, str]:
    moved_in = Q(moved_in_on__isnull=False)
    living = Q(state__in=FOLLOWED_STATES, moved_in_on__isnull=False)
    with replica_reads():
        counts = Pairing.objects.filter(host__country=country).aggregate(
            **{
                LiveFigure.PAIRS_CREATED: Count("pk", filter=moved_in),
                LiveFigure.YOUNG_PEOPLE_ACCOMPANIED: Count("guest__person", filter=moved_in, distinct=True),
                LiveFigure.SENIORS_HOSTING: Count("host__person", filter=living, distinct=True),
                LiveFigure.PAIRS_LIVING_TOGETHER: Count("pk", filter=living),
            }
        )
    # Each figure stands alone (no total is published beside it): the threshold is the only rule.
    return {key: str(single(value)) for key, value in counts.items()}


@hooks.register("programme_figures")
def programme_figures(country):
    return country_live_figures(country)
