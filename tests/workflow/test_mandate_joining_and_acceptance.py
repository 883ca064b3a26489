"""The proxy takes up an invitation with the code handed over, signs in with their own link, and
the person accepts the mandate: in their space, with a code sent by text message, or on paper."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from workflow import access
from workflow.applicant_session import current_applicant
from workflow.enums import MandateRight
from workflow.mandates import (
    AcceptanceCodeInvalid,
    InvitationInvalid,
    mandate_accept_by_code,
    mandate_accept_on_paper,
    mandate_acceptance_code_send,
    mandate_invitation_code,
    mandate_join,
)
from workflow.models import Mandate, Notification

from .factories import StaffMembershipFactory, association_covering
from .factories_mandates import mandate_between, senior_file, signed_in_as


@pytest.fixture
def client(committing_client):
    return committing_client


@pytest.fixture
def prepared(django_capture_on_commit_callbacks):
    """A mandate an advisor prepared for a senior, with its invitation code."""
    application = senior_file()
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    from workflow.mandates import mandate_create

    mandate = mandate_create(
        person=application.person,
        proxy_name="Paul Martin",
        proxy_relation="relative",
        duration="month",
        rights=["follow", "upload"],
        by_user=advisor,
    )
    code = mandate_invitation_code(mandate_id=mandate.pk, by_user=advisor)
    return application, advisor, mandate, code


def test_the_proxy_joins_with_the_code_and_signs_in_as_themselves(client, prepared):
    application, _advisor, mandate, code = prepared

    joined = client.post(
        reverse("applicant_mandate_join"), {"code": code.lower(), "name": "Paul Martin", "email": "paul@example.org"}
    )
    link = re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0)
    client.post(link)

    mandate.refresh_from_db()
    assert joined.status_code == 200
    assert mail.outbox[-1].to == ["paul@example.org"]
    assert mandate.proxy.email == "paul@example.org"
    assert mandate.proxy.email_confirmed_at is not None
    assert mandate.invitation_hash is None
    assert client.session["weshare-applicant"]["person_id"] == mandate.proxy_id != application.person_id
    space = client.get(reverse("applicant_space"))
    assert space.status_code == 200
    assert space.context["mandates_held"][0].pk == mandate.pk


def test_a_code_works_once(client, prepared, django_capture_on_commit_callbacks):
    _application, _advisor, _mandate, code = prepared
    with django_capture_on_commit_callbacks(execute=True):
        mandate_join(secret=code, name="Paul", email="paul@example.org", build_url=lambda t: f"/l/{t}/")

    with pytest.raises(InvitationInvalid):
        mandate_join(secret=code, name="Eve", email="eve@example.org", build_url=lambda t: f"/l/{t}/")


def test_a_wrong_code_is_refused_on_its_field(client, prepared):
    response = client.post(
        reverse("applicant_mandate_join"), {"code": "WRONG123", "name": "Paul Martin", "email": "paul@example.org"}
    )

    assert response.status_code == 400
    assert "code" in response.context["form"].errors
    assert Mandate.objects.get().proxy is None


def test_the_person_accepts_in_their_space(client, prepared, django_capture_on_commit_callbacks):
    application, _advisor, mandate, code = prepared
    with django_capture_on_commit_callbacks(execute=True):
        mandate_join(secret=code, name="Paul", email="paul@example.org", build_url=lambda t: f"/l/{t}/")
    signed_in_as(client, application.person_id)

    client.post(reverse("applicant_mandate_accept", args=[mandate.pk]))

    mandate.refresh_from_db()
    assert mandate.accepted_via == "space"
    assert access.proxy_may(mandate.proxy_id, application.pk, MandateRight.UPLOAD)


def test_a_proxy_cannot_accept_the_mandate_for_the_person(client, prepared, django_capture_on_commit_callbacks):
    _application, _advisor, mandate, code = prepared
    with django_capture_on_commit_callbacks(execute=True):
        mandate_join(secret=code, name="Paul", email="paul@example.org", build_url=lambda t: f"/l/{t}/")
    mandate.refresh_from_db()
    signed_in_as(client, mandate.proxy_id)

    client.post(reverse("applicant_mandate_accept", args=[mandate.pk]))

    mandate.refresh_from_db()
    assert mandate.accepted_at is None


def test_the_person_accepts_by_reading_the_text_messages_code(prepared, django_capture_on_commit_callbacks):
    application, advisor, mandate, _code = prepared
    application.person.mobile = "+33600000000"
    application.person.save()
    with django_capture_on_commit_callbacks(execute=True):
        mandate_acceptance_code_send(mandate_id=mandate.pk, by_user=advisor)
    sms = Notification.objects.get(kind="mandate.acceptance_code")
    mandate.refresh_from_db()
    assert sms.channel == "sms"
    assert mandate.acceptance_code_hash

    with pytest.raises(AcceptanceCodeInvalid):
        mandate_accept_by_code(mandate_id=mandate.pk, code="000000x", by_user=advisor)
    mandate.refresh_from_db()
    assert mandate.acceptance_attempts == 1
    assert mandate.accepted_at is None


def test_five_wrong_codes_spend_the_code(prepared):
    application, advisor, mandate, _code = prepared
    Mandate.objects.filter(pk=mandate.pk).update(acceptance_code_hash="x", acceptance_attempts=5)

    with pytest.raises(AcceptanceCodeInvalid):
        mandate_accept_by_code(mandate_id=mandate.pk, code="123456", by_user=advisor)


def test_the_advisor_records_the_signed_paper_form(prepared):
    _application, advisor, mandate, _code = prepared

    mandate_accept_on_paper(mandate_id=mandate.pk, by_user=advisor, document_id=42)

    mandate.refresh_from_db()
    assert mandate.accepted_via == "paper"
    assert mandate.acceptance_document_id == 42


def test_a_proxy_without_a_file_has_a_space_of_their_own_and_owns_nothing(rf):
    application = senior_file()
    mandate = mandate_between(application, rights=["follow"])
    request = rf.get("/")
    request.session = {"weshare-applicant": {"person_id": mandate.proxy_id}}

    applicant = current_applicant(request)

    assert applicant is not None
    assert applicant.application_ids == frozenset()
    assert not applicant.owns(application.pk)
    assert applicant.may(application.pk, "follow")
    assert not applicant.may(application.pk, "upload")
