"""Each role sees the files of its own territories only; a file elsewhere is simply not found."""

from workflow import access

from .factories import (
    ApplicationFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    UserFactory,
    association_covering,
)


def test_an_advisor_sees_the_files_of_the_territories_their_association_covers():
    mine = ApplicationFactory()
    elsewhere = ApplicationFactory()
    advisor = StaffMembershipFactory(organisation=association_covering(mine.territory), role="advisor").user

    assert list(access.applications_visible_to(advisor)) == [mine]
    assert access.may_vet(advisor, mine)
    assert not access.may_vet(advisor, elsewhere)


def test_a_pension_officer_sees_their_region_including_departments_without_their_own_office():
    office = OrganisationFactory(pension_office=True)
    region = TerritoryFactory(country=office.country, pension_office=office)
    department = TerritoryFactory(department=True, country=office.country, parent=region)
    in_region = ApplicationFactory(territory=department)
    outside = ApplicationFactory(territory=TerritoryFactory(department=True, country=office.country))
    officer = StaffMembershipFactory(organisation=office, role="pension_officer").user

    visible = list(access.applications_visible_to(officer))

    assert visible == [in_region]
    assert outside not in visible
    assert not access.may_vet(officer, in_region), "the pension office oversees, it does not vet"


def test_a_national_officer_sees_every_file_of_their_country_but_vets_none():
    national = OrganisationFactory(kind="national_body")
    here = ApplicationFactory(territory=TerritoryFactory(department=True, country=national.country))
    abroad = ApplicationFactory()
    officer = StaffMembershipFactory(organisation=national, role="national_officer").user

    assert list(access.applications_visible_to(officer)) == [here]
    assert abroad.country != national.country
    assert not access.may_vet(officer, here)


def test_an_editor_sees_no_personal_data():
    ApplicationFactory()
    editor = StaffMembershipFactory(role="editor").user

    assert not access.applications_visible_to(editor).exists()


def test_someone_without_a_role_or_signed_out_sees_nothing(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    application = ApplicationFactory()

    assert not access.applications_visible_to(UserFactory()).exists()
    assert not access.applications_visible_to(AnonymousUser()).exists()
    assert not access.may_vet(AnonymousUser(), application)


def test_a_deactivated_advisor_loses_access():
    application = ApplicationFactory()
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    advisor.is_active = False
    advisor.save()

    assert not access.applications_visible_to(advisor).exists()
    assert not access.may_vet(advisor, application)


def test_an_advisor_of_two_associations_sees_both_without_duplicates():
    first = ApplicationFactory()
    second = ApplicationFactory()
    advisor = UserFactory()
    StaffMembershipFactory(user=advisor, organisation=association_covering(first.territory))
    StaffMembershipFactory(user=advisor, organisation=association_covering(second.territory))
    second.territory.associations.add(association_covering(first.territory))

    visible = list(access.applications_visible_to(advisor))

    assert sorted(a.pk for a in visible) == sorted([first.pk, second.pk])
