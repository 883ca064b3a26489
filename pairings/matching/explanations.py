"""The facts behind each point of a score, in the reader's language.

The engine says how many points a criterion gives; an advisor needs to read why: which languages
the two share, how far the home is from the place of study, which help is hoped for and offered.
These sentences are read back from the same arrays the engine scored (:mod:`.features`), so what
is written is exactly what was counted. They are made in the active language (the staff member's),
never in a template.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from django.utils import formats
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from workflow.enums import Interest, Service

from .features import INTEREST_BITS, LANGUAGE_BITS, NO_END, SERVICE_BITS, Side

#: Languages in which the name of a language is a common noun, written in lower case mid-sentence.
LOWER_CASE_LANGUAGE_NAMES = frozenset({"fr", "es", "it", "pt"})
DEFAULT_STAY_DAYS = 365


def _language_name(code: str) -> str:
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
    if (get_language() or "").split("-")[0] in LOWER_CASE_LANGUAGE_NAMES:
        return name.lower()
    return name


def _codes(mask, bits: dict[str, int]) -> list[str]:
    mask = int(mask)
    return [code for code, bit in bits.items() if mask & bit]


def _list(names: list[str]) -> str:
    return ", ".join(names) if names else _("none")


def _languages(mask) -> str:
    return _list([_language_name(code) for code in _codes(mask, LANGUAGE_BITS)])


def _services(mask) -> str:
    return _list([str(Service(code).label) for code in _codes(mask, SERVICE_BITS)])


def _interests(mask) -> str:
    return _list([str(Interest(code).label) for code in _codes(mask, INTEREST_BITS)])


def _money(amount, currency: str) -> str:
    value = float(amount)
    shown = formats.number_format(value, decimal_pos=0 if value.is_integer() else 2, use_l10n=True)
    return f"{shown} {currency}".strip()


def _day(ordinal: int) -> str:
    return formats.date_format(date.fromordinal(int(ordinal)), "DATE_FORMAT")


def period(start: int, end: int) -> str:
    """A stay's dates as words: ``start`` 0 is "already", ``end`` :data:`NO_END` is "no end"."""
    start, end = int(start), int(end)
    if start > 0 and end != NO_END:
        return _("from %(start)s to %(end)s") % {"start": _day(start), "end": _day(end)}
    if start > 0:
        return _("from %(start)s, with no end date") % {"start": _day(start)}
    if end != NO_END:
        return _("until %(end)s") % {"end": _day(end)}
    return _("at any time")


def _stay(hosts: Side, h: int, guests: Side, g: int) -> str:
    guest_start, guest_end = int(guests.start[g]), int(guests.end[g])
    if guest_end == NO_END:
        # Scored as a year's stay, as the engine does, but said as the guest said it.
        counted_end = guest_start + DEFAULT_STAY_DAYS
    else:
        counted_end = guest_end
    start = max(int(hosts.start[h]), guest_start)
    end = min(int(hosts.end[h]), counted_end)
    wanted = period(guest_start, guest_end)
    if end <= start:
        return _("dates do not overlap: the host is available %(host)s; the guest's stay: %(guest)s") % {
            "host": period(hosts.start[h], hosts.end[h]),
            "guest": wanted,
        }
    if start <= guest_start and end >= counted_end:
        return _("dates overlap for the guest's whole stay, %(period)s") % {"period": wanted}
    # Up to the end of an open-ended stay: said as "no end date", not as the year the engine counts.
    shown_end = NO_END if end == counted_end and guest_end == NO_END else end
    return _("dates overlap %(overlap)s; the guest's stay: %(guest)s") % {
        "overlap": period(start, shown_end),
        "guest": wanted,
    }


def _distance(km: float | None) -> str:
    if km is None:
        return _("distance to the place of study unknown (a postcode is missing or not found)")
    return _("%(km)s km from the place of study") % {"km": formats.number_format(km, decimal_pos=1, use_l10n=True)}


def criterion_facts(hosts: Side, h: int, guests: Side, g: int, *, km: float | None, currency: str = "") -> dict:
    """For each soft criterion, the facts it was computed from, as one sentence."""
    host_languages, guest_languages = int(hosts.languages[h]), int(guests.languages[g])
    common = host_languages & guest_languages
    if common:
        languages = _("both speak %(languages)s") % {"languages": _languages(common)}
    else:
        languages = _("no language in common: the host speaks %(host)s; the guest speaks %(guest)s") % {
            "host": _languages(host_languages),
            "guest": _languages(guest_languages),
        }
    practise_mask = int(guests.practise[g])
    if practise_mask:
        practise = _("the guest speaks %(speaks)s, wants to practise %(practise)s; the host speaks %(host)s") % {
            "speaks": _languages(guest_languages),
            "practise": _languages(practise_mask),
            "host": _languages(host_languages),
        }
    else:
        practise = _("the guest did not say which language they wish to practise")
    interests_common = int(hosts.interests[h]) & int(guests.interests[g])
    if interests_common:
        interests = _("shared interests: %(interests)s") % {"interests": _interests(interests_common)}
    else:
        interests = _("no shared interest: the host likes %(host)s; the guest likes %(guest)s") % {
            "host": _interests(hosts.interests[h]),
            "guest": _interests(guests.interests[g]),
        }
    return {
        "languages": languages,
        "presence": _("evenings at home hoped for by the host: %(host)d a week — offered by the guest: %(guest)d")
        % {"host": int(hosts.evenings[h]), "guest": int(guests.evenings[g])},
        "budget": _budget(hosts, h, guests, g, currency),
        "stay": _stay(hosts, h, guests, g),
        "services": _("help hoped for: %(hoped)s — offered: %(offered)s")
        % {"hoped": _services(hosts.services[h]), "offered": _services(guests.services[g])},
        "distance": _distance(km),
        "interests": interests,
        "practise": practise,
    }


def _budget(hosts: Side, h: int, guests: Side, g: int, currency: str) -> str:
    return _("contribution asked: %(asked)s a month — the guest's budget: %(budget)s") % {
        "asked": _money(hosts.money[h], currency),
        "budget": _money(guests.money[g], currency),
    }


def constraint_facts(
    hosts: Side, h: int, guests: Side, g: int, *, km: float | None, max_km: float, currency: str = ""
) -> dict:
    """For the hard constraints whose facts are numbers or dates, those facts, as one sentence."""
    facts = {
        "dates": _stay(hosts, h, guests, g),
        "budget": _budget(hosts, h, guests, g, currency),
    }
    if km is not None and np.isfinite(km):
        facts["distance"] = _("%(km)s km from the place of study; the country allows %(max)s km") % {
            "km": formats.number_format(km, decimal_pos=1, use_l10n=True),
            "max": formats.number_format(max_km, decimal_pos=0, use_l10n=True),
        }
    return facts
