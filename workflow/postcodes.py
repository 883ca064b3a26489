"""What a postcode looks like in each country of the programme, with an example to show.

The public forms check a postcode against its country's pattern and, when it does not match,
name the expected form ("5 digits, for example 33000") rather than just refusing it. A country
not listed here accepts any postcode of letters, digits, spaces and hyphens.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PostcodeFormat:
    pattern: str
    example: str
    description: str

    def matches(self, value: str) -> bool:
        return re.fullmatch(self.pattern, value) is not None


FIVE_DIGITS = _("5 digits")

POSTCODE_FORMATS: dict[str, PostcodeFormat] = {
    "FR": PostcodeFormat(r"\d{5}", "33000", FIVE_DIGITS),
    "ES": PostcodeFormat(r"(0[1-9]|[1-4]\d|5[0-2])\d{3}", "28013", _("5 digits, starting with 01 to 52")),
    "IT": PostcodeFormat(r"\d{5}", "00184", FIVE_DIGITS),
    "DE": PostcodeFormat(r"\d{5}", "10115", FIVE_DIGITS),
    "PT": PostcodeFormat(r"\d{4}-\d{3}", "1100-148", _("4 digits, a hyphen and 3 digits")),
    "BE": PostcodeFormat(r"[1-9]\d{3}", "1000", _("4 digits")),
    "NL": PostcodeFormat(r"[1-9]\d{3} ?[A-Z]{2}", "1011 AB", _("4 digits and 2 letters")),
    "AT": PostcodeFormat(r"[1-9]\d{3}", "1010", _("4 digits")),
    "CH": PostcodeFormat(r"[1-9]\d{3}", "8001", _("4 digits")),
    "LU": PostcodeFormat(r"\d{4}", "1111", _("4 digits")),
}
ANY_POSTCODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 -]{1,10}")


def postcode_format(country_code: str) -> PostcodeFormat | None:
    return POSTCODE_FORMATS.get((country_code or "").upper())


def postcode_help(country_code: str) -> str:
    """The expected form, shown before the person types: "5 digits, for example 33000"."""
    known = postcode_format(country_code)
    if known is None:
        return ""
    return _("%(form)s, for example %(example)s") % {"form": known.description, "example": known.example}


def postcode_clean(country_code: str, value: str) -> str:
    """The postcode as stored (trimmed, upper case), or ``ValidationError`` naming the expected form."""
    value = " ".join((value or "").split()).upper()
    known = postcode_format(country_code)
    if known is None:
        if not ANY_POSTCODE.fullmatch(value):
            raise ValidationError(_("Enter a postcode of letters and digits."), code="postcode")
        return value
    if not known.matches(value):
        raise ValidationError(
            _("Enter a postcode of %(form)s, for example %(example)s."),
            code="postcode",
            params={"form": known.description, "example": known.example},
        )
    return value
