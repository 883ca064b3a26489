"""The engine never suggests a pair that breaks a rule, explains its scores and finds the best assignment."""

import itertools
from datetime import timedelta

import numpy as np
import pytest
from django.utils import timezone

from pairings.matching.engine import Rules, Weights, explain, propose, scores, top_k_guests
from pairings.matching.features import guests_side, hosts_side


class File:
    """An approved application as the engine reads it."""

    _next = 1

    def __init__(self, territory=1, **answers):
        self.pk = File._next
        File._next += 1
        self.territory_id = territory
        self.answers = answers

    def __str__(self):
        return f"file {self.pk}"


MIN_STAY = 90
RULES = Rules(minimum_stay_days=MIN_STAY)


def _file(territory=1, **answers):
    """A file whose dates, given as days from today (timedelta), are read on the test's date."""
    today = timezone.localdate()
    dated = {k: (today + v).isoformat() if isinstance(v, timedelta) else v for k, v in answers.items()}
    return File(territory=territory, **dated)


def host(**overrides):
    answers = {
        "languages": ["fr", "en"],
        "evenings_per_week": 3,
        "contribution": "100",
        "available_from": timedelta(0),
        "available_until": timedelta(days=365),
        "smoking": "no",
        "pets": "",
    }
    return _file(**{**answers, **overrides})


def guest(**overrides):
    answers = {
        "languages": ["fr", "es"],
        "evenings_per_week": 3,
        "budget": "150",
        "start_date": timedelta(days=10),
        "end_date": timedelta(days=300),
        "smoker": False,
        "pets_ok": True,
    }
    return _file(**{**answers, **overrides})


DEFAULT_WEIGHTS = Weights()


def explained(h, g, weights=DEFAULT_WEIGHTS):
    return explain(hosts_side([h]), 0, guests_side([g]), 0, weights=weights, rules=RULES)


@pytest.mark.parametrize(
    ("host_answers", "guest_answers", "constraint"),
    [
        ({}, {"territory": 2}, "territory"),
        ({}, {"start_date": timedelta(days=330)}, "dates"),
        ({"contribution": "160"}, {"budget": "150"}, "budget"),
        ({"smoking": "no"}, {"smoker": True}, "smoking"),
        ({"pets": "un chien"}, {"pets_ok": False}, "pets"),
    ],
    ids=["territory", "dates", "budget", "smoking", "pets"],
)
def test_a_pair_that_breaks_a_hard_constraint_is_never_suggested_and_says_why(host_answers, guest_answers, constraint):
    h, g = host(**host_answers), guest(**guest_answers)
    explanation = explained(h, g)

    assert not explanation["suggested"]
    assert [c["constraint"] for c in explanation["excluded_because"]] == [constraint]
    assert propose(hosts_side([h]), guests_side([g]), weights=Weights(), rules=RULES) == []


def test_a_smoker_may_live_where_smoking_is_allowed_outside():
    assert explained(host(smoking="outside"), guest(smoker=True))["suggested"]


def test_the_score_is_the_weighted_sum_of_the_criteria_shown():
    explanation = explained(host(), guest())

    assert explanation["suggested"]
    assert 0 <= explanation["score"] <= 100
    assert explanation["score"] == pytest.approx(sum(p["points"] for p in explanation["criteria"]), abs=0.2)
    languages = next(p for p in explanation["criteria"] if p["criterion"] == "languages")
    assert languages["value"] == pytest.approx(1 / 3, abs=1e-3)  # fr shared among fr, en, es


def test_weights_set_by_the_country_change_the_ranking():
    h = host(languages=["fr"], evenings_per_week=5)
    talkative = guest(languages=["fr"], evenings_per_week=1)
    present = guest(languages=["es"], evenings_per_week=5)
    hosts, guests = hosts_side([h]), guests_side([talkative, present])

    by_language = top_k_guests(hosts, 0, guests, weights=Weights(1, 0, 0, 0), rules=RULES, k=2)
    by_presence = top_k_guests(hosts, 0, guests, weights=Weights(0, 1, 0, 0), rules=RULES, k=2)

    assert [i for i, _ in by_language] == [0, 1]
    assert [i for i, _ in by_presence] == [1, 0]


def test_top_k_returns_only_feasible_guests_best_first():
    h = host()
    candidates = [guest(evenings_per_week=n) for n in range(8)] + [guest(territory=9)]

    found = top_k_guests(hosts_side([h]), 0, guests_side(candidates), weights=Weights(), rules=RULES, k=5)

    assert len(found) == 5
    assert 8 not in [i for i, _ in found]
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
    assert found[0][0] == 3  # same evenings as the host


def test_the_proposal_maximises_the_total_score_with_each_person_once():
    rng = np.random.default_rng(7)
    for _ in range(5):
        hosts = [
            host(
                evenings_per_week=int(rng.integers(0, 8)),
                languages=list(rng.choice(["fr", "en", "es"], 2)),
                contribution=str(int(rng.integers(60, 160))),
            )
            for _ in range(5)
        ]
        guests = [
            guest(
                evenings_per_week=int(rng.integers(0, 8)),
                languages=list(rng.choice(["fr", "en", "es"], 2)),
                budget=str(int(rng.integers(60, 160))),
            )
            for _ in range(5)
        ]
        hs, gs = hosts_side(hosts), guests_side(guests)
        total, feasible = scores(hs, gs, weights=Weights(), rules=RULES)

        proposal = propose(hs, gs, weights=Weights(), rules=RULES)

        # Brute force over every way of pairing, an impossible pair counting as nobody paired.
        points = np.where(feasible, np.rint(total), 0)  # the solver works on whole points
        best = max(sum(points[i, p[i]] for i in range(5)) for p in itertools.permutations(range(5)))
        assert sum(p.score for p in proposal) == best
        assert len({p.host_id for p in proposal}) == len({p.guest_id for p in proposal}) == len(proposal)
        by_index = {int(i): n for n, i in enumerate(hs.ids)}, {int(i): n for n, i in enumerate(gs.ids)}
        assert all(feasible[by_index[0][p.host_id], by_index[1][p.guest_id]] for p in proposal)


def test_the_proposal_prefers_a_better_total_to_more_pairs():
    """Two good pairs are worth more than three poor ones."""
    h1, h2 = host(languages=["fr"], evenings_per_week=7), host(languages=["de"], evenings_per_week=0)
    g1 = guest(languages=["fr"], evenings_per_week=7)
    weights = Weights(languages=1, presence=1, budget=0, stay=0, services=0, distance=0, interests=0, practise=0)

    proposal = propose(hosts_side([h1, h2]), guests_side([g1]), weights=weights, rules=RULES)

    assert [(p.host_id, p.guest_id) for p in proposal] == [(h1.pk, g1.pk)]


def test_nobody_is_paired_when_no_pair_is_possible():
    assert propose(hosts_side([host()]), guests_side([guest(territory=2)]), weights=Weights(), rules=RULES) == []
    assert propose(hosts_side([]), guests_side([guest()]), weights=Weights(), rules=RULES) == []


def test_large_matrices_computed_by_blocks_equal_the_direct_computation():
    from pairings.matching import engine

    rng = np.random.default_rng(3)
    hosts = [
        host(evenings_per_week=int(rng.integers(0, 8)), contribution=str(int(rng.integers(0, 151)))) for _ in range(600)
    ]
    guests = [
        guest(evenings_per_week=int(rng.integers(0, 8)), budget=str(int(rng.integers(50, 200)))) for _ in range(40)
    ]
    hs, gs = hosts_side(hosts), guests_side(guests)

    blocked = engine.scores(hs, gs, weights=Weights(), rules=RULES)
    direct = engine._scores_block(hs, gs, weights=Weights(), rules=RULES, h=slice(None), g=slice(None))

    assert np.array_equal(blocked[1], direct[1])
    assert np.allclose(blocked[0], direct[0])
