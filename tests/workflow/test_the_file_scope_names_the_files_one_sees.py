"""``access.file_scope`` tells where the files one sees lie (territories, countries), for the
tables of figures: it must name exactly the files ``applications_visible_to`` gives, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.workflow.factories import (
    ApplicationFactory,
    CountryFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    UserFactory,
    association_covering,
)
from workflow import access
from workflow.models import Application


@pytest.fixture
def people():
    france, spain = CountryFactory(code="XA", name="Arcadia"), CountryFactory(code="XB", name="Borduria")
    office = OrganisationFactory(pension_office=True, country=france)
    region = TerritoryFactory(country=france, pension_office=office, code="R75")
    covered = TerritoryFactory(department=True, country=france, parent=region, code="33")
    own_office = TerritoryFactory(
        department=True,
        country=france,
        parent=region,
        pension_office=OrganisationFactory(pension_office=True, country=france),
    )
    abroad = TerritoryFactory(department=True, country=spain, code="28", parent__code="MD")
    for territory in (covered, own_office, abroad):
        for kind in ("host", "guest"):
            ApplicationFactory(kind=kind, territory=territory, country=territory.country)
        ApplicationFactory(territory=territory, country=territory.country, state="draft", email_confirmed_at=None)
    return {
        "advisor": StaffMembershipFactory(organisation=association_covering(covered)).user,
        "manager": StaffMembershipFactory(organisation=association_covering(abroad), role="association_manager").user,
        "pension officer": StaffMembershipFactory(organisation=office, role="pension_officer").user,
        "national officer": StaffMembershipFactory(
            organisation=OrganisationFactory(kind="national_body", country=france), role="national_officer"
        ).user,
        "editor": StaffMembershipFactory(organisation__country=france, role="editor").user,
        "partner": StaffMembershipFactory(
            organisation=OrganisationFactory(partner=True, country=france), role="partner"
        ).user,
        "administrator": UserFactory(is_superuser=True),
        "anonymous": AnonymousUser(),
    }


@pytest.mark.parametrize(
    "role",
    ["advisor", "manager", "pension officer", "national officer", "editor", "partner", "administrator", "anonymous"],
)
def test_the_scope_names_the_same_files_as_the_access_rule(people, role):
    user = people[role]
    scope = access.file_scope(user)

    in_scope = Application.objects.filter(scope.q()).exclude(state="draft", email_confirmed_at__isnull=True)

    # Figures never count a draft whose address is not confirmed (administrators see those files).
    visible = access.applications_visible_to(user).exclude(state="draft", email_confirmed_at__isnull=True)
    assert set(in_scope.values_list("pk", flat=True)) == set(visible.values_list("pk", flat=True))


def test_a_pension_office_sees_its_regions_departments_but_not_one_with_its_own_office(people):
    scope = access.file_scope(people["pension officer"])

    seen = Application.objects.filter(scope.q())

    assert seen.exists()
    assert not seen.filter(territory__pension_office__isnull=False).exists()
