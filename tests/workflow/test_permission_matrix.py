"""Every back-office address of the programme, walked with every role.

A missing right answers 403; a file of another territory answers 404 (its existence does not
leak); a refused action on a visible file comes back as a message (302). The file of the matrix
came through a partner's referral link with its applicant's consent: the partner's referent
follows it on its referrals page and is refused everything else, the file's own page included.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .factories import (
    ApplicationFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    partner_referent,
    referred,
    set_state,
)

ROLES = [
    "anonymous",
    "editor",
    "advisor",
    "other_advisor",
    "manager",
    "pension_officer",
    "national_officer",
    "partner",
    "admin",
]

# address name -> expected status per role, in the order of ROLES.
MATRIX = {
    "dashboard": [302, 200, 200, 200, 200, 200, 200, 200, 200],
    "applications": [302, 403, 200, 200, 200, 200, 200, 403, 200],
    "application": [302, 403, 200, 404, 200, 200, 200, 403, 200],
    "act": [302, 403, 302, 404, 302, 403, 403, 403, 302],
    "note": [302, 403, 302, 404, 302, 403, 403, 403, 302],
    "edit_application": [302, 403, 403, 403, 403, 403, 403, 403, 403],
    "pairings": [302, 403, 200, 200, 200, 200, 200, 403, 200],
    "suggestions": [302, 403, 404, 404, 404, 404, 404, 403, 404],
    # Appointments are scheduled by the file's association; others who see the file may not.
    "schedule_appointment": [302, 404, 200, 404, 200, 403, 403, 404, 200],
    "countries": [302, 403, 403, 403, 403, 403, 403, 403, 200],
    "territories": [302, 403, 403, 403, 403, 403, 403, 403, 200],
    "staff_roles": [302, 403, 403, 403, 403, 403, 403, 403, 200],
    "application_rules": [302, 403, 403, 403, 403, 403, 403, 403, 200],
    "audit_trail": [302, 403, 403, 403, 403, 403, 200, 403, 200],
    # A partner's own page: who came through its link; nobody else's, not even an administrator's.
    "referrals": [302, 403, 403, 403, 403, 403, 403, 200, 403],
}


@pytest.fixture
def world(demo):
    office = OrganisationFactory(pension_office=True)
    country = office.country
    region = TerritoryFactory(country=country, pension_office=office)
    territory = TerritoryFactory(department=True, country=country, parent=region)
    association = association_covering(territory)
    application = set_state(ApplicationFactory(territory=territory, country=country), "submitted")
    national = OrganisationFactory(kind="national_body", country=country)
    elsewhere = ApplicationFactory()
    partner = OrganisationFactory(partner=True, country=country)
    referred(application, partner)
    users = {
        "anonymous": None,
        "editor": get_user_model().objects.get(username="editor.france"),
        "advisor": StaffMembershipFactory(organisation=association, role="advisor").user,
        "other_advisor": StaffMembershipFactory(organisation=association_covering(elsewhere.territory)).user,
        "manager": StaffMembershipFactory(organisation=association, role="association_manager").user,
        "pension_officer": StaffMembershipFactory(organisation=office, role="pension_officer").user,
        "national_officer": StaffMembershipFactory(organisation=national, role="national_officer").user,
        "partner": partner_referent(partner),
        "admin": get_user_model().objects.get(username="admin"),
    }
    return application, users


def request(client, name, application):
    if name == "act":
        set_state(application, "submitted")
        return client.post(
            reverse("workflow_application:act", args=[application.pk]),
            {"action": "start_review", "expected_state": "submitted"},
        )
    if name == "note":
        return client.post(reverse("workflow_application:note", args=[application.pk]), {"text": "Entretien fait."})
    urls = {
        "dashboard": reverse("wagtailadmin_home"),
        "applications": reverse("workflow_application:index"),
        "application": reverse("workflow_application:inspect", args=[application.pk]),
        "edit_application": reverse("workflow_application:edit", args=[application.pk]),
        "countries": reverse("wagtailsnippets_workflow_country:list"),
        "territories": reverse("wagtailsnippets_workflow_territory:list"),
        "staff_roles": reverse("wagtailsnippets_workflow_staffmembership:list"),
        "application_rules": reverse("wagtailsnippets_workflow_applicationrules:list"),
        "pairings": reverse("pairings_pairing:index"),
        # The file in the matrix is a guest's: there are no suggestions for it, for anyone.
        "suggestions": reverse("pairings_pairing:suggestions", args=[application.pk]),
        "schedule_appointment": reverse("appointment_new_file", args=[application.pk]),
        "audit_trail": reverse("audit_trail"),
        "referrals": reverse("oversight_partner_referrals"),
    }
    return client.get(urls[name])


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_on_every_address(client, world, role):
    application, users = world
    if users[role] is not None:
        client.force_login(users[role])

    found = {name: request(client, name, application).status_code for name in MATRIX}

    expected = {name: statuses[ROLES.index(role)] for name, statuses in MATRIX.items()}
    assert found == expected


def test_a_successful_action_in_the_matrix_really_changed_the_file(client, world):
    application, users = world
    client.force_login(users["manager"])

    request(client, "act", application)

    application.refresh_from_db()
    assert application.state == "in_review"


def test_the_partner_finds_the_file_of_the_matrix_on_its_referrals_page_only(client, world):
    application, users = world
    client.force_login(users["partner"])

    page = client.get(reverse("oversight_partner_referrals")).content.decode()

    assert f"WS-{application.created_at:%Y}-{application.pk:06d}" in page
    assert request(client, "application", application).status_code == 403


# -- the proxy role: the applicant's space walked by someone acting for a senior ------------------

#: Each proxy's mandate: which rights, and whether it was revoked or has run out.
PROXIES = ["no_mandate", "follow", "upload", "write", "answer", "every_right", "revoked", "expired"]

# address name -> expected status per proxy, in the order of PROXIES. The person's own pages
# (withdrawing, their data, erasure) are never a proxy's, whatever the mandate.
PROXY_MATRIX = {
    "proxy_file": [404, 200, 200, 200, 200, 200, 404, 404],
    "upload": [404, 404, 302, 404, 404, 302, 404, 404],
    "open_conversation": [404, 302, 404, 302, 404, 302, 404, 404],
    "write": [404, 400, 404, 302, 404, 302, 404, 404],
    "proposal": [404, 200, 404, 404, 200, 200, 404, 404],
    "answer": [404, 403, 404, 404, 302, 302, 404, 404],
    "withdraw": [404, 404, 404, 404, 404, 404, 404, 404],
    "export": [404, 404, 404, 404, 404, 404, 404, 404],
    "erasure": [404, 404, 404, 404, 404, 404, 404, 404],
}


@pytest.fixture
def senior_world(private_storage):
    from pairings.services import pairing_propose
    from tests.pairings.conftest import approved

    territory = TerritoryFactory(department=True)
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    senior = approved("host", territory)
    pairing = pairing_propose(host=senior, guest=approved("guest", territory), by=advisor)
    return senior, pairing


def proxy_for(senior, case):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from tests.workflow.factories_mandates import ALL_RIGHTS, mandate_between, proxy_person
    from workflow.mandates import mandate_revoke

    if case == "no_mandate":
        return proxy_person()
    rights = ALL_RIGHTS if case in ("every_right", "revoked", "expired") else [case]
    if case == "expired":
        with time_machine.travel(timezone.now() - timedelta(days=2)):
            return mandate_between(senior, rights=rights, duration="day").proxy
    mandate = mandate_between(senior, rights=rights)
    if case == "revoked":
        mandate_revoke(mandate_id=mandate.pk, person_id=senior.person_id)
    return mandate.proxy


def proxy_request(client, name, senior, pairing):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from conversations.services import conversation_of_file

    if name == "upload":
        pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        return client.post(
            reverse("applicant_document_upload", args=[senior.pk]),
            {"kind": "identity", "file": SimpleUploadedFile("id.pdf", pdf)},
        )
    if name == "write":
        return client.post(
            reverse("applicant_conversation", args=[conversation_of_file(senior).pk]), {"body": "Bonjour"}
        )
    if name == "answer":
        return client.post(reverse("applicant_pairing", args=[pairing.pk]), {"answer": "accept"})
    urls = {
        "proxy_file": reverse("applicant_proxy_file", args=[senior.pk]),
        "open_conversation": reverse("applicant_conversation_file", args=[senior.pk]),
        "proposal": reverse("applicant_pairing", args=[pairing.pk]),
        "withdraw": reverse("applicant_withdraw", args=[senior.pk]),
        "export": reverse("applicant_export", args=[senior.pk]),
        "erasure": reverse("applicant_erasure", args=[senior.pk]),
    }
    return client.get(urls[name])


@pytest.mark.parametrize("case", PROXIES)
def test_a_proxy_gets_the_expected_answer_on_every_address_of_the_persons_space(client, senior_world, case):
    from tests.workflow.factories_mandates import signed_in_as

    senior, pairing = senior_world
    signed_in_as(client, proxy_for(senior, case).pk)

    found = {name: proxy_request(client, name, senior, pairing).status_code for name in PROXY_MATRIX}

    expected = {name: statuses[PROXIES.index(case)] for name, statuses in PROXY_MATRIX.items()}
    assert found == expected
