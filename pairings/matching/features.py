"""What the engine reads of each approved application, as arrays.

The answers come typed from the schema (:mod:`workflow.answers`): dates as dates, amounts as
decimals, choices as codes; an answer not given reads as ``None`` (or an empty tuple).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np
from django.conf import settings

from workflow.answers import GuestAnswers, HostAnswers, Smoking
from workflow.enums import Gender, GenderPreference, Interest, Service

from ..geo import locate

LANGUAGE_BITS = {code: 1 << index for index, (code, _name) in enumerate(settings.LANGUAGES)}
SERVICE_BITS = {code: 1 << index for index, code in enumerate(Service.values)}
INTEREST_BITS = {code: 1 << index for index, code in enumerate(Interest.values)}
#: 0 means "not said" for a gender and "no preference" for a wish.
GENDER_CODES = {Gender.WOMAN: 1, Gender.MAN: 2, Gender.OTHER: 3}
PREFERENCE_CODES = {GenderPreference.ANY: 0, GenderPreference.WOMAN: 1, GenderPreference.MAN: 2}
if max(len(LANGUAGE_BITS), len(SERVICE_BITS), len(INTEREST_BITS)) > 16:
    raise ImportError("Bit masks of languages, services and interests are stored on 16 bits.")
NO_END = np.iinfo(np.int32).max
UNKNOWN_BIRTH = 0


def _start(day: date | None) -> int:
    """A stay's first day; not given: available already."""
    return day.toordinal() if day else 0


def _end(day: date | None) -> int:
    """A stay's last day; not given: open-ended."""
    return day.toordinal() if day else NO_END


def _amount(value: Decimal | None) -> float:
    return float(value) if value is not None else 0.0


def _mask(codes, bits) -> int:
    mask = 0
    for code in codes or []:
        mask |= bits.get(code, 0)
    return mask


def _languages(codes) -> int:
    return _mask(codes, LANGUAGE_BITS)


def _born(row) -> int:
    born = getattr(row, "birth_date", None)
    return born.toordinal() if born else UNKNOWN_BIRTH


def _country_code(row) -> str | None:
    country = getattr(row, "country", None)
    return getattr(country, "code", None)


@dataclass
class Side:
    """One side of the market (hosts or guests) as parallel arrays."""

    ids: np.ndarray
    names: list[str]
    territory: np.ndarray
    languages: np.ndarray  # bit masks (uint16: up to 16 languages, services, interests)
    evenings: np.ndarray
    money: np.ndarray  # hosts: contribution asked; guests: budget
    start: np.ndarray  # ordinal days
    end: np.ndarray
    smoking: np.ndarray  # hosts: smoking forbidden at home; guests: smoker
    pets: np.ndarray  # hosts: pets at home; guests: happy with pets
    born: np.ndarray  # ordinal day of birth, 0 when unknown
    gender: np.ndarray  # GENDER_CODES, 0 when not said
    wants: np.ndarray  # PREFERENCE_CODES: whom they would rather live with
    step_free: np.ndarray  # hosts: home without steps; guests: needs one
    services: np.ndarray  # bit masks; hosts: help welcome; guests: help offered
    interests: np.ndarray  # bit masks
    practise: np.ndarray  # guests: languages they wish to practise (bit mask); hosts: 0
    lat: np.ndarray  # radians, NaN when unknown; hosts: the home; guests: the place of study
    lon: np.ndarray
    coslat: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


def _points(rows, postcodes):
    lat, lon = [], []
    for row, postcode in zip(rows, postcodes, strict=True):
        point = locate(_country_code(row), postcode)
        lat.append(math.radians(point[0]) if point else math.nan)
        lon.append(math.radians(point[1]) if point else math.nan)
    lat = np.array(lat, dtype=np.float32)
    return lat, np.array(lon, dtype=np.float32), np.cos(lat).astype(np.float32)


def hosts_side(applications) -> Side:
    rows = list(applications)
    a = [HostAnswers.read(r.answers) for r in rows]
    lat, lon, coslat = _points(rows, [x.postcode for x in a])
    return Side(
        ids=np.array([r.pk for r in rows], dtype=np.int64),
        names=[str(r) for r in rows],
        territory=np.array([r.territory_id for r in rows], dtype=np.int32),
        languages=np.array([_languages(x.languages) for x in a], dtype=np.uint16),
        evenings=np.array([x.evenings_per_week or 0 for x in a], dtype=np.int16),
        money=np.array([_amount(x.contribution) for x in a], dtype=np.float32),
        start=np.array([_start(x.available_from) for x in a], dtype=np.int32),
        end=np.array([_end(x.available_until) for x in a], dtype=np.int32),
        # A host who did not say is taken to keep a smoke-free home.
        smoking=np.array([x.smoking in (None, Smoking.NO) for x in a], dtype=bool),
        pets=np.array([bool((x.pets or "").strip()) for x in a], dtype=bool),
        born=np.array([_born(r) for r in rows], dtype=np.int32),
        gender=np.array([GENDER_CODES.get(x.gender, 0) for x in a], dtype=np.int8),
        wants=np.array([PREFERENCE_CODES.get(x.guest_gender, 0) for x in a], dtype=np.int8),
        step_free=np.array([bool(x.step_free) for x in a], dtype=bool),
        services=np.array([_mask(x.services, SERVICE_BITS) for x in a], dtype=np.uint16),
        interests=np.array([_mask(x.interests, INTEREST_BITS) for x in a], dtype=np.uint16),
        practise=np.zeros(len(rows), dtype=np.uint16),
        lat=lat,
        lon=lon,
        coslat=coslat,
    )


def guests_side(applications) -> Side:
    rows = list(applications)
    a = [GuestAnswers.read(r.answers) for r in rows]
    lat, lon, coslat = _points(rows, [x.institution_postcode for x in a])
    return Side(
        ids=np.array([r.pk for r in rows], dtype=np.int64),
        names=[str(r) for r in rows],
        territory=np.array([r.territory_id for r in rows], dtype=np.int32),
        languages=np.array([_languages(x.languages) for x in a], dtype=np.uint16),
        evenings=np.array([x.evenings_per_week or 0 for x in a], dtype=np.int16),
        money=np.array([_amount(x.budget) for x in a], dtype=np.float32),
        start=np.array([_start(x.start_date) for x in a], dtype=np.int32),
        end=np.array([_end(x.end_date) for x in a], dtype=np.int32),
        smoking=np.array([bool(x.smoker) for x in a], dtype=bool),
        pets=np.array([bool(x.pets_ok) for x in a], dtype=bool),
        born=np.array([_born(r) for r in rows], dtype=np.int32),
        gender=np.array([GENDER_CODES.get(x.gender, 0) for x in a], dtype=np.int8),
        wants=np.array([PREFERENCE_CODES.get(x.host_gender, 0) for x in a], dtype=np.int8),
        step_free=np.array([bool(x.needs_step_free) for x in a], dtype=bool),
        services=np.array([_mask(x.services, SERVICE_BITS) for x in a], dtype=np.uint16),
        interests=np.array([_mask(x.interests, INTEREST_BITS) for x in a], dtype=np.uint16),
        practise=np.array([_languages(x.wish_to_practise) for x in a], dtype=np.uint16),
        lat=lat,
        lon=lon,
        coslat=coslat,
    )
