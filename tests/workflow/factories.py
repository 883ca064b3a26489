"""Factories of the workflow app: countries, organisations, territories."""

from decimal import Decimal

import factory

from workflow.enums import OrganisationKind, TerritoryLevel
from workflow.models import Country, Organisation, Territory


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"Z{chr(65 + n % 26)}")
    name = factory.LazyAttribute(lambda o: f"Country {o.code}")
    languages = factory.LazyFunction(lambda: ["fr", "en"])
    min_contribution = Decimal("0")
    max_contribution = Decimal("150")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.ASSOCIATION
    name = factory.Sequence(lambda n: f"Association {n}")
    country = factory.SubFactory(CountryFactory)

    class Params:
        pension_office = factory.Trait(
            kind=OrganisationKind.PENSION_OFFICE, name=factory.Sequence(lambda n: f"CARSAT {n}")
        )


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    country = factory.SubFactory(CountryFactory)
    level = TerritoryLevel.REGION
    code = factory.Sequence(lambda n: f"{n:02d}")
    name = factory.Sequence(lambda n: f"Region {n}")

    class Params:
        department = factory.Trait(
            level=TerritoryLevel.DEPARTMENT,
            parent=factory.SubFactory(
                "tests.workflow.factories.TerritoryFactory", country=factory.SelfAttribute("..country")
            ),
            name=factory.Sequence(lambda n: f"Department {n}"),
        )
