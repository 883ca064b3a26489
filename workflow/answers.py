"""The answers of a file that the platform reads, declared once with their types.

``Application.answers`` is a JSON object filled by the public form's steps. The answers that
the matching, the conventions, the statistics or the proposal screen read are declared here:
their name, their type, which kind of file carries them and their choices. The forms name
their fields after these declarations (``answer_fields``), the services validate what they
store with :func:`answers_clean`, and readers ask :func:`typed_answers` for real Python values
(dates, amounts, numbers, choices) instead of picking strings out of the JSON by hand. A
system check (:mod:`workflow.checks`) fails when a declared answer is no longer a field of its
kind's form, so that renaming a field cannot silently leave the matching without it.

Other keys (the country's extra questions, free text nobody computes with) are stored as they
come.
"""

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import ApplicationKind, Gender, GenderPreference, Interest, Service

# -- choices only the answers have (the shared ones are in workflow.enums) ----------------------


class HousingStatus(models.TextChoices):
    OWNER = "owner", _("my property")
    TENANT = "tenant", _("rented (the landlord will be informed)")


class Smoking(models.TextChoices):
    """Whether one may smoke in a host's home; the matching keeps a smoker away from ``NO``."""

    NO = "no", _("not at all")
    OUTSIDE = "outside", _("outside only")
    YES = "yes", _("allowed")


class Visits(models.TextChoices):
    WELCOME = "welcome", _("welcome")
    ASK = "ask", _("after asking me")
    NO = "no", _("not at home")


class Meals(models.TextChoices):
    SHARED = "shared", _("often shared")
    SOMETIMES = "sometimes", _("sometimes shared")
    SEPARATE = "separate", _("separate")


class Weekends(models.TextChoices):
    FREE = "free", _("the guest is free")
    SOME = "some", _("some weekends together")


class Programme(models.TextChoices):
    """What a guest does: studies, an apprenticeship, volunteering or an Erasmus+ exchange."""

    STUDENT = "student", _("a student")
    APPRENTICE = "apprentice", _("an apprentice")
    VOLUNTEER = "volunteer", _("a volunteer")
    ERASMUS = "erasmus", _("an Erasmus+ student")


class AnswerType(StrEnum):
    DATE = "date"
    DECIMAL = "decimal"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    TEXT = "text"
    CHOICE = "choice"
    CHOICES = "choices"


class Use(StrEnum):
    """Who reads an answer; a rename of its form field would silently starve them."""

    MATCHING = "matching"
    CONVENTION = "convention"
    STATISTICS = "statistics"
    PROFILE = "profile"


HOST, GUEST = ApplicationKind.HOST.value, ApplicationKind.GUEST.value
BOTH = frozenset({HOST, GUEST})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHOLE_NUMBER = re.compile(r"^-?\d+$")


@dataclass(frozen=True)
class Answer:
    """One declared answer.

    ``blank``: whether "not answered" (``None`` or ``""``) may be stored under the key, as the
    form does for an optional field. ``asked``: whether the public form asks it (``room`` is
    written by the association instead).
    """

    name: str
    type: AnswerType
    kinds: frozenset[str]
    used_by: frozenset[Use]
    choices: type[models.TextChoices] | tuple[str, ...] = ()
    blank: bool = False
    asked: bool = True

    def __str__(self) -> str:
        return self.name

    @property
    def allowed(self) -> tuple[str, ...]:
        if isinstance(self.choices, tuple):
            return self.choices
        return tuple(self.choices.values)

    def _choice(self, value: str) -> str:
        """The enum member for a code when the choices are an enum (a str all the same)."""
        return value if isinstance(self.choices, tuple) else self.choices(value)

    def read(self, raw: Mapping[str, Any]) -> Any:
        """The stored value as a Python value; not answered, or unreadable (a file stored
        before answers were validated), reads as ``None`` (``()`` for a list of choices)."""
        value = raw.get(self.name)
        kind = self.type
        if kind == AnswerType.CHOICES:
            if not isinstance(value, list | tuple):
                return ()
            allowed = self.allowed
            return tuple(self._choice(code) for code in value if isinstance(code, str) and code in allowed)
        if value is None or value == "":
            return None
        if kind == AnswerType.DATE:
            if isinstance(value, date) and not isinstance(value, datetime):
                return value
            try:
                return date.fromisoformat(value) if isinstance(value, str) else None
            except ValueError:
                return None
        if kind == AnswerType.DECIMAL:
            return _decimal(value)
        if kind == AnswerType.INTEGER:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, str) and _WHOLE_NUMBER.match(value.strip()):
                return int(value)
            return None
        if kind == AnswerType.BOOLEAN:
            return value if isinstance(value, bool) else None
        if kind == AnswerType.CHOICE:
            return self._choice(value) if isinstance(value, str) and value in self.allowed else None
        return value if isinstance(value, str) else None

    def clean(self, value: Any) -> Any:
        """The value as it is stored (JSON: dates and amounts as strings); ValidationError if wrong."""
        params = {"name": self.name}
        kind = self.type
        if kind != AnswerType.CHOICES and (value is None or value == ""):
            if self.blank or kind == AnswerType.TEXT:
                return value
            raise ValidationError(_("The answer “%(name)s” cannot be left empty."), code="required", params=params)
        if kind == AnswerType.DATE:
            if isinstance(value, date) and not isinstance(value, datetime):
                return value.isoformat()
            if isinstance(value, str) and _ISO_DATE.match(value):
                try:
                    return date.fromisoformat(value).isoformat()
                except ValueError:
                    pass
            raise ValidationError(
                _("The answer “%(name)s” must be a date written YYYY-MM-DD."), code="invalid_date", params=params
            )
        if kind == AnswerType.DECIMAL:
            amount = _decimal(value)
            if amount is None:
                raise ValidationError(
                    _("The answer “%(name)s” must be an amount, such as 120 or 120.50."),
                    code="invalid_amount",
                    params=params,
                )
            return str(amount)
        if kind == AnswerType.INTEGER:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, str) and _WHOLE_NUMBER.match(value.strip()):
                return int(value)
            raise ValidationError(
                _("The answer “%(name)s” must be a whole number."), code="invalid_number", params=params
            )
        if kind == AnswerType.BOOLEAN:
            if isinstance(value, bool):
                return value
            raise ValidationError(_("The answer “%(name)s” must be yes or no."), code="invalid_boolean", params=params)
        if kind == AnswerType.TEXT:
            if isinstance(value, str):
                return value
            raise ValidationError(_("The answer “%(name)s” must be a text."), code="invalid_text", params=params)
        if kind == AnswerType.CHOICE:
            return self._clean_code(value)
        if not isinstance(value, list | tuple):
            raise ValidationError(
                _("The answer “%(name)s” must be a list of choices."), code="invalid_list", params=params
            )
        return [self._clean_code(code) for code in value]

    def _clean_code(self, code: Any) -> str:
        if isinstance(code, str) and code in self.allowed:
            return str(code)  # an enum member's str() is its code
        raise ValidationError(
            _("“%(value)s” is not one of the choices of the answer “%(name)s”."),
            code="invalid_choice",
            params={"name": self.name, "value": code},
        )


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
M, C, S, P = Use.MATCHING, Use.CONVENTION, Use.STATISTICS, Use.PROFILE

# -- both kinds ---------------------------------------------------------------------------------
LANGUAGES = Answer("languages", AnswerType.CHOICES, BOTH, frozenset({M, S, P}), LANGUAGE_CODES)
EVENINGS_PER_WEEK = Answer("evenings_per_week", AnswerType.INTEGER, BOTH, frozenset({M, C, S, P}))
SERVICES = Answer("services", AnswerType.CHOICES, BOTH, frozenset({M}), Service)
INTERESTS = Answer("interests", AnswerType.CHOICES, BOTH, frozenset({M}), Interest)
GENDER = Answer("gender", AnswerType.CHOICE, BOTH, frozenset({M}), Gender, blank=True)
#: Hosts: the town of the home; guests: the city of their studies or work.
CITY = Answer("city", AnswerType.TEXT, BOTH, frozenset({C, P}))

# -- hosts --------------------------------------------------------------------------------------
ADDRESS = Answer("address", AnswerType.TEXT, frozenset({HOST}), frozenset({C}))
POSTCODE = Answer("postcode", AnswerType.TEXT, frozenset({HOST}), frozenset({M, C}))
HOUSING_STATUS = Answer("housing_status", AnswerType.CHOICE, frozenset({HOST}), frozenset({S}), HousingStatus)
ROOM_SIZE = Answer("room_size", AnswerType.INTEGER, frozenset({HOST}), frozenset({P}))
FURNISHED = Answer("furnished", AnswerType.BOOLEAN, frozenset({HOST}), frozenset({S, P}))
STEP_FREE = Answer("step_free", AnswerType.BOOLEAN, frozenset({HOST}), frozenset({M}))
AVAILABLE_FROM = Answer("available_from", AnswerType.DATE, frozenset({HOST}), frozenset({M}))
AVAILABLE_UNTIL = Answer("available_until", AnswerType.DATE, frozenset({HOST}), frozenset({M, C}), blank=True)
SMOKING = Answer("smoking", AnswerType.CHOICE, frozenset({HOST}), frozenset({M, C, P}), Smoking)
PETS = Answer("pets", AnswerType.TEXT, frozenset({HOST}), frozenset({M, C, P}))
VISITS = Answer("visits", AnswerType.CHOICE, frozenset({HOST}), frozenset({C, P}), Visits)
MEALS = Answer("meals", AnswerType.CHOICE, frozenset({HOST}), frozenset({C, P}), Meals)
WEEKENDS = Answer("weekends", AnswerType.CHOICE, frozenset({HOST}), frozenset({P}), Weekends)
GUEST_GENDER = Answer(
    "guest_gender", AnswerType.CHOICE, frozenset({HOST}), frozenset({M}), GenderPreference, blank=True
)
CONTRIBUTION = Answer("contribution", AnswerType.DECIMAL, frozenset({HOST}), frozenset({M, C, S}))
ROOM = Answer("room", AnswerType.TEXT, frozenset({HOST}), frozenset({C, P}), asked=False)

# -- guests -------------------------------------------------------------------------------------
PROGRAMME = Answer("programme", AnswerType.CHOICE, frozenset({GUEST}), frozenset({S, P}), Programme)
INSTITUTION_POSTCODE = Answer("institution_postcode", AnswerType.TEXT, frozenset({GUEST}), frozenset({M}))
START_DATE = Answer("start_date", AnswerType.DATE, frozenset({GUEST}), frozenset({M}))
END_DATE = Answer("end_date", AnswerType.DATE, frozenset({GUEST}), frozenset({M, C}))
BUDGET = Answer("budget", AnswerType.DECIMAL, frozenset({GUEST}), frozenset({M, S}))
WISH_TO_PRACTISE = Answer("wish_to_practise", AnswerType.CHOICES, frozenset({GUEST}), frozenset({M}), LANGUAGE_CODES)
SMOKER = Answer("smoker", AnswerType.BOOLEAN, frozenset({GUEST}), frozenset({M, P}))
NEEDS_STEP_FREE = Answer("needs_step_free", AnswerType.BOOLEAN, frozenset({GUEST}), frozenset({M}))
HOST_GENDER = Answer("host_gender", AnswerType.CHOICE, frozenset({GUEST}), frozenset({M}), GenderPreference, blank=True)
PETS_OK = Answer("pets_ok", AnswerType.BOOLEAN, frozenset({GUEST}), frozenset({M, P}))
PREFERENCES = Answer("preferences", AnswerType.TEXT, frozenset({GUEST}), frozenset({P}))

#: Every declared answer, by name.
SCHEMA: dict[str, Answer] = {item.name: item for item in globals().copy().values() if isinstance(item, Answer)}

#: Answers that say nothing about who the person is, kept for the programme's statistics when
#: a file is anonymised.
STATISTICS_ANSWERS = frozenset(name for name, item in SCHEMA.items() if Use.STATISTICS in item.used_by)


def answers_of(kind: str) -> list[Answer]:
    """The declared answers a kind of file carries."""
    return [item for item in SCHEMA.values() if kind in item.kinds]


def answers_clean(kind: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    """``raw`` with each declared answer checked and written as stored (ISO dates, amounts as
    strings, plain codes); other keys are kept as they are.

    Raises ``ValidationError`` (one message per wrong answer, under its name) for a declared
    answer of the wrong type or out of its choices, or one the other kind of file carries.
    """
    cleaned, errors = {}, {}
    for name, value in raw.items():
        item = SCHEMA.get(name)
        if item is None:
            cleaned[name] = value
        elif kind not in item.kinds:
            errors[name] = ValidationError(
                _("The answer “%(name)s” does not belong to this kind of file."),
                code="other_kind",
                params={"name": name},
            )
        else:
            try:
                cleaned[name] = item.clean(value)
            except ValidationError as error:
                errors[name] = error
    if errors:
        raise ValidationError(errors)
    return cleaned


class _Typed:
    """What :class:`HostAnswers` and :class:`GuestAnswers` share: read from and write to JSON."""

    KIND: ClassVar[str]

    @classmethod
    def read(cls, raw: Mapping[str, Any]):
        """The typed answers of a stored JSON object (lenient: see :meth:`Answer.read`)."""
        return cls(**{f.name: SCHEMA[f.name].read(raw) for f in dataclasses.fields(cls)})  # type: ignore[arg-type]

    def as_json(self, **others: Any) -> dict[str, Any]:
        """The answers given, as stored (validated), with ``others`` (keys the schema does not declare)."""
        given = {
            f.name: value
            for f in dataclasses.fields(self)  # type: ignore[arg-type]
            if (value := getattr(self, f.name)) is not None and value != ()
        }
        unknown = set(others) & set(SCHEMA)
        if unknown:
            raise ValueError(f"Declared answers go in the typed fields, not in others: {sorted(unknown)}")
        return answers_clean(self.KIND, {**given, **others})


@dataclass(frozen=True, kw_only=True)
class HostAnswers(_Typed):
    """A host's answers as Python values; ``None`` (or ``()``) when not answered."""

    KIND = HOST

    languages: tuple[str, ...] = ()
    evenings_per_week: int | None = None
    services: tuple[Service, ...] = ()
    interests: tuple[Interest, ...] = ()
    gender: Gender | None = None
    city: str | None = None
    address: str | None = None
    postcode: str | None = None
    housing_status: HousingStatus | None = None
    room_size: int | None = None
    furnished: bool | None = None
    step_free: bool | None = None
    available_from: date | None = None
    available_until: date | None = None
    smoking: Smoking | None = None
    pets: str | None = None
    visits: Visits | None = None
    meals: Meals | None = None
    weekends: Weekends | None = None
    guest_gender: GenderPreference | None = None
    contribution: Decimal | None = None
    room: str | None = None


@dataclass(frozen=True, kw_only=True)
class GuestAnswers(_Typed):
    """A guest's answers as Python values; ``None`` (or ``()``) when not answered."""

    KIND = GUEST

    languages: tuple[str, ...] = ()
    evenings_per_week: int | None = None
    services: tuple[Service, ...] = ()
    interests: tuple[Interest, ...] = ()
    gender: Gender | None = None
    city: str | None = None
    programme: Programme | None = None
    institution_postcode: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    budget: Decimal | None = None
    wish_to_practise: tuple[str, ...] = ()
    smoker: bool | None = None
    needs_step_free: bool | None = None
    host_gender: GenderPreference | None = None
    pets_ok: bool | None = None
    preferences: str | None = None


TYPED = {HOST: HostAnswers, GUEST: GuestAnswers}


def _names_that_differ(typed: type, kind: str) -> set[str]:
    return {f.name for f in dataclasses.fields(typed)} ^ {item.name for item in answers_of(kind)}


# The typed classes spell the names a second time (for readers and type checkers): they must agree.
for _kind, _typed in TYPED.items():
    if _differ := _names_that_differ(_typed, _kind):
        raise ImportError(f"{_typed.__name__} and the schema disagree on: {sorted(_differ)}")


def typed_answers(application) -> HostAnswers | GuestAnswers:
    """The answers of a file (anything with ``kind`` and ``answers``) as Python values."""
    return TYPED[application.kind].read(application.answers)


def host_answers(application) -> HostAnswers:
    """The answers of a host's file (or of anything with ``answers`` read as a host's)."""
    return HostAnswers.read(application.answers)


def guest_answers(application) -> GuestAnswers:
    """The answers of a guest's file (or of anything with ``answers`` read as a guest's)."""
    return GuestAnswers.read(application.answers)
