"""How lonely hosts and guests feel, per territory and moment (moving in, 3 and 6 months on):
the number who answered the three-item UCLA Loneliness Scale and their mean score (3 to 9, the
higher the lonelier). Never per person.

Figures come from aggregate queries over the pairings the reader sees
(:func:`pairings.selectors.pairings_visible_to`); a pair counts in its host's territory, where
they live. The numbers of respondents go through :func:`oversight.suppression.suppress`, and a
mean is published only beside a number that is: never for fewer than 5 respondents, nor where
the totals would give the hidden number back. No total of scores is published, so no hidden
mean can be worked out from the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Sum

from pairings.enums import WellbeingMoment
from pairings.models import LONELINESS_TOTAL, WellbeingCheck
from pairings.selectors import pairings_visible_to
from workflow.models import Territory

from .suppression import Cell, Table, suppress

#: Means are shown to one decimal place.
PLACES = Decimal("0.1")


@dataclass(frozen=True)
class WellbeingFigure:
    """One territory at one moment: how many answered (a :class:`Cell`, maybe hidden) and their
    mean score, None when it is withheld."""

    moment: str
    respondents: Cell
    mean: Decimal | None


@dataclass(frozen=True)
class WellbeingRow:
    territory: Territory
    figures: list[WellbeingFigure]


@dataclass(frozen=True)
class WellbeingTable:
    """What the statistics page shows: the moments (value, label) in order, a row per territory,
    and the suppressed table of respondents the figures were read from."""

    moments: list[tuple[str, str]]
    rows: list[WellbeingRow]
    respondents: Table


def _mean(total: int, count: int) -> Decimal:
    return (Decimal(total) / Decimal(count)).quantize(PLACES, rounding=ROUND_HALF_UP)


def wellbeing_by_territory(user, *, territories=None) -> WellbeingTable:
    """Per territory and moment, the respondents (suppressed) and their mean score (withheld with
    them), for the pairings ``user`` sees; ``territories`` limits the rows to those given (in that
    order, each shown even without answers), else every territory with answers."""
    answered = WellbeingCheck.objects.filter(answered_at__isnull=False, pairing__in=pairings_visible_to(user))
    if territories is not None:
        territories = list(territories)
        answered = answered.filter(pairing__host__territory__in=[territory.pk for territory in territories])
    found = (
        answered.values("pairing__host__territory", "moment")
        .annotate(respondents=Count("pk"), score=Sum(LONELINESS_TOTAL))
        .order_by()
    )
    figures = {(row["pairing__host__territory"], row["moment"]): (row["respondents"], row["score"]) for row in found}
    if territories is None:
        territories = list(Territory.objects.filter(pk__in={territory_id for territory_id, _moment in figures}))
    moments = list(WellbeingMoment.values)
    table = suppress(
        {(territory_id, moment): count for (territory_id, moment), (count, _score) in figures.items()},
        [territory.pk for territory in territories],
        moments,
    )
    rows = []
    for territory in territories:
        line = []
        for moment in moments:
            cell = table.cell(territory.pk, moment)
            count, score = figures.get((territory.pk, moment), (0, 0))
            mean = _mean(score, count) if cell.value is not None and count else None
            line.append(WellbeingFigure(moment, cell, mean))
        rows.append(WellbeingRow(territory, line))
    return WellbeingTable([(moment, WellbeingMoment(moment).label) for moment in moments], rows, table)
