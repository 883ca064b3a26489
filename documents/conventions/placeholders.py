"""The placeholders a convention template may use, and their values for one pairing."""

import re

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from workflow.answers import MEALS, PETS, SMOKING, VISITS, host_answers

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

#: name → what it stands for (shown to template editors).
PLACEHOLDERS = {
    "host_name": _("the host's full name"),
    "guest_name": _("the guest's full name"),
    "address": _("the address of the home"),
    "room": _("the room"),
    "start_date": _("the first day of the stay"),
    "end_date": _("the planned last day"),
    "contribution": _("the monthly contribution to charges"),
    "currency": _("the currency"),
    "presence": _("the evenings of presence agreed per week"),
    "house_rules": _("the house rules"),
    "notice_days": _("the notice period in days"),
    "trial_days": _("the trial period in days"),
    "association": _("the association"),
    "pension_office": _("the pension office"),
    "reference": _("the convention's reference"),
}


def unknown_placeholders(text: str) -> list[str]:
    return sorted({name for name in PLACEHOLDER.findall(text or "") if name not in PLACEHOLDERS})


def fill(html: str, values: dict[str, str]) -> str:
    """Replace each placeholder by its (escaped) value; values are plain text."""
    return PLACEHOLDER.sub(lambda m: escape(values.get(m.group(1), m.group(0))), html or "")


def values_for(convention, language: str) -> dict[str, str]:
    pairing = convention.pairing
    host, guest = pairing.host, pairing.guest
    country = host.country
    answers = host_answers(host)
    association = host.territory.associations.first()
    office = host.territory.effective_pension_office()
    start = pairing.moved_in_on or pairing.created_at.date()
    end = pairing.planned_end or pairing.end_from_the_files()
    return {
        "host_name": f"{host.first_name} {host.last_name}",
        "guest_name": f"{guest.first_name} {guest.last_name}",
        "address": ", ".join(part for part in (answers.address, answers.postcode, answers.city) if part),
        "room": str(answers.room or _("the room described in the host's file")),
        "start_date": date_format(start, "DATE_FORMAT"),
        "end_date": date_format(end, "DATE_FORMAT") if end else "—",
        "contribution": str(answers.contribution if answers.contribution is not None else "0"),
        "currency": country.currency,
        "presence": str(answers.evenings_per_week if answers.evenings_per_week is not None else "—"),
        "house_rules": "; ".join(str(line) for line in house_rules(host)),
        "notice_days": str(country.notice_period_days),
        "trial_days": str(country.trial_period_days),
        "association": association.name if association else "—",
        "pension_office": office.name if office else "—",
        "reference": convention.reference,
    }


def house_rules(host) -> list[str]:
    """The host's house rules, in the active language."""
    from workflow.forms import HostHomeForm

    answers = host_answers(host)
    rules = []
    for answer, value in ((SMOKING, answers.smoking), (VISITS, answers.visits), (MEALS, answers.meals)):
        if value:
            rules.append(f"{HostHomeForm.base_fields[answer.name].label}: {value.label}")
    if answers.pets:
        rules.append(f"{HostHomeForm.base_fields[PETS.name].label}: {answers.pets}")
    return rules
