"""From a file's page, the advisor who vets it prepares a mandate for the person, hands the proxy
a code shown once, and records the person's acceptance or revokes the mandate; nobody else may."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from workflow.models import Mandate

from .factories import StaffMembershipFactory, TerritoryFactory, association_covering
from .factories_mandates import senior_file

FORM = {
    "proxy_name": "Paul Martin",
    "proxy_relation": "caregiver",
    "proxy_email": "",
    "duration": "year",
    "rights": ["follow", "upload", "answer"],
    "invitation": "code",
}


@pytest.fixture
def senior():
    return senior_file()


@pytest.fixture
def advisor(senior):
    return StaffMembershipFactory(organisation=association_covering(senior.territory)).user


def test_the_files_page_shows_the_mandates_panel_to_its_advisor(client, senior, advisor):
    client.force_login(advisor)

    page = client.get(reverse("workflow_application:inspect", args=[senior.pk])).content.decode()

    assert 'id="mandates"' in page
    assert reverse("mandate_prepare", args=[senior.pk]) in page


def test_the_advisor_prepares_a_mandate_and_sees_the_code_once(client, senior, advisor):
    client.force_login(advisor)

    response = client.post(reverse("mandate_prepare", args=[senior.pk]), FORM)

    mandate = Mandate.objects.get()
    assert response.status_code == 200
    assert response.context["code"] in response.content.decode()
    assert mandate.person_id == senior.person_id
    assert mandate.created_by_user == advisor
    assert mandate.accepted_at is None
    assert mandate.rights() == ["follow", "upload", "answer"]
    assert AuditEvent.objects.filter(action="mandate.invitation_code", user_id=advisor.pk).exists()
    again = client.get(reverse("workflow_application:inspect", args=[senior.pk])).content.decode()
    assert response.context["code"] not in again


def test_an_emailed_invitation_needs_the_proxys_address(client, senior, advisor):
    client.force_login(advisor)

    response = client.post(reverse("mandate_prepare", args=[senior.pk]), {**FORM, "invitation": "email"})

    assert response.status_code == 400
    assert "proxy_email" in response.context["form"].errors
    assert not Mandate.objects.exists()


def test_the_advisor_records_the_paper_form_and_revokes(client, senior, advisor):
    client.force_login(advisor)
    client.post(reverse("mandate_prepare", args=[senior.pk]), FORM)
    mandate = Mandate.objects.get()

    client.post(reverse("mandate_accept_paper", args=[senior.pk, mandate.pk]), {"document_id": ""})
    mandate.refresh_from_db()
    assert mandate.accepted_via == "paper"

    client.post(reverse("mandate_admin_revoke", args=[senior.pk, mandate.pk]))
    mandate.refresh_from_db()
    assert mandate.revoked_at is not None


def test_an_advisor_of_another_territory_prepares_nothing(client, senior):
    stranger = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    client.force_login(stranger)

    assert client.post(reverse("mandate_prepare", args=[senior.pk]), FORM).status_code == 404
    assert not Mandate.objects.exists()
