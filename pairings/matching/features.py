"""What the engine reads of each approved application, as arrays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

import numpy as np
from django.conf import settings

LANGUAGE_BITS = {code: 1 << index for index, (code, _name) in enumerate(settings.LANGUAGES)}
NO_END = np.iinfo(np.int32).max


def _day(value) -> int:
    if not value:
        return NO_END
    if isinstance(value, date):
        return value.toordinal()
    try:
        return date.fromisoformat(str(value)).toordinal()
    except ValueError:
        return NO_END


def _amount(value) -> float:
    try:
        return float(Decimal(str(value)))
    except (InvalidOperation, ValueError, TypeError):
        return 0.0


def _languages(codes) -> int:
    mask = 0
    for code in codes or []:
        mask |= LANGUAGE_BITS.get(code, 0)
    return mask


@dataclass
class Side:
    """One side of the market (hosts or guests) as parallel arrays."""

    ids: np.ndarray
    names: list[str]
    territory: np.ndarray
    languages: np.ndarray  # bit masks
    evenings: np.ndarray
    money: np.ndarray  # hosts: contribution asked; guests: budget
    start: np.ndarray  # ordinal days
    end: np.ndarray
    smoking: np.ndarray  # hosts: smoking forbidden at home; guests: smoker
    pets: np.ndarray  # hosts: pets at home; guests: happy with pets

    def __len__(self) -> int:
        return len(self.ids)


def hosts_side(applications) -> Side:
    rows = list(applications)
    a = [r.answers for r in rows]
    return Side(
        ids=np.array([r.pk for r in rows], dtype=np.int64),
        names=[str(r) for r in rows],
        territory=np.array([r.territory_id for r in rows], dtype=np.int64),
        languages=np.array([_languages(x.get("languages")) for x in a], dtype=np.int64),
        evenings=np.array([int(x.get("evenings_per_week") or 0) for x in a], dtype=np.int16),
        money=np.array([_amount(x.get("contribution")) for x in a], dtype=np.float32),
        start=np.array([_day(x.get("available_from")) if x.get("available_from") else 0 for x in a], dtype=np.int32),
        end=np.array([_day(x.get("available_until")) for x in a], dtype=np.int32),
        smoking=np.array([x.get("smoking", "no") == "no" for x in a], dtype=bool),
        pets=np.array([bool((x.get("pets") or "").strip()) for x in a], dtype=bool),
    )


def guests_side(applications) -> Side:
    rows = list(applications)
    a = [r.answers for r in rows]
    return Side(
        ids=np.array([r.pk for r in rows], dtype=np.int64),
        names=[str(r) for r in rows],
        territory=np.array([r.territory_id for r in rows], dtype=np.int64),
        languages=np.array([_languages(x.get("languages")) for x in a], dtype=np.int64),
        evenings=np.array([int(x.get("evenings_per_week") or 0) for x in a], dtype=np.int16),
        money=np.array([_amount(x.get("budget")) for x in a], dtype=np.float32),
        start=np.array([_day(x.get("start_date")) if x.get("start_date") else 0 for x in a], dtype=np.int32),
        end=np.array([_day(x.get("end_date")) for x in a], dtype=np.int32),
        smoking=np.array([bool(x.get("smoker")) for x in a], dtype=bool),
        pets=np.array([bool(x.get("pets_ok")) for x in a], dtype=bool),
    )
