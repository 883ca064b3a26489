"""Factories of the workflow app: countries, organisations, territories."""

from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone

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
        partner = factory.Trait(
            kind=OrganisationKind.PARTNER, name=factory.Sequence(lambda n: f"International office {n}")
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


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@weshare.example")
    password = factory.django.Password("a-long-demo-password")


class StaffMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workflow.StaffMembership"

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "advisor"


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A guest's application in a department covered by an association (traits: host)."""

    class Meta:
        model = "workflow.Application"

    kind = "guest"
    territory = factory.SubFactory(TerritoryFactory, department=True)
    country = factory.SelfAttribute("territory.country")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    birth_date = factory.LazyFunction(lambda: date.today().replace(year=date.today().year - 22, day=1))
    language = "fr"
    # The person showed the address is theirs: unconfirmed drafts are hidden from staff, so a test
    # about one says so (email_confirmed_at=None).
    email_confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        host = factory.Trait(
            kind="host",
            birth_date=factory.LazyFunction(lambda: date.today().replace(year=date.today().year - 72, day=1)),
        )


def set_state(application, state):
    """Put an application in a state directly (test set-up only: the field is protected)."""
    type(application).objects.filter(pk=application.pk).update(state=state)
    application.refresh_from_db()
    return application


def association_covering(territory):
    """The association of a territory, created if it has none."""
    association = territory.associations.first()
    if association is None:
        association = OrganisationFactory(country=territory.country)
        territory.associations.add(association)
    return association


def partner_referent(partner=None, **kwargs):
    """A user holding the partner's referent role in ``partner`` (a new partner if none is given)."""
    partner = partner or OrganisationFactory(partner=True, **kwargs)
    return StaffMembershipFactory(organisation=partner, role="partner").user


def referred(application, partner, *, consent=True):
    """Record ``application`` as referred by ``partner`` (test set-up only), with the applicant's
    consent unless ``consent=False`` (then nothing is recorded, as the form does)."""
    if consent:
        type(application).objects.filter(pk=application.pk).update(
            referred_by=partner, referral_consent_at=timezone.now()
        )
    application.refresh_from_db()
    return application
