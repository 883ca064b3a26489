"""Scores, constraints, explanations and the optimal assignment, on arrays.

A pair that breaks a hard constraint is never suggested. Soft criteria each give a value in
[0, 1]; the score is their weighted mean, in [0, 100], with the country's weights.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext_lazy as _
from scipy.optimize import linear_sum_assignment

from .features import NO_END, Side

CONSTRAINT_LABELS = {
    "territory": _("not in the same territory"),
    "dates": _("dates overlap less than the minimum stay"),
    "budget": _("the contribution asked is above the guest's budget"),
    "smoking": _("the guest smokes and the host's home is smoke-free"),
    "pets": _("the host has pets and the guest does not want them"),
}
CRITERION_LABELS = {
    "languages": _("common languages"),
    "presence": _("presence expected and offered"),
    "budget": _("contribution within the budget"),
    "stay": _("length of stay"),
}
DEFAULT_STAY_DAYS = 365
INFEASIBLE = -1e6


@dataclass(frozen=True)
class Weights:
    languages: float = 3
    presence: float = 3
    budget: float = 2
    stay: float = 2

    @classmethod
    def for_country(cls, country) -> Weights:
        return cls(
            languages=country.weight_languages,
            presence=country.weight_presence,
            budget=country.weight_budget,
            stay=country.weight_stay,
        )

    def as_dict(self) -> dict[str, float]:
        return {"languages": self.languages, "presence": self.presence, "budget": self.budget, "stay": self.stay}


def _pair(hosts: Side, guests: Side, h, g):
    """Index helpers: broadcast host rows against guest columns."""
    return (lambda a: a[h][:, None]), (lambda a: a[g][None, :])


def constraints(hosts: Side, guests: Side, *, minimum_stay_days: int, h=slice(None), g=slice(None)) -> dict:
    """Each hard constraint as a boolean matrix: True where the pair respects it."""
    H, G = _pair(hosts, guests, h, g)
    overlap = np.minimum(H(hosts.end), G(guests.end)).astype(np.int64) - np.maximum(
        H(hosts.start), G(guests.start)
    ).astype(np.int64)
    return {
        "territory": H(hosts.territory) == G(guests.territory),
        "dates": overlap >= minimum_stay_days,
        "budget": H(hosts.money) <= G(guests.money),
        "smoking": ~(H(hosts.smoking) & G(guests.smoking)),
        "pets": ~H(hosts.pets) | G(guests.pets),
    }


def criteria(hosts: Side, guests: Side, *, h=slice(None), g=slice(None)) -> dict:
    """Each soft criterion as a float32 matrix in [0, 1]."""
    H, G = _pair(hosts, guests, h, g)
    common = np.bitwise_count(H(hosts.languages) & G(guests.languages)).astype(np.float32)
    union = np.bitwise_count(H(hosts.languages) | G(guests.languages)).astype(np.float32)
    languages = np.divide(common, union, out=np.zeros_like(common), where=union > 0)
    presence = 1 - np.abs(H(hosts.evenings).astype(np.float32) - G(guests.evenings).astype(np.float32)) / 7
    budget_g = G(guests.money)
    budget = np.clip((budget_g - H(hosts.money)) / np.maximum(budget_g, 1), 0, 1).astype(np.float32)
    guest_end = np.where(guests.end == NO_END, guests.start + DEFAULT_STAY_DAYS, guests.end)
    length = np.maximum(guest_end - guests.start, 1).astype(np.float32)
    overlap = np.minimum(H(hosts.end), G(guest_end)).astype(np.float32) - np.maximum(
        H(hosts.start), G(guests.start)
    ).astype(np.float32)
    stay = np.clip(overlap / G(length), 0, 1).astype(np.float32)
    return {"languages": languages, "presence": presence, "budget": budget, "stay": stay}


BLOCK_ROWS = 256


def _scores_block(hosts: Side, guests: Side, *, weights: Weights, minimum_stay_days: int, h, g):
    feasible = None
    for matrix in constraints(hosts, guests, minimum_stay_days=minimum_stay_days, h=h, g=g).values():
        feasible = matrix if feasible is None else feasible & matrix
    total_weight = sum(weights.as_dict().values()) or 1
    total = None
    for name, values in criteria(hosts, guests, h=h, g=g).items():
        weighted = values * np.float32(getattr(weights, name) * 100 / total_weight)
        total = weighted if total is None else total + weighted
    return total, feasible


def scores(hosts: Side, guests: Side, *, weights: Weights, minimum_stay_days: int, h=slice(None), g=slice(None)):
    """(scores in [0, 100], feasible) for every host × guest pair.

    Large matrices are computed a block of host rows at a time, which keeps the temporary
    arrays small enough to stay in the processor's cache.
    """
    if not (isinstance(h, slice) and h == slice(None)) or len(hosts) <= BLOCK_ROWS:
        return _scores_block(hosts, guests, weights=weights, minimum_stay_days=minimum_stay_days, h=h, g=g)
    n_guests = len(guests.ids[g])
    total = np.empty((len(hosts), n_guests), dtype=np.float32)
    feasible = np.empty((len(hosts), n_guests), dtype=bool)
    for start in range(0, len(hosts), BLOCK_ROWS):
        rows = slice(start, start + BLOCK_ROWS)
        total[rows], feasible[rows] = _scores_block(
            hosts, guests, weights=weights, minimum_stay_days=minimum_stay_days, h=rows, g=g
        )
    return total, feasible


@dataclass(frozen=True)
class Proposal:
    host_id: int
    guest_id: int
    score: float


def propose(hosts: Side, guests: Side, *, weights: Weights, minimum_stay_days: int) -> list[Proposal]:
    """The pairs that maximise the total score, each person in at most one pair."""
    if not len(hosts) or not len(guests):
        return []
    total, feasible = scores(hosts, guests, weights=weights, minimum_stay_days=minimum_stay_days)
    # Whole points: the scores people read, and many fewer distinct values for the solver.
    cost = np.rint(total, out=total).astype(np.float64)
    cost[~feasible] = INFEASIBLE
    rows, cols = linear_sum_assignment(cost, maximize=True)
    keep = feasible[rows, cols]
    return [
        Proposal(host_id=int(hosts.ids[r]), guest_id=int(guests.ids[c]), score=float(cost[r, c]))
        for r, c in zip(rows[keep], cols[keep], strict=True)
    ]


def top_k_guests(hosts: Side, host_index: int, guests: Side, *, weights: Weights, minimum_stay_days: int, k: int = 10):
    """The k best feasible guests for one host, best first: (guest index, score)."""
    total, feasible = scores(
        hosts, guests, weights=weights, minimum_stay_days=minimum_stay_days, h=[host_index], g=slice(None)
    )
    row = np.where(feasible[0], total[0], -np.inf)
    k = min(k, int(np.isfinite(row).sum()))
    if k == 0:
        return []
    best = np.argpartition(-row, k - 1)[:k]
    best = best[np.argsort(-row[best], kind="stable")]
    return [(int(i), round(float(row[i]), 1)) for i in best]


def explain(hosts: Side, host_index: int, guests: Side, guest_index: int, *, weights: Weights, minimum_stay_days: int):
    """Why this pair scores what it does, or why it is never suggested."""
    h, g = [host_index], [guest_index]
    broken = [
        name
        for name, matrix in constraints(hosts, guests, minimum_stay_days=minimum_stay_days, h=h, g=g).items()
        if not matrix[0, 0]
    ]
    total_weight = sum(weights.as_dict().values()) or 1
    parts = []
    for name, values in criteria(hosts, guests, h=h, g=g).items():
        weight = getattr(weights, name)
        parts.append(
            {
                "criterion": name,
                "label": CRITERION_LABELS[name],
                "value": round(float(values[0, 0]), 3),
                "weight": weight,
                "points": round(float(values[0, 0]) * weight * 100 / total_weight, 1),
            }
        )
    return {
        "suggested": not broken,
        "excluded_because": [{"constraint": name, "label": CONSTRAINT_LABELS[name]} for name in broken],
        "score": round(sum(p["points"] for p in parts), 1),
        "criteria": parts,
    }
