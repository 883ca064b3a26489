"""How a host and a guest are described to each other on a proposal, as a person would want to read it.

The portrait is written for the reader: "Who you would live with", "What Marie says about
herself", never the labels of the other person's form. It holds only what the other person may
see before both accept (see ``README``, *Pairings*): the first name, the age at the start of the
stay, what they do, the languages they speak, their own words, the help they offer or would
welcome, the home and its rules, the dates and the contribution. Never the surname, the contact
details, the address or the documents.

Where a language marks the gender of a person ("Étudiante", "Elle parle…"), the sentences are
translated with the contexts ``female`` and ``male``, and without a context when the person did
not say (or chose another answer): that wording names no gender.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.text import get_text_list
from django.utils.translation import (
    get_language,
    get_language_info,
    gettext,
    gettext_lazy,
    ngettext,
    npgettext,
    pgettext_lazy,
)

from workflow.answers import (
    GuestAnswers,
    HostAnswers,
    Meals,
    Programme,
    Smoking,
    Visits,
    Weekends,
    guest_answers,
    host_answers,
)
from workflow.enums import Gender

FEMALE, MALE, NEUTRAL = "female", "male", "neutral"

#: Languages that write the name of a language in lower case within a sentence ("elle parle français").
LOWER_CASE_LANGUAGE_NAMES = frozenset({"fr", "es", "it", "pt"})

#: Currencies shown by their sign rather than by their ISO code.
CURRENCY_SIGNS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}

#: Answers of the guest's form that ``workflow.answers`` does not declare (stored as they come):
#: the guest's own words and where they study or work. Read as text or not at all.
MOTIVATION, INSTITUTION = "motivation", "institution"


@dataclass(frozen=True)
class Fact:
    """One thing the reader learns, under a label written for them."""

    label: str
    text: str


@dataclass(frozen=True)
class Portrait:
    """What a proposal shows of the other person; every text is already in the reader's language,
    and a fact nobody gave is absent (an empty string or an empty tuple), never "None"."""

    first_name: str
    #: The language the person wrote their own words in (their file's), for the page to mark it.
    written_in: str = ""
    age: str = ""
    occupation: str = ""
    institution: str = ""
    sentences: tuple[str, ...] = ()
    own_words_heading: str = ""
    own_words: str = ""
    wishes_heading: str = ""
    wishes: str = ""
    home_heading: str = ""
    #: The host's own description of the room, in their language.
    room_text: str = ""
    room: tuple[str, ...] = ()
    house_rules: tuple[Fact, ...] = ()
    stay: tuple[Fact, ...] = ()


def grammatical_gender(answers: HostAnswers | GuestAnswers) -> str:
    """The context a person's sentences are translated in: ``female``, ``male`` or ``neutral``."""
    if answers.gender == Gender.WOMAN:
        return FEMALE
    if answers.gender == Gender.MAN:
        return MALE
    return NEUTRAL


def stay_start(pairing) -> date:
    """The first day of the stay: the day they moved in, else the later of the day the room is free
    and the day the guest arrives, and never before today."""
    if pairing.moved_in_on:
        return pairing.moved_in_on
    days = [host_answers(pairing.host).available_from, guest_answers(pairing.guest).start_date]
    return max([timezone.localdate(), *(day for day in days if day)])


def stay_end(pairing) -> date | None:
    """The planned last day of the stay, when one is known."""
    return pairing.planned_end or pairing.end_from_the_files()


def portrait_of(pairing, *, reader_is_host: bool) -> Portrait:
    """The other person of a pairing, described to the reader (the host reads about the guest)."""
    start = stay_start(pairing)
    stay = _stay(pairing, start, contribution_for_the_reader=not reader_is_host)
    if reader_is_host:
        return guest_portrait(pairing.guest, start=start, stay=stay)
    return host_portrait(pairing.host, start=start, stay=stay)


# -- the guest, as the host reads about them ----------------------------------------------------


def guest_portrait(application, *, start: date, stay: Sequence[Fact] = ()) -> Portrait:
    answers = guest_answers(application)
    gender = grammatical_gender(answers)
    name = application.first_name
    sentences = [
        text
        for text in (
            _speaks(gender, answers.languages),
            OFFERS.said_of(gender, services=_labels(answers.services)) if answers.services else "",
            ENJOYS.said_of(gender, interests=_labels(answers.interests)) if answers.interests else "",
            _evenings_offered(gender, answers.evenings_per_week),
            _either(gender, answers.smoker, SMOKES, DOES_NOT_SMOKE),
            _either(gender, answers.pets_ok, PETS_WELCOME, NO_PETS),
        )
        if text
    ]
    own_words = _text(application.answers.get(MOTIVATION))
    wishes = _text(answers.preferences)
    return Portrait(
        first_name=name,
        written_in=application.language or "",
        age=_age(application, start),
        occupation=_occupation(gender, answers.programme, _text(answers.city)),
        institution=_text(application.answers.get(INSTITUTION)),
        sentences=tuple(sentences),
        own_words_heading=OWN_WORDS.said_of(gender, name=name) if own_words else "",
        own_words=own_words,
        wishes_heading=gettext("What matters to %(name)s") % {"name": name} if wishes else "",
        wishes=wishes,
        stay=tuple(stay),
    )


# -- the host, as the guest reads about them ----------------------------------------------------


def host_portrait(application, *, start: date, stay: Sequence[Fact] = ()) -> Portrait:
    answers = host_answers(application)
    gender = grammatical_gender(answers)
    name = application.first_name
    sentences = [
        text
        for text in (
            _speaks(gender, answers.languages),
            WELCOMES.said_of(gender, services=_labels(answers.services)) if answers.services else "",
            ENJOYS.said_of(gender, interests=_labels(answers.interests)) if answers.interests else "",
        )
        if text
    ]
    return Portrait(
        first_name=name,
        written_in=application.language or "",
        age=_age(application, start),
        sentences=tuple(sentences),
        home_heading=gettext("At %(name)s's home") % {"name": name},
        room_text=_text(answers.room),
        room=tuple(_room(answers)),
        house_rules=tuple(_house_rules(answers, name)),
        stay=tuple(stay),
    )


def _room(answers: HostAnswers) -> list[str]:
    """The room's facts, in the reader's language (the host's own words are ``room_text``)."""
    lines = []
    if answers.room_size:
        lines.append(gettext("The room measures %(size)s m².") % {"size": answers.room_size})
    if answers.furnished is True:
        lines.append(gettext("The room is furnished."))
    elif answers.furnished is False:
        lines.append(gettext("The room is not furnished."))
    return lines


def _house_rules(answers: HostAnswers, name: str) -> list[Fact]:
    rules = []
    if answers.smoking:
        smoking = {
            Smoking.NO: gettext("not in the home"),
            Smoking.OUTSIDE: gettext("outside only"),
            Smoking.YES: gettext("allowed"),
        }[answers.smoking]
        rules.append(Fact(gettext("Smoking"), smoking))
    if answers.visits:
        visits = {
            Visits.WELCOME: gettext("your friends are welcome"),
            Visits.ASK: gettext("after asking %(name)s") % {"name": name},
            Visits.NO: gettext("not in the home"),
        }[answers.visits]
        rules.append(Fact(gettext("Friends visiting"), visits))
    if answers.meals:
        meals = {
            Meals.SHARED: gettext("often shared"),
            Meals.SOMETIMES: gettext("sometimes shared"),
            Meals.SEPARATE: gettext("each on their own"),
        }[answers.meals]
        rules.append(Fact(gettext("Meals"), meals))
    if answers.evenings_per_week:
        evenings = ngettext(
            "%(count)s evening a week at home with %(name)s",
            "%(count)s evenings a week at home with %(name)s",
            answers.evenings_per_week,
        ) % {"count": answers.evenings_per_week, "name": name}
        rules.append(Fact(gettext("Evenings together"), evenings))
    if answers.weekends:
        weekends = {
            Weekends.FREE: gettext("your weekends are your own"),
            Weekends.SOME: gettext("some weekends spent together"),
        }[answers.weekends]
        rules.append(Fact(gettext("Weekends"), weekends))
    if pets := _text(answers.pets):
        rules.append(Fact(gettext("Pets in the home"), pets))
    return rules


# -- the stay, shared by both -------------------------------------------------------------------


def _stay(pairing, start: date, *, contribution_for_the_reader: bool) -> list[Fact]:
    end = stay_end(pairing)
    if end and end > start:
        dates = gettext("from %(start)s to %(end)s") % {
            "start": date_format(start, "DATE_FORMAT"),
            "end": date_format(end, "DATE_FORMAT"),
        }
    else:
        dates = gettext("from %(start)s") % {"start": date_format(start, "DATE_FORMAT")}
    facts = [Fact(gettext("Dates"), dates)]
    if contribution_for_the_reader:
        amount = host_answers(pairing.host).contribution
        if amount is not None:
            facts.append(Fact(gettext("Your contribution"), _contribution(amount, pairing.host.country.currency)))
    return facts


def _contribution(amount: Decimal, currency: str) -> str:
    if amount == 0:
        return gettext("none: you pay no contribution to the household's charges")
    return gettext(
        "%(amount)s a month, towards the household's charges (water, electricity, heating); it is not a rent"
    ) % {"amount": money(amount, currency)}


def money(amount: Decimal, currency: str) -> str:
    """An amount as the reader writes it: 80 €, 80,50 € in French."""
    cents = amount != amount.to_integral_value()
    number = number_format(amount, decimal_pos=2 if cents else 0)
    return f"{number}\N{NO-BREAK SPACE}{CURRENCY_SIGNS.get(currency, currency)}"


# -- sentences about a person, in their own gender ----------------------------------------------


def _age(application, start: date) -> str:
    if not application.birth_date:
        return ""
    age = application.age_on(start)
    return ngettext("%(count)s year old", "%(count)s years old", age) % {"count": age}


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def language_names(codes) -> list[str]:
    """The names of languages in the reader's language, as written within a sentence."""
    lower = (get_language() or "").split("-")[0] in LOWER_CASE_LANGUAGE_NAMES
    names = []
    for code in codes:
        try:
            name = str(get_language_info(code)["name_translated"])
        except KeyError:
            continue
        names.append(name[:1].lower() + name[1:] if lower else name)
    return names


def _list(items) -> str:
    return str(get_text_list([str(item) for item in items], gettext("and")))


@dataclass(frozen=True)
class Gendered:
    """One sentence in the three wordings a language may need: for a woman, for a man, and one
    that names no gender (when the person did not say)."""

    female: Promise
    male: Promise
    neutral: Promise

    def said_of(self, gender: str, **values) -> str:
        text = {FEMALE: self.female, MALE: self.male}.get(gender, self.neutral)
        return str(text) % values if values else str(text)


SPEAKS = Gendered(
    pgettext_lazy("female", "Speaks %(languages)s."),
    pgettext_lazy("male", "Speaks %(languages)s."),
    gettext_lazy("Speaks %(languages)s."),
)
ENJOYS = Gendered(
    pgettext_lazy("female", "Enjoys: %(interests)s."),
    pgettext_lazy("male", "Enjoys: %(interests)s."),
    gettext_lazy("Enjoys: %(interests)s."),
)
OFFERS = Gendered(
    pgettext_lazy("female", "Offers to help with: %(services)s."),
    pgettext_lazy("male", "Offers to help with: %(services)s."),
    gettext_lazy("Offers to help with: %(services)s."),
)
WELCOMES = Gendered(
    pgettext_lazy("female", "Would welcome: %(services)s."),
    pgettext_lazy("male", "Would welcome: %(services)s."),
    gettext_lazy("Would welcome: %(services)s."),
)
NO_EVENINGS = Gendered(
    pgettext_lazy("female", "Cannot promise evenings at home."),
    pgettext_lazy("male", "Cannot promise evenings at home."),
    gettext_lazy("Cannot promise evenings at home."),
)
SMOKES = Gendered(
    pgettext_lazy("female", "Smokes."),
    pgettext_lazy("male", "Smokes."),
    gettext_lazy("Smokes."),
)
DOES_NOT_SMOKE = Gendered(
    pgettext_lazy("female", "Does not smoke."),
    pgettext_lazy("male", "Does not smoke."),
    gettext_lazy("Does not smoke."),
)
PETS_WELCOME = Gendered(
    pgettext_lazy("female", "Is happy to live with pets."),
    pgettext_lazy("male", "Is happy to live with pets."),
    gettext_lazy("Is happy to live with pets."),
)
NO_PETS = Gendered(
    pgettext_lazy("female", "Would rather live without pets."),
    pgettext_lazy("male", "Would rather live without pets."),
    gettext_lazy("Would rather live without pets."),
)
OWN_WORDS = Gendered(
    pgettext_lazy("female", "In %(name)s's own words"),
    pgettext_lazy("male", "In %(name)s's own words"),
    gettext_lazy("In %(name)s's own words"),
)
OCCUPATION = {
    Programme.STUDENT: Gendered(
        pgettext_lazy("female", "Student"), pgettext_lazy("male", "Student"), gettext_lazy("Student")
    ),
    Programme.APPRENTICE: Gendered(
        pgettext_lazy("female", "Apprentice"), pgettext_lazy("male", "Apprentice"), gettext_lazy("Apprentice")
    ),
    Programme.VOLUNTEER: Gendered(
        pgettext_lazy("female", "Volunteer"), pgettext_lazy("male", "Volunteer"), gettext_lazy("Volunteer")
    ),
    Programme.ERASMUS: Gendered(
        pgettext_lazy("female", "Erasmus+ student"),
        pgettext_lazy("male", "Erasmus+ student"),
        gettext_lazy("Erasmus+ student"),
    ),
}
OCCUPATION_IN = {
    Programme.STUDENT: Gendered(
        pgettext_lazy("female", "Student in %(city)s"),
        pgettext_lazy("male", "Student in %(city)s"),
        gettext_lazy("Student in %(city)s"),
    ),
    Programme.APPRENTICE: Gendered(
        pgettext_lazy("female", "Apprentice in %(city)s"),
        pgettext_lazy("male", "Apprentice in %(city)s"),
        gettext_lazy("Apprentice in %(city)s"),
    ),
    Programme.VOLUNTEER: Gendered(
        pgettext_lazy("female", "Volunteer in %(city)s"),
        pgettext_lazy("male", "Volunteer in %(city)s"),
        gettext_lazy("Volunteer in %(city)s"),
    ),
    Programme.ERASMUS: Gendered(
        pgettext_lazy("female", "Erasmus+ student in %(city)s"),
        pgettext_lazy("male", "Erasmus+ student in %(city)s"),
        gettext_lazy("Erasmus+ student in %(city)s"),
    ),
}


def _labels(choices) -> str:
    return ", ".join(str(choice.label) for choice in choices)


def _speaks(gender: str, codes) -> str:
    names = language_names(codes)
    return SPEAKS.said_of(gender, languages=_list(names)) if names else ""


def _evenings_offered(gender: str, count: int | None) -> str:
    if count is None:
        return ""
    if count == 0:
        return NO_EVENINGS.said_of(gender)
    if gender == FEMALE:
        text = npgettext(
            "female", "Can be at home %(count)s evening a week.", "Can be at home %(count)s evenings a week.", count
        )
    elif gender == MALE:
        text = npgettext(
            "male", "Can be at home %(count)s evening a week.", "Can be at home %(count)s evenings a week.", count
        )
    else:
        text = ngettext("Can be at home %(count)s evening a week.", "Can be at home %(count)s evenings a week.", count)
    return text % {"count": count}


def _either(gender: str, value: bool | None, yes: Gendered, no: Gendered) -> str:
    if value is None:
        return ""
    return (yes if value else no).said_of(gender)


def _occupation(gender: str, programme: Programme | None, city: str) -> str:
    """What a guest does, and where: "Étudiante à Bordeaux", "Apprenti", "Volontaire à Madrid"."""
    if programme is None:
        return ""
    if city:
        return OCCUPATION_IN[programme].said_of(gender, city=city)
    return OCCUPATION[programme].said_of(gender)
