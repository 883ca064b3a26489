"""A funnel counts how many went at least as far as each step: the difference between two steps
is itself a count of people (those who stopped in between), so it may not reveal a small one."""

import random

import pytest

from oversight.suppression import THRESHOLD, suppress_nested

STEPS = ["started", "sent", "in_review", "approved", "proposed"]


def stopped_counts(rng: random.Random, columns: list[str]) -> dict:
    return {(step, column): rng.choice([0, 1, 2, 3, 4, 5, 8, 13, 30]) for step in STEPS for column in columns}


def truth(counts: dict, columns: list[str]) -> dict:
    """How many went at least as far as each step, per column and over all of them (None)."""
    found = {}
    for column in [*columns, None]:
        for k, step in enumerate(STEPS):
            found[(step, column)] = sum(
                n for (s, c), n in counts.items() if STEPS.index(s) >= k and (column is None or c == column)
            )
    return found


def published(table, columns) -> dict:
    shown = {(step, column): table.cell(step, column) for step in STEPS for column in columns}
    shown |= {(step, None): table.row_totals[step] for step in STEPS}
    return shown


def test_a_step_just_after_a_small_drop_is_not_shown_beside_it():
    # 10 started, 12 more went further; of the 22 sent, 2 stopped there: "sent" minus "in review"
    # would give 2 if both were shown.
    counts = {
        ("started", "a"): 10,
        ("sent", "a"): 2,
        ("in_review", "a"): 20,
        ("approved", "a"): 9,
        ("proposed", "a"): 6,
    }
    counts |= {
        ("started", "b"): 7,
        ("sent", "b"): 9,
        ("in_review", "b"): 11,
        ("approved", "b"): 6,
        ("proposed", "b"): 8,
    }

    table = suppress_nested(counts, STEPS, ["a", "b"])

    sent, review = table.cell("sent", "a"), table.cell("in_review", "a")
    assert sent.hidden or review.hidden


@pytest.mark.parametrize("seed", range(25))
def test_no_two_neighbouring_steps_give_away_who_stopped_between_them(seed):
    """Two neighbouring steps shown side by side give the count of one group of people (those
    who stopped at the first): never a small one. Steps further apart give the sum of several
    groups, which the suppression of the groups' table protects as it protects any sum of hidden
    cells (each one's exact value stays unknown)."""
    rng = random.Random(seed)
    columns = [f"t{i}" for i in range(rng.randint(1, 5))]
    counts = stopped_counts(rng, columns)

    table = suppress_nested(counts, STEPS, columns)
    shown = published(table, columns)
    exact = truth(counts, columns)

    for (step, column), cell in shown.items():
        if not cell.hidden:
            assert cell.value == exact[(step, column)]
            assert cell.value >= THRESHOLD
    for column in [*columns, None]:
        values = [shown[(step, column)] for step in STEPS]
        for k in range(len(STEPS) - 1):
            if not values[k].hidden and not values[k + 1].hidden:
                difference = values[k].value - values[k + 1].value
                assert difference >= THRESHOLD, (column, STEPS[k])


def test_a_funnel_with_nothing_in_it_shows_fewer_than_five_everywhere():
    table = suppress_nested({}, STEPS, [])

    assert all(cell.hidden and cell.small for cell in table.row_totals.values())
