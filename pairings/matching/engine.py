"""Scores, constraints, explanations and the optimal assignment, on arrays.

A pair that breaks a hard constraint is never suggested. Soft criteria each give a value in
[0, 1]; the score is their weighted mean, in [0, 100], with the country's weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.utils.translation import gettext_lazy as _
from scipy.optimize import linear_sum_assignment

from .features import NO_END, Side

CONSTRAINT_LABELS = {
    "territory": _("not in the same territory (and no postcode to measure the distance)"),
    "distance": _("the home is farther from the place of study than the country allows"),
    "dates": _("dates overlap less than the minimum stay"),
    "budget": _("the contribution asked is above the guest's budget"),
    "smoking": _("the guest smokes and the host's home is smoke-free"),
    "pets": _("the host has pets and the guest does not want them"),
    "gender": _("one of them would rather live with a person of another gender"),
    "accessibility": _("the guest needs a home without steps"),
    "ages": _("an age rule of the country is not met at the start of the stay"),
}
CRITERION_LABELS = {
    "languages": _("common languages"),
    "presence": _("presence expected and offered"),
    "budget": _("contribution within the budget"),
    "stay": _("length of stay"),
    "services": _("help hoped for and offered"),
    "distance": _("distance to the place of study"),
    "interests": _("shared interests"),
    "practise": _("the guest wishes to practise a language of the host"),
}
DEFAULT_STAY_DAYS = 365
DAYS_PER_YEAR = 365.2425
EARTH_RADIUS_KM = np.float32(6371.0)


@dataclass(frozen=True)
class Rules:
    """A country's hard rules, as the engine reads them."""

    minimum_stay_days: int = 90
    max_distance_km: float = 20  # 0: the same territory only
    host_min_age: int = 60
    guest_min_age: int = 18
    guest_max_age: int = 30

    @classmethod
    def for_country(cls, country) -> Rules:
        return cls(
            minimum_stay_days=country.minimum_stay_days,
            max_distance_km=float(country.max_distance_km),
            host_min_age=country.host_min_age,
            guest_min_age=country.guest_min_age,
            guest_max_age=country.guest_max_age,
        )


@dataclass(frozen=True)
class Weights:
    languages: float = 3
    presence: float = 3
    budget: float = 2
    stay: float = 2
    services: float = 2
    distance: float = 2
    interests: float = 1
    practise: float = 1

    @classmethod
    def for_country(cls, country) -> Weights:
        return cls(**{name: getattr(country, f"weight_{name}") for name in CRITERION_LABELS})

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in CRITERION_LABELS}


def _pair(hosts: Side, guests: Side, h, g):
    """Index helpers: broadcast host rows against guest columns."""
    return (lambda a: a[h][:, None]), (lambda a: a[g][None, :])


def _distances(hosts: Side, guests: Side, H, G, rules: Rules):
    """(both located and the distance rule applies, kilometres between home and place of study)."""
    dx = (H(hosts.lon) - G(guests.lon)) * G(guests.coslat)
    dy = H(hosts.lat) - G(guests.lat)
    km = np.sqrt(dx * dx + dy * dy) * EARTH_RADIUS_KM
    located = np.isfinite(km) & (rules.max_distance_km > 0)
    return located, km


def constraints(hosts: Side, guests: Side, *, rules: Rules, h=slice(None), g=slice(None), geo=None) -> dict:
    """Each hard constraint as a boolean matrix: True where the pair respects it.

    Where both the home and the place of study are located, the country's distance rules;
    otherwise the two must belong to the same territory.
    """
    H, G = _pair(hosts, guests, h, g)
    overlap = np.minimum(H(hosts.end), G(guests.end)) - np.maximum(H(hosts.start), G(guests.start))
    located, km = geo or _distances(hosts, guests, H, G, rules)
    # Ages in days at the start of the guest's stay (today when it is unknown or past).
    arrival = np.maximum(guests.start, np.int32(date.today().toordinal()))
    host_days = np.int32(math.ceil(rules.host_min_age * DAYS_PER_YEAR))
    guest_days = arrival - guests.born
    guest_age_ok = (guests.born == 0) | (
        (guest_days >= rules.guest_min_age * DAYS_PER_YEAR) & (guest_days < rules.guest_max_age * DAYS_PER_YEAR)
    )
    host_gender, guest_gender = H(hosts.gender), G(guests.gender)
    return {
        "territory": located | (H(hosts.territory) == G(guests.territory)),
        "distance": ~located | (km <= rules.max_distance_km),
        "dates": overlap >= rules.minimum_stay_days,
        "budget": H(hosts.money) <= G(guests.money),
        "smoking": ~(H(hosts.smoking) & G(guests.smoking)),
        "pets": ~H(hosts.pets) | G(guests.pets),
        "gender": ((H(hosts.wants) == 0) | (H(hosts.wants) == guest_gender))
        & ((G(guests.wants) == 0) | (G(guests.wants) == host_gender)),
        "accessibility": ~G(guests.step_free) | H(hosts.step_free),
        "ages": ((H(hosts.born) == 0) | (G(arrival) - H(hosts.born) >= host_days)) & G(guest_age_ok),
    }


def _share(a, b):
    """|a ∩ b| / |a ∪ b| on bit masks, 0 when both are empty."""
    common = np.bitwise_count(a & b).astype(np.float32)
    union = np.bitwise_count(a | b).astype(np.float32)
    return np.divide(common, union, out=np.zeros_like(common), where=union > 0)


def criteria(hosts: Side, guests: Side, *, rules: Rules, h=slice(None), g=slice(None), geo=None) -> dict:
    """Each soft criterion as a float32 matrix in [0, 1]."""
    H, G = _pair(hosts, guests, h, g)
    languages = _share(H(hosts.languages), G(guests.languages))
    presence = 1 - np.abs(H(hosts.evenings).astype(np.float32) - G(guests.evenings).astype(np.float32)) / 7
    budget_g = G(guests.money)
    budget = np.clip((budget_g - H(hosts.money)) / np.maximum(budget_g, 1), 0, 1).astype(np.float32)
    guest_end = np.where(guests.end == NO_END, guests.start + DEFAULT_STAY_DAYS, guests.end)
    length = np.maximum(guest_end - guests.start, 1).astype(np.float32)
    overlap = np.minimum(H(hosts.end), G(guest_end)).astype(np.float32) - np.maximum(
        H(hosts.start), G(guests.start)
    ).astype(np.float32)
    stay = np.clip(overlap / G(length), 0, 1).astype(np.float32)
    # Help hoped for by the host that the guest offers; a host who hopes for nothing is content.
    hoped = H(hosts.services)
    wished = np.bitwise_count(hoped).astype(np.float32)
    met = np.bitwise_count(hoped & G(guests.services)).astype(np.float32)
    services = np.divide(met, wished, out=np.ones_like(met), where=wished > 0)
    # Closer is better; an unknown distance counts as halfway.
    located, km = geo or _distances(hosts, guests, H, G, rules)
    reach = np.float32(max(rules.max_distance_km, 1))
    distance = np.where(located, np.clip(1 - km / reach, 0, 1), np.float32(0.5)).astype(np.float32)
    interests = _share(H(hosts.interests), G(guests.interests))
    practise = ((H(hosts.languages) & G(guests.practise)) != 0).astype(np.float32)
    return {
        "languages": languages,
        "presence": presence,
        "budget": budget,
        "stay": stay,
        "services": services,
        "distance": distance,
        "interests": interests,
        "practise": practise,
    }


BLOCK_ROWS = 256


def _scores_block(hosts: Side, guests: Side, *, weights: Weights, rules: Rules, h, g):
    H, G = _pair(hosts, guests, h, g)
    geo = _distances(hosts, guests, H, G, rules)
    feasible = None
    for matrix in constraints(hosts, guests, rules=rules, h=h, g=g, geo=geo).values():
        feasible = matrix if feasible is None else feasible & matrix
    total_weight = sum(weights.as_dict().values()) or 1
    total = None
    for name, values in criteria(hosts, guests, rules=rules, h=h, g=g, geo=geo).items():
        weighted = values * np.float32(getattr(weights, name) * 100 / total_weight)
        total = weighted if total is None else total + weighted
    return total, feasible


def scores(hosts: Side, guests: Side, *, weights: Weights, rules: Rules, h=slice(None), g=slice(None)):
    """(scores in [0, 100], feasible) for every host × guest pair.

    Large matrices are computed a block of host rows at a time, which keeps the temporary
    arrays small enough to stay in the processor's cache.
    """
    if not (isinstance(h, slice) and h == slice(None)) or len(hosts) <= BLOCK_ROWS:
        return _scores_block(hosts, guests, weights=weights, rules=rules, h=h, g=g)
    n_guests = len(guests.ids[g])
    total = np.empty((len(hosts), n_guests), dtype=np.float32)
    feasible = np.empty((len(hosts), n_guests), dtype=bool)
    for start in range(0, len(hosts), BLOCK_ROWS):
        rows = slice(start, start + BLOCK_ROWS)
        total[rows], feasible[rows] = _scores_block(hosts, guests, weights=weights, rules=rules, h=rows, g=g)
    return total, feasible


@dataclass(frozen=True)
class Proposal:
    host_id: int
    guest_id: int
    score: float


def propose(hosts: Side, guests: Side, *, weights: Weights, rules: Rules) -> list[Proposal]:
    """The pairs that maximise the total score, each person in at most one pair.

    A maximum-weight matching: an impossible pair weighs nothing, so leaving two people
    unpaired is never worse than pairing them against the rules, and the solver never trades
    score for a larger number of pairs.
    """
    if not len(hosts) or not len(guests):
        return []
    total, feasible = scores(hosts, guests, weights=weights, rules=rules)
    # Whole points: the scores people read, and many fewer distinct values for the solver.
    cost = np.rint(total, out=total)
    cost[~feasible] = 0
    # People with no possible pair at all are left out of the solver's problem.
    rows_kept = np.flatnonzero(feasible.any(axis=1))
    cols_kept = np.flatnonzero(feasible.any(axis=0))
    if not len(rows_kept):
        return []
    sub = cost[np.ix_(rows_kept, cols_kept)].astype(np.float64)
    rows, cols = linear_sum_assignment(sub, maximize=True)
    rows, cols = rows_kept[rows], cols_kept[cols]
    keep = feasible[rows, cols]
    return [
        Proposal(host_id=int(hosts.ids[r]), guest_id=int(guests.ids[c]), score=float(cost[r, c]))
        for r, c in zip(rows[keep], cols[keep], strict=True)
    ]


def top_k_guests(hosts: Side, host_index: int, guests: Side, *, weights: Weights, rules: Rules, k: int = 10):
    """The k best feasible guests for one host, best first: (guest index, score)."""
    total, feasible = scores(hosts, guests, weights=weights, rules=rules, h=[host_index], g=slice(None))
    row = np.where(feasible[0], total[0], -np.inf)
    k = min(k, int(np.isfinite(row).sum()))
    if k == 0:
        return []
    best = np.argpartition(-row, k - 1)[:k]
    best = best[np.argsort(-row[best], kind="stable")]
    return [(int(i), round(float(row[i]), 1)) for i in best]


def explain(
    hosts: Side, host_index: int, guests: Side, guest_index: int, *, weights: Weights, rules: Rules, currency: str = ""
):
    """Why this pair scores what it does, or why it is never suggested.

    Each criterion and each broken constraint comes with its ``facts``: the answers it was
    computed from, as a sentence in the active language (``currency``: the country's, for amounts).
    """
    from .explanations import constraint_facts, criterion_facts

    h, g = [host_index], [guest_index]
    H, G = _pair(hosts, guests, h, g)
    _located, km = _distances(hosts, guests, H, G, rules)
    distance_km = round(float(km[0, 0]), 1) if np.isfinite(km[0, 0]) else None
    broken = [name for name, matrix in constraints(hosts, guests, rules=rules, h=h, g=g).items() if not matrix[0, 0]]
    facts = criterion_facts(hosts, host_index, guests, guest_index, km=distance_km, currency=currency)
    why_not = (
        constraint_facts(
            hosts,
            host_index,
            guests,
            guest_index,
            km=distance_km,
            max_km=rules.max_distance_km,
            currency=currency,
        )
        if broken
        else {}
    )
    total_weight = sum(weights.as_dict().values()) or 1
    parts = []
    for name, values in criteria(hosts, guests, rules=rules, h=h, g=g).items():
        weight = getattr(weights, name)
        parts.append(
            {
                "criterion": name,
                "label": CRITERION_LABELS[name],
                "facts": facts[name],
                "value": round(float(values[0, 0]), 3),
                "weight": weight,
                "points": round(float(values[0, 0]) * weight * 100 / total_weight, 1),
            }
        )
    return {
        "suggested": not broken,
        "excluded_because": [
            {"constraint": name, "label": CONSTRAINT_LABELS[name], "facts": why_not.get(name, "")} for name in broken
        ],
        "score": round(sum(p["points"] for p in parts), 1),
        "criteria": parts,
        "distance_km": distance_km,
    }
