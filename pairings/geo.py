"""Offline geocoding: a postcode gives the coordinates of its commune, from tables on disk.

The repository ships ``pairings/geodata/postcodes.tsv`` (the programme's territories and the
main university cities) in the GeoNames postal-code layout; a full national file from GeoNames
(``FR.txt``, ``ES.txt``…) can be added with the ``GEOCODING_FILES`` setting, no network needed.
"""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

from django.conf import settings

SHIPPED = Path(__file__).resolve().parent / "geodata" / "postcodes.tsv"
EARTH_RADIUS_KM = 6371.0


def _normalise(postcode) -> str:
    return "".join(str(postcode or "").split()).upper()


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[float, float]]:
    table: dict[tuple[str, str], tuple[float, float]] = {}
    for path in [SHIPPED, *getattr(settings, "GEOCODING_FILES", [])]:
        with open(path, encoding="utf-8", newline="") as file:
            for row in csv.reader(file, delimiter="\t"):
                if len(row) < 11:
                    continue
                try:
                    point = (float(row[9]), float(row[10]))
                except ValueError:
                    continue
                # Several communes may share a postcode: the first one listed stands for it.
                table.setdefault((row[0].upper(), _normalise(row[1])), point)
    return table


def locate(country_code: str | None, postcode) -> tuple[float, float] | None:
    """(latitude, longitude) of a postcode's commune, or None when unknown.

    Portuguese codes are also tried on their first four digits (``1000-001`` → ``1000``).
    """
    if not country_code or not postcode:
        return None
    table = _table()
    code = _normalise(postcode)
    country = country_code.upper()
    found = table.get((country, code))
    if found is None and "-" in code:
        found = table.get((country, code.split("-")[0]))
    return found


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
