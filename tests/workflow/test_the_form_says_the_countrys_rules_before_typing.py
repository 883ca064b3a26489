"""Each step says the country's rules (ages, contribution, stay, postcode, lengths) before the
person types, from the country's own settings."""

from django.utils import translation

from workflow.enums import ApplicationKind
from workflow.forms import (
    GuestIdentityForm,
    GuestLifeForm,
    GuestStudiesForm,
    HostHomeForm,
    HostIdentityForm,
    HostLifeForm,
)
from workflow.models import Country


def help_of(form_class, field, country, kind):
    with translation.override("en"):
        return str(form_class(country=country, kind=kind).fields[field].help_text)


def test_a_host_reads_the_minimum_age_and_the_postcode_form():
    france = Country.objects.get(code="FR")
    france.host_min_age = 62

    assert "at least 62 years old" in help_of(HostIdentityForm, "birth_date", france, ApplicationKind.HOST)
    assert help_of(HostIdentityForm, "postcode", france, ApplicationKind.HOST) == "5 digits, for example 33000"


def test_a_guest_reads_the_ages_allowed():
    spain = Country.objects.get(code="ES")
    spain.guest_min_age, spain.guest_max_age = 18, 31

    assert "between 18 and 30 years old" in help_of(GuestIdentityForm, "birth_date", spain, ApplicationKind.GUEST)


def test_a_host_reads_the_contribution_bounds_and_the_minimum_stay():
    france = Country.objects.get(code="FR")
    france.min_contribution, france.max_contribution, france.minimum_stay_days = 20, 150, 60

    assert help_of(HostLifeForm, "contribution", france, ApplicationKind.HOST) == (
        "Between 20 and 150 EUR a month in this country."
    )
    assert "at least 60 days" in help_of(HostHomeForm, "available_until", france, ApplicationKind.HOST)


def test_a_guest_reads_the_minimum_stay_and_the_length_of_the_motivation():
    spain = Country.objects.get(code="ES")
    spain.minimum_stay_days = 120

    assert "at least 120 days" in help_of(GuestStudiesForm, "end_date", spain, ApplicationKind.GUEST)
    assert help_of(GuestLifeForm, "motivation", spain, ApplicationKind.GUEST) == "At least 80 characters."


def test_a_field_keeps_its_own_help_before_the_rule():
    spain = Country.objects.get(code="ES")

    text = help_of(GuestStudiesForm, "institution_postcode", spain, ApplicationKind.GUEST)

    assert text == "It helps us find a home near it. 5 digits, starting with 01 to 52, for example 28013"
