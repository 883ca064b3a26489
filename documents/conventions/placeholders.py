"""The placeholders a convention template may use, and their values for one pairing."""

import re

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from workflow.answers import MEALS, PETS, SMOKING, VISITS, host_answers

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

#: name → what it stands for (shown to template editors).
PLACEHOLDERS = {
    "host_name": _("the host's full name"),
    "host_birth_date": _("the host's date of birth"),
    "guest_name": _("the guest's full name"),
    "guest_birth_date": _("the guest's date of birth"),
    "guest_address": _("the guest's postal address before the stay"),
    "address": _("the address of the home"),
    "room": _("the room"),
    "room_size": _("the room's size in square metres"),
    "furnished": _("whether the room is furnished"),
    "shared_rooms": _("the rooms shared with the host"),
    "start_date": _("the first day of the stay"),
    "end_date": _("the planned last day"),
    "contribution": _("the monthly contribution to charges"),
    "currency": _("the currency"),
    "presence": _("the evenings of presence agreed per week"),
    "house_rules": _("the house rules"),
    "notice_days": _("the notice period in days"),
    "trial_days": _("the trial period in days"),
    "association": _("the association"),
    "association_address": _("the association's address"),
    "association_representative": _("the person who represents the association"),
    "pension_office": _("the pension office"),
    "reference": _("the convention's reference"),
    "made_at": _("the town where the convention is made"),
    "made_on": _("the date the convention is drawn up"),
    "originals": _("the number of originals (one per party)"),
}
#: One original per signing party: guest, host, association, pension office.
ORIGINALS = 4


def unknown_placeholders(text: str) -> list[str]:
    return sorted({name for name in PLACEHOLDER.findall(text or "") if name not in PLACEHOLDERS})


def fill(html: str, values: dict[str, str]) -> str:
    """Replace each placeholder by its (escaped) value; values are plain text."""
    return PLACEHOLDER.sub(lambda m: escape(values.get(m.group(1), m.group(0))), html or "")


def _full_name(application) -> str:
    return f"{application.first_name} {application.last_name}"


def _one_line(text: str) -> str:
    return ", ".join(line.strip() for line in (text or "").splitlines() if line.strip())


def _representative(association) -> str:
    """The association's manager (else its first advisor) signs for it, under their full name."""
    if association is None:
        return ""
    from workflow.enums import StaffRole

    for role in (StaffRole.ASSOCIATION_MANAGER, StaffRole.ADVISOR):
        membership = (
            association.memberships.filter(role=role, user__is_active=True)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if membership is not None:
            return membership.user.get_full_name() or membership.user.get_username()
    return ""


def _shared_rooms(answers) -> str:
    """What the guest shares with the host, read from the host's answers: the kitchen always (meals
    shared or not), the dining room when meals are shared, the bathroom and the living room."""
    from workflow.answers import Meals

    rooms = [_("the kitchen"), _("the bathroom"), _("the living room")]
    if answers.meals in (Meals.SHARED, Meals.SOMETIMES):
        rooms.insert(1, _("the dining table at shared meals"))
    return ", ".join(str(room) for room in rooms)


def values_for(convention, language: str) -> dict[str, str]:
    """Every placeholder's value for the convention, in the active language (``language``)."""
    pairing = convention.pairing
    host, guest = pairing.host, pairing.guest
    country = host.country
    answers = host_answers(host)
    association = host.territory.associations.first()
    office = host.territory.effective_pension_office()
    start = pairing.moved_in_on or pairing.created_at.date()
    end = pairing.planned_end or pairing.end_from_the_files()
    person = guest.person if guest.person_id else None
    guest_address = ""
    if person is not None:
        guest_address = ", ".join(
            part for part in (_one_line(person.postal_address), person.postcode, person.city) if part
        )
    furnished = {True: _("furnished"), False: _("unfurnished"), None: _("furnished as seen at the visit")}
    return {
        "host_name": _full_name(host),
        "host_birth_date": date_format(host.birth_date, "DATE_FORMAT"),
        "guest_name": _full_name(guest),
        "guest_birth_date": date_format(guest.birth_date, "DATE_FORMAT"),
        "guest_address": guest_address or str(_("the address given in the guest's file")),
        "address": ", ".join(part for part in (answers.address, answers.postcode, answers.city) if part),
        "room": str(answers.room or _("the room described in the host's file")),
        "room_size": str(answers.room_size) if answers.room_size else "—",
        "furnished": str(furnished[answers.furnished]),
        "shared_rooms": _shared_rooms(answers),
        "start_date": date_format(start, "DATE_FORMAT"),
        "end_date": date_format(end, "DATE_FORMAT") if end else "—",
        "contribution": number_format(answers.contribution if answers.contribution is not None else 0),
        "currency": country.currency,
        "presence": str(answers.evenings_per_week if answers.evenings_per_week is not None else "—"),
        "house_rules": "; ".join(str(line) for line in house_rules(host)) or "—",
        "notice_days": str(country.notice_period_days),
        "trial_days": str(country.trial_period_days),
        "association": association.name if association else "—",
        "association_address": _one_line(association.address) if association and association.address else "—",
        "association_representative": _representative(association) or "—",
        "pension_office": office.name if office else "—",
        "reference": convention.reference,
        "made_at": answers.city or host.territory.name,
        "made_on": date_format(timezone.localdate(convention.created_at), "DATE_FORMAT"),
        "originals": str(ORIGINALS),
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
