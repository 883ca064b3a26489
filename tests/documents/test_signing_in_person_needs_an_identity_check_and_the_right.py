"""Only an advisor who manages the pairing helps a host or a guest sign in person, and only after
recording the check of their identity document: which document, by whom, when, where, who was present."""

import pytest
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEvent
from documents.conventions.services import (
    InPersonRefused,
    convention_sign_in_person,
    identity_check_record,
    signing_code_deliver,
)
from documents.exceptions import DocumentNotFound, NotYourTurn
from documents.models import IdentityCheck, SigningCode
from tests.workflow.factories import OrganisationFactory, StaffMembershipFactory, TerritoryFactory

from .factories_in_person import check_identity, printed_code


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The refusals are read in English here; the pages give them in the reader's language."""
    with translation.override("en"):
        yield


def test_no_code_is_given_before_the_identity_check(convention, advisor):
    with pytest.raises(InPersonRefused, match="identity"):
        signing_code_deliver(convention_id=convention.pk, party="guest", delivery="sheet", by=advisor)

    assert not SigningCode.objects.filter(convention=convention).exists()


def test_the_identity_check_records_the_document_the_advisor_the_time_and_who_was_present(convention, advisor, clock):
    from django.utils import timezone

    check = check_identity(convention, "guest", advisor, document_type="passport", document_number_end=" 12a ")

    assert (check.document_type, check.document_number_end, check.checked_by) == ("passport", "12A", advisor)
    assert check.checked_at == timezone.now() and check.application == convention.pairing.guest
    assert check.present == "La conseillère et la fille de la signataire"
    event = AuditEvent.objects.get(action="convention.identity_checked")
    assert event.data == {
        "party": "guest",
        "identity_check": check.pk,
        "document_type": "passport",
        "place": "home_visit",
    }
    assert "4821" not in str(event.data) and "fille" not in str(event.data)


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"document_type": "library_card"}, "identity document"),
        ({"place": "cafe"}, "home or at the office"),
        ({"present": "  "}, "who was present"),
        ({"document_number_end": "123456"}, "last four"),
    ],
)
def test_an_incomplete_identity_check_is_refused_with_what_to_fix(convention, advisor, fields, says):
    with pytest.raises(InPersonRefused, match=says):
        check_identity(convention, "guest", advisor, **fields)

    assert not IdentityCheck.objects.exists()


def test_an_advisor_who_does_not_manage_the_pairing_cannot_check_give_a_code_or_sign(convention, advisor, officer):
    elsewhere = TerritoryFactory(department=True, country=convention.pairing.host.country)
    stranger = StaffMembershipFactory(organisation=OrganisationFactory(country=elsewhere.country)).user
    check_identity(convention, "guest", advisor)

    for someone in (stranger, officer):
        with pytest.raises(DocumentNotFound):
            identity_check_record(
                convention_id=convention.pk,
                party="guest",
                by=someone,
                document_type="passport",
                place="office",
                present="x",
            )
        with pytest.raises(DocumentNotFound):
            signing_code_deliver(convention_id=convention.pk, party="guest", delivery="sheet", by=someone)
        with pytest.raises(DocumentNotFound):
            convention_sign_in_person(
                convention_id=convention.pk,
                party="guest",
                code="123456",
                by=someone,
                consent=True,
                place="office",
                present="x",
            )
    assert IdentityCheck.objects.count() == 1 and not SigningCode.objects.exists()


def test_the_pages_refuse_staff_who_do_not_manage_the_pairing(client, convention, officer, advisor):
    client.force_login(officer)
    page = client.get(reverse("convention_in_person", args=[convention.pk]))
    sign = client.get(reverse("convention_in_person_sign", args=[convention.pk]))
    convention_page = client.get(reverse("convention_admin", args=[convention.pk])).content.decode()
    client.force_login(advisor)
    advisors = client.get(reverse("convention_admin", args=[convention.pk])).content.decode()

    assert page.status_code == 403 and sign.status_code == 403
    assert reverse("convention_in_person", args=[convention.pk]) not in convention_page
    assert f"{reverse('convention_in_person', args=[convention.pk])}?party=guest" in advisors


def test_the_host_cannot_sign_in_person_before_the_guest(convention, advisor, tmp_path):
    check_identity(convention, "host", advisor)
    code = printed_code(convention, "host", advisor, tmp_path)

    with pytest.raises(NotYourTurn):
        convention_sign_in_person(
            convention_id=convention.pk, party="host", code=code, by=advisor, consent=True, place="office", present="x"
        )
    assert SigningCode.objects.get(convention=convention).used_at is None


def test_without_the_signers_consent_nothing_is_signed_nor_counted(convention, advisor, tmp_path):
    check_identity(convention, "guest", advisor)
    code = printed_code(convention, "guest", advisor, tmp_path)

    with pytest.raises(InPersonRefused, match="ticks the box"):
        convention_sign_in_person(
            convention_id=convention.pk,
            party="guest",
            code=code,
            by=advisor,
            consent=False,
            place="office",
            present="x",
        )
    stored = SigningCode.objects.get(convention=convention)
    assert (stored.attempts, stored.used_at) == (0, None)
