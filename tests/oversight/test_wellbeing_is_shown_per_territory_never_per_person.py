"""How lonely hosts and guests feel is published per territory and moment: the number who
answered and their mean score, computed from aggregate queries over the pairings the reader
sees; fewer than 5 respondents show neither their number nor their mean, and no one's own
answers appear anywhere."""

from decimal import ROUND_HALF_UP, Decimal
from itertools import cycle

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize

from oversight.suppression import FEWER_THAN
from oversight.wellbeing import wellbeing_by_territory
from pairings.models import Pairing, WellbeingCheck
from tests.workflow.factories import (
    ApplicationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    UserFactory,
    association_covering,
    set_state,
)

MOMENTS = ("moving_in", "three_months", "six_months")
#: Answers handed out in turn, so that the means differ from one cell to the next.
ANSWERS = cycle([(1, 1, 1), (2, 3, 1), (3, 3, 3), (1, 2, 2), (2, 2, 3), (3, 1, 2), (1, 1, 2)])


def pair(territory, by):
    host = set_state(ApplicationFactory(host=True, territory=territory, country=territory.country), "approved")
    guest = set_state(ApplicationFactory(territory=territory, country=territory.country), "approved")
    return Pairing.objects.create(
        host=host, guest=guest, state="active", moved_in_on=timezone.localdate(), created_by=by
    )


def answered(pairing, party, moment):
    a, b, c = next(ANSWERS)
    return WellbeingCheck.objects.create(
        pairing=pairing,
        party=party,
        moment=moment,
        due_on=timezone.localdate(),
        lack_companionship=a,
        left_out=b,
        isolated=c,
        answered_at=timezone.now(),
    )


def fill(territory, by, respondents: dict) -> dict:
    """``respondents`` per moment, answered by pairs of ``territory``; returns every total given,
    per moment, worked out here from the answers."""
    pairings = [pair(territory, by) for _ in range(max(-(-n // 2) for n in respondents.values()))]
    given = {}
    for moment, count in respondents.items():
        people = [(p, party) for p in pairings for party in ("host", "guest")][:count]
        given[moment] = [answered(p, party, moment).total for p, party in people]
    return given


def mean(totals):
    return (Decimal(sum(totals)) / len(totals)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@pytest.fixture
def setting():
    """Two territories of one association, whose advisor reads the figures, and a third elsewhere."""
    first = TerritoryFactory(department=True)
    second, elsewhere = (TerritoryFactory(department=True, country=first.country) for _ in range(2))
    association = association_covering(first)
    second.associations.add(association)
    advisor = StaffMembershipFactory(organisation=association).user
    given = {
        first: fill(first, advisor, {"moving_in": 6, "three_months": 5, "six_months": 6}),
        second: fill(second, advisor, {"moving_in": 6, "three_months": 6, "six_months": 5}),
        elsewhere: fill(elsewhere, advisor, {"moving_in": 8, "three_months": 8, "six_months": 8}),
    }
    # Asked but not answered: counts for nothing.
    WellbeingCheck.objects.create(
        pairing=Pairing.objects.filter(host__territory=first).order_by("-pk").first(),
        party="guest",
        moment="three_months",
        due_on=timezone.localdate(),
    )
    return advisor, (first, second, elsewhere), given


def figures(table):
    return {
        (row.territory, figure.moment): (figure.respondents, figure.mean)
        for row in table.rows
        for figure in row.figures
    }


def test_the_mean_score_of_each_territory_and_moment_is_the_mean_of_its_respondents(setting):
    advisor, (first, second, _elsewhere), given = setting

    found = figures(wellbeing_by_territory(advisor))

    expected = {
        (territory, moment): (len(given[territory][moment]), mean(given[territory][moment]))
        for territory in (first, second)
        for moment in MOMENTS
    }
    assert {key: (cell.value, value) for key, (cell, value) in found.items()} == expected


def test_the_figures_come_from_a_few_aggregate_queries(setting, django_assert_max_num_queries):
    advisor, _territories, _given = setting

    with django_assert_max_num_queries(6):
        wellbeing_by_territory(advisor)


def test_fewer_than_5_respondents_show_neither_their_number_nor_their_mean(setting):
    advisor, (first, second, _elsewhere), given = setting
    # One of the five respondents of the first territory at 3 months withdraws their answers.
    WellbeingCheck.objects.filter(
        pk=WellbeingCheck.objects.filter(
            pairing__host__territory=first, moment="three_months", answered_at__isnull=False
        ).values("pk")[:1]
    ).delete()

    table = wellbeing_by_territory(advisor)
    found = figures(table)

    cell, value = found[(first, "three_months")]
    assert (cell.value, cell.small, str(cell), value) == (None, True, str(FEWER_THAN), None)
    # The totals would give the four back: more is hidden, and no mean is shown beside a hidden number.
    assert sum(figure_cell.hidden for figure_cell, _mean in found.values()) >= 2
    for (territory, moment), (figure_cell, value) in found.items():
        if figure_cell.hidden:
            assert value is None
        else:
            assert (figure_cell.value, value) == (len(given[territory][moment]), mean(given[territory][moment]))


def test_a_reader_sees_only_the_territories_of_the_pairings_they_see(setting):
    advisor, (first, second, elsewhere), given = setting
    superuser = UserFactory(is_superuser=True, is_staff=True)

    own = wellbeing_by_territory(advisor)
    asked_for_elsewhere = figures(wellbeing_by_territory(advisor, territories=[elsewhere]))
    everything = figures(wellbeing_by_territory(superuser))

    assert {row.territory for row in own.rows} == {first, second}
    assert {(cell.value, value) for cell, value in asked_for_elsewhere.values()} == {(None, None)}
    assert {moment: (cell.value, value) for (t, moment), (cell, value) in everything.items() if t == elsewhere} == {
        moment: (8, mean(given[elsewhere][moment])) for moment in MOMENTS
    }


def test_the_table_names_territories_and_moments_and_shows_no_ones_answers(setting):
    advisor, (first, _second, _elsewhere), given = setting

    html = render_to_string("oversight/wellbeing_table.html", {"wellbeing": wellbeing_by_territory(advisor)})

    assert "<caption>" in html and '<th scope="row">' in html and 'scope="colgroup"' in html
    assert first.name in html
    assert localize(mean(given[first]["moving_in"])) in html
    assert "None" not in html
    assert "lack_companionship" not in html and "answered_at" not in html


def test_the_statistics_page_shows_the_scale_per_territory(setting, client):
    advisor, (first, _second, _elsewhere), given = setting
    manager = StaffMembershipFactory(
        organisation=first.associations.first(), role="association_manager", user__username="manager.wellbeing"
    ).user
    client.force_login(manager)

    html = client.get(reverse("oversight_statistics")).content.decode()

    assert 'id="wellbeing-heading"' in html
    assert first.name in html.split('id="wellbeing-heading"')[1]
    assert localize(mean(given[first]["moving_in"])) in html.split('id="wellbeing-heading"')[1]
