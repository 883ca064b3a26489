"""Speed of the matching engine on synthetic territories (no database).

    .venv/bin/python bench/matching.py [--quick]

Prints: scoring + optimal assignment for 5,000 hosts × 5,000 guests (goal: under 5 s); top-10
suggestions for one host among 50,000 guests (goal: under 100 ms); a plain-Python pairwise loop
on a sample and the speed-up of the vectorised engine; how the cost grows from 500 to 5,000.
The last line is one JSON object with the figures. The synthetic stays start in the coming
months, whenever the bench runs. ``--quick`` runs the same steps on smaller sizes in a few
seconds, to show the bench still works (CI); its figures are not judged against the goals.
"""

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from pairings.matching.engine import Rules, Weights, constraints, criteria, propose, scores, top_k_guests  # noqa: E402
from pairings.matching.features import NO_END, Side  # noqa: E402

MIN_STAY = 90
RULES = Rules(minimum_stay_days=MIN_STAY)
WEIGHTS = Weights()


#: Full sizes and quick ones: assignment side, top-k candidates, plain-Python sample, growth steps.
SIZES = {
    "full": {"assign": 5000, "candidates": 50000, "sample": 60, "growth": (500, 1000, 2000, 5000)},
    "quick": {"assign": 1000, "candidates": 10000, "sample": 20, "growth": (250, 500, 1000)},
}


def synthetic(n: int, *, hosts: bool, seed: int) -> Side:
    rng = np.random.default_rng(seed)
    # Stays start within four months of today: the engine judges dates and ages from today.
    start = (date.today().toordinal() + rng.integers(0, 120, n)).astype(np.int32)
    return Side(
        ids=np.arange(n, dtype=np.int64),
        names=[""] * n,
        territory=np.zeros(n, dtype=np.int32),
        languages=rng.integers(1, 64, n).astype(np.uint16),
        evenings=rng.integers(0, 8, n).astype(np.int16),
        money=(rng.integers(0, 151, n) if hosts else rng.integers(50, 300, n)).astype(np.float32),
        start=start,
        end=np.where(rng.random(n) < 0.3, NO_END, start + rng.integers(120, 700, n)).astype(np.int32),
        smoking=rng.random(n) < (0.7 if hosts else 0.15),
        pets=rng.random(n) < (0.3 if hosts else 0.6),
        born=(start - rng.integers(61, 90, n) * 365 if hosts else start - rng.integers(18, 29, n) * 365).astype(
            np.int32
        ),
        gender=rng.integers(0, 4, n).astype(np.int8),
        wants=np.where(rng.random(n) < 0.2, rng.integers(1, 3, n), 0).astype(np.int8),
        step_free=rng.random(n) < (0.4 if hosts else 0.05),
        services=rng.integers(0, 32, n).astype(np.uint16),
        interests=rng.integers(0, 1024, n).astype(np.uint16),
        practise=(np.zeros(n) if hosts else rng.integers(0, 64, n)).astype(np.uint16),
        # Homes and places of study spread over a metropolitan area about 60 km across.
        lat=np.radians(44.84 + rng.normal(0, 0.12, n)).astype(np.float32),
        lon=np.radians(-0.58 + rng.normal(0, 0.16, n)).astype(np.float32),
        coslat=np.cos(np.radians(np.full(n, 44.84))).astype(np.float32),
    )


def timed(function, repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def plain_python_scores(hosts: Side, guests: Side) -> list[list[float]]:
    """The same score, pair by pair, as a loop would compute it (the baseline)."""
    weights = WEIGHTS.as_dict()
    total_weight = sum(weights.values())
    out = []
    for i in range(len(hosts)):
        row = []
        for j in range(len(guests)):
            c = constraints(hosts, guests, rules=RULES, h=[i], g=[j])
            if not all(bool(m[0, 0]) for m in c.values()):
                row.append(float("-inf"))
                continue
            k = criteria(hosts, guests, rules=RULES, h=[i], g=[j])
            row.append(sum(float(k[name][0, 0]) * w * 100 / total_weight for name, w in weights.items()))
        out.append(row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, a few seconds; goals not judged")
    args = parser.parse_args()
    size = SIZES["quick" if args.quick else "full"]
    n, m, sample = size["assign"], size["candidates"], size["sample"]

    def goal(text: str) -> str:
        return "" if args.quick else f"  goal {text}"

    figures = {"quick": args.quick}
    hosts, guests = synthetic(n, hosts=True, seed=1), synthetic(n, hosts=False, seed=2)
    seconds, proposal = timed(lambda: propose(hosts, guests, weights=WEIGHTS, rules=RULES))
    figures[f"assign_{n}x{n}_s"] = round(seconds, 3)
    print(f"scoring + optimal assignment, {n:,} × {n:,}: {seconds:.2f} s ({len(proposal)} pairs){goal('< 5 s')}")

    many = synthetic(m, hosts=False, seed=3)
    seconds, _ = timed(lambda: top_k_guests(hosts, 0, many, weights=WEIGHTS, rules=RULES, k=10), repeat=5)
    figures[f"top10_among_{m}_ms"] = round(seconds * 1000, 2)
    print(f"top-10 suggestions among {m:,} candidates: {seconds * 1000:.1f} ms{goal('< 100 ms')}")

    sample_h, sample_g = synthetic(sample, hosts=True, seed=4), synthetic(sample, hosts=False, seed=5)
    loop_s, looped = timed(lambda: plain_python_scores(sample_h, sample_g))
    _, (total, feasible) = timed(lambda: scores(sample_h, sample_g, weights=WEIGHTS, rules=RULES), repeat=5)
    same = np.allclose(np.where(feasible, total, -np.inf), np.array(looped), atol=1e-3, equal_nan=True)
    per_pair_loop = loop_s / sample**2
    per_pair_vector = timed(lambda: scores(hosts, guests, weights=WEIGHTS, rules=RULES))[0] / n**2
    figures["speedup_vs_python_loop"] = round(per_pair_loop / per_pair_vector)
    print(
        f"plain-Python loop: {per_pair_loop * 1e6:.1f} µs a pair; vectorised: {per_pair_vector * 1e9:.1f} ns a pair; "
        f"speed-up ×{figures['speedup_vs_python_loop']:,} (same scores: {same})"
    )

    growth = {}
    for k in size["growth"]:
        h, g = synthetic(k, hosts=True, seed=10 + k), synthetic(k, hosts=False, seed=20 + k)
        seconds, _ = timed(lambda h=h, g=g: propose(h, g, weights=WEIGHTS, rules=RULES))
        growth[str(k)] = round(seconds, 3)
        print(f"  {k:>5} × {k:<5} {seconds:7.3f} s")
    figures["growth_s"] = growth
    # Short names of the main figures, beside the descriptive ones.
    figures[f"assign_{n}_s"] = figures[f"assign_{n}x{n}_s"]
    figures[f"topk_{m}_ms"] = figures[f"top10_among_{m}_ms"]
    figures["naive_speedup"] = figures["speedup_vs_python_loop"]
    figures["growth"] = figures["growth_s"]
    if args.quick:
        figures["goals_met"] = None  # sizes too small to judge
    else:
        figures["goals_met"] = figures["assign_5000x5000_s"] < 5 and figures["top10_among_50000_ms"] < 100 and same
    print(json.dumps(figures))
    if not same:
        sys.exit("the vectorised scores differ from the plain-Python ones")


if __name__ == "__main__":
    main()
