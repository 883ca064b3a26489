"""Who sees and leads pairings, who signs conventions, who opens documents and searches the audit trail.

One country, two regions each with its pension office: departments A and B in the first region,
D in the second. Pairings A↔A, B↔B, D↔D and one across A and B (host in A, guest in B), each with
a convention; a document on each pairing's host file. Every rule of :mod:`workflow.access` is
asked for staff of A, of B, the pension office of the region and of the other region, the
national officer, an editor, an anonymous visitor and an administrator.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from audit import chain as audit
from audit.models import AuditEvent
from documents.enums import SigningParty
from documents.models import Convention, SupportingDocument
from pairings.models import Pairing
from workflow import access
from workflow.enums import ApplicationKind, OrganisationKind

from .factories import (
    ApplicationFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    UserFactory,
    association_covering,
)

ROLES = ["staff_a", "staff_b", "office", "office_elsewhere", "national", "editor", "anonymous", "admin"]
PAIRINGS = {"a", "b", "across", "d"}


@pytest.fixture
def world():
    office = OrganisationFactory(pension_office=True)
    country = office.country
    other_office = OrganisationFactory(pension_office=True, country=country)
    region = TerritoryFactory(country=country, pension_office=office)
    other_region = TerritoryFactory(country=country, pension_office=other_office)
    territories = {
        "a": TerritoryFactory(department=True, country=country, parent=region),
        "b": TerritoryFactory(department=True, country=country, parent=region),
        "d": TerritoryFactory(department=True, country=country, parent=other_region),
    }
    users = {
        "staff_a": StaffMembershipFactory(organisation=association_covering(territories["a"])).user,
        "staff_b": StaffMembershipFactory(organisation=association_covering(territories["b"])).user,
        "office": StaffMembershipFactory(organisation=office, role="pension_officer").user,
        "office_elsewhere": StaffMembershipFactory(organisation=other_office, role="pension_officer").user,
        "national": StaffMembershipFactory(
            organisation=OrganisationFactory(kind=OrganisationKind.NATIONAL_BODY, country=country),
            role="national_officer",
        ).user,
        "editor": StaffMembershipFactory(organisation__country=country, role="editor").user,
        "anonymous": AnonymousUser(),
        "admin": UserFactory(username="administrator", is_superuser=True, is_staff=True),
    }

    def file(kind, territory):
        return ApplicationFactory(kind=kind, territory=territories[territory], country=country)

    sides = {"a": ("a", "a"), "b": ("b", "b"), "across": ("a", "b"), "d": ("d", "d")}
    pairings, conventions, documents = {}, {}, {}
    for name, (host_in, guest_in) in sides.items():
        pairing = Pairing.objects.create(
            host=file(ApplicationKind.HOST, host_in),
            guest=file(ApplicationKind.GUEST, guest_in),
            created_by=users["admin"],
        )
        pairings[name] = pairing
        conventions[name] = Convention.objects.create(pairing=pairing, reference=f"T-{name}", token=f"token-{name}")
        documents[name] = SupportingDocument.objects.create(
            application=pairing.host,
            kind="identity",
            original_name="id.pdf",
            content_type="application/pdf",
            size=1,
            sha256="0" * 64,
            blob=f"test/{name}.bin",
        )
    return users, pairings, conventions, documents


def named(found, objects) -> set[str]:
    return {name for name, obj in objects.items() if obj in found}


PAIRINGS_SEEN = {
    "staff_a": {"a"},
    "staff_b": {"b"},
    "office": {"a", "b", "across"},
    "office_elsewhere": {"d"},
    "national": PAIRINGS,
    "editor": set(),
    "anonymous": set(),
    "admin": PAIRINGS,
}


@pytest.mark.parametrize("role", ROLES)
def test_a_pairing_and_its_convention_are_seen_by_whoever_sees_both_files(world, role):
    users, pairings, conventions, _documents = world
    user = users[role]

    seen = named(access.pairings_visible_to(user, Pairing.objects.all()), pairings)
    viewable = {name for name, pairing in pairings.items() if access.may_view_pairing(user, pairing)}
    conventions_seen = named(access.conventions_visible_to(user, Convention.objects.all()), conventions)

    assert seen == viewable == conventions_seen == PAIRINGS_SEEN[role]


MANAGED = {"staff_a": {"a"}, "staff_b": {"b"}, "admin": PAIRINGS}
COUNTERSIGNED = {"office": {"a", "b", "across"}, "office_elsewhere": {"d"}, "admin": PAIRINGS}


@pytest.mark.parametrize("role", ROLES)
def test_advisors_lead_the_pairings_of_their_territory_and_the_pension_office_counter_signs(world, role):
    users, pairings, _conventions, _documents = world
    user = users[role]

    managed = {name for name, pairing in pairings.items() if access.may_manage_pairing(user, pairing)}
    countersigned = {name for name, pairing in pairings.items() if access.may_countersign_pairing(user, pairing)}

    assert managed == MANAGED.get(role, set())
    assert countersigned == COUNTERSIGNED.get(role, set())


SIGNS_AS = {
    "staff_a": {"a": "association"},
    "staff_b": {"b": "association"},
    "office": {"a": "pension_office", "b": "pension_office", "across": "pension_office"},
    "office_elsewhere": {"d": "pension_office"},
    "admin": dict.fromkeys(PAIRINGS, "association"),
}


@pytest.mark.parametrize("role", ROLES)
def test_staff_sign_a_convention_for_their_organisation_only(world, role):
    users, _pairings, conventions, _documents = world
    user = users[role]

    signs_as = {name: access.may_sign_convention_as(user, c) for name, c in conventions.items()}

    assert {name: party for name, party in signs_as.items() if party} == SIGNS_AS.get(role, {})
    for convention in conventions.values():
        for party in ("host", "guest"):
            assert not access.may_sign_convention(user, convention, party), "staff never sign for an applicant"


def test_the_administrator_may_sign_for_both_organisations_and_the_association_comes_first(world):
    users, _pairings, conventions, _documents = world

    assert access.may_sign_convention(users["admin"], conventions["a"], "association")
    assert access.may_sign_convention(users["admin"], conventions["a"], "pension_office")
    assert access.may_sign_convention_as(users["admin"], conventions["a"]) == "association"


def test_the_host_and_the_guest_sign_for_themselves_from_their_own_file_only(world):
    _users, pairings, conventions, _documents = world
    convention, pairing, elsewhere = conventions["a"], pairings["a"], pairings["b"]

    assert access.may_sign_convention(None, convention, "host", application=pairing.host)
    assert access.may_sign_convention(None, convention, "guest", application=pairing.guest)
    assert not access.may_sign_convention(None, convention, "host", application=pairing.guest)
    assert not access.may_sign_convention(None, convention, "guest", application=pairing.host)
    assert not access.may_sign_convention(None, convention, "guest", application=elsewhere.guest)
    assert not access.may_sign_convention(None, convention, "association", application=pairing.host)
    assert not access.may_sign_convention(None, convention, "host")
    assert not access.may_sign_convention(None, convention, "witness", application=pairing.host)


def test_the_signing_parties_are_named_with_the_words_of_the_files_and_organisations():
    """access.py names the parties without importing the documents app: the values must agree."""
    assert {SigningParty.HOST, SigningParty.GUEST} == set(ApplicationKind.values)
    assert {SigningParty.ASSOCIATION, SigningParty.PENSION_OFFICE} == set(access.STAFF_SIGNING_PARTIES)
    assert set(SigningParty.values) == set(ApplicationKind.values) | set(access.STAFF_SIGNING_PARTIES)


DOCUMENTS_SEEN = {
    "staff_a": {"a", "across"},
    "staff_b": {"b"},
    "office": {"a", "b", "across"},
    "office_elsewhere": {"d"},
    "national": PAIRINGS,
    "editor": set(),
    "anonymous": set(),
    "admin": PAIRINGS,
}


@pytest.mark.parametrize("role", ROLES)
def test_a_document_is_seen_with_its_file(world, role):
    users, _pairings, _conventions, documents = world

    seen = named(access.documents_visible_to(users[role], SupportingDocument.objects.all()), documents)

    # The documents are on the hosts' files: the pairing across A and B has its host in A.
    assert seen == DOCUMENTS_SEEN[role]


SEARCHES_AUDIT = {"national", "admin"}


@pytest.mark.parametrize("role", ROLES)
def test_national_officers_and_administrators_search_the_audit_trail(world, role):
    users, pairings, _conventions, _documents = world
    user = users[role]
    a, d = pairings["a"], pairings["d"]
    audit.record("test.file_event", obj=a.host, application_id=a.host_id)
    audit.record("test.pairing_event", obj=d, pairing_id=d.pk, data={"host": d.host_id, "guest": d.guest_id})
    audit.record("test.sign_in", actor="someone")
    abroad = ApplicationFactory()
    audit.record("test.abroad", obj=abroad, application_id=abroad.pk)
    events = AuditEvent.objects.filter(action__startswith="test.")

    seen = set(access.audit_events_visible_to(user, events).values_list("action", flat=True))

    assert access.may_search_audit(user) == (role in SEARCHES_AUDIT)
    expected = {
        "national": {"test.file_event", "test.pairing_event"},
        "admin": {"test.file_event", "test.pairing_event", "test.sign_in", "test.abroad"},
    }
    assert seen == expected.get(role, set())


@pytest.mark.parametrize("role", ROLES)
def test_who_holds_which_role_is_listed_to_administrators_only(world, role):
    users, *_ = world

    assert access.may_list_staff_roles(users[role]) == (role == "admin")


def test_a_deactivated_person_loses_every_right(world):
    users, pairings, conventions, documents = world
    for role in ("staff_a", "office", "national", "admin"):
        user = users[role]
        user.is_active = False
        user.save()

        assert not access.pairings_visible_to(user, Pairing.objects.all()).exists()
        assert not access.conventions_visible_to(user, Convention.objects.all()).exists()
        assert not access.documents_visible_to(user, SupportingDocument.objects.all()).exists()
        assert not any(access.may_manage_pairing(user, p) for p in pairings.values())
        assert not any(access.may_sign_convention_as(user, c) for c in conventions.values())
        assert not access.may_search_audit(user)
        assert not access.may_list_staff_roles(user)
