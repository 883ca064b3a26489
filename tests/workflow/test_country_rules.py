"""A country's legal rules are validated where they are kept, and read by the rest of the programme."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .factories import CountryFactory, OrganisationFactory, TerritoryFactory


def test_a_contribution_within_the_bounds_is_allowed():
    france = CountryFactory(min_contribution=Decimal("0"), max_contribution=Decimal("150"))

    assert france.contribution_allowed(Decimal("0"))
    assert france.contribution_allowed(Decimal("150"))
    assert not france.contribution_allowed(Decimal("150.01"))


def test_ages_follow_the_country_rules():
    france = CountryFactory(host_min_age=60, guest_min_age=18, guest_max_age=30)

    assert france.host_age_allowed(60) and not france.host_age_allowed(59)
    assert france.guest_age_allowed(29) and not france.guest_age_allowed(30) and not france.guest_age_allowed(17)


def test_a_maximum_below_the_minimum_is_refused_with_a_clear_message():
    country = CountryFactory.build(min_contribution=Decimal("100"), max_contribution=Decimal("50"))

    with pytest.raises(ValidationError) as error:
        country.full_clean()

    assert "max_contribution" in error.value.message_dict


def test_the_database_refuses_inverted_bounds_too():
    country = CountryFactory()
    country.min_contribution = Decimal("200")

    with pytest.raises(IntegrityError), transaction.atomic():
        country.save()


def test_unknown_languages_are_refused():
    country = CountryFactory.build(languages=["fr", "xx"])

    with pytest.raises(ValidationError) as error:
        country.full_clean()

    assert "languages" in error.value.message_dict


def test_a_department_belongs_to_a_region_of_the_same_country():
    region = TerritoryFactory()
    other_country_region = TerritoryFactory(country=CountryFactory(code="ZZ"))
    department = TerritoryFactory.build(department=True, country=region.country, parent=other_country_region)

    with pytest.raises(ValidationError) as error:
        department.full_clean()

    assert "parent" in error.value.message_dict


def test_a_department_without_its_own_pension_office_uses_its_regions():
    office = OrganisationFactory(pension_office=True)
    region = TerritoryFactory(country=office.country, pension_office=office)
    department = TerritoryFactory(department=True, country=office.country, parent=region)

    assert department.effective_pension_office() == office
