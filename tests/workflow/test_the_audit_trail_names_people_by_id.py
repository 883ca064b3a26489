"""The audit trail names people by id only; names are resolved when it is read, and an erased
person reads "anonymised" while the chain stays whole."""

import json
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEvent
from workflow.applicants import application_anonymise
from workflow.models import Application
from workflow.services import application_act

from .factories import StaffMembershipFactory, association_covering
from .test_applying_online import confirmation_link, fill, form_page, guest_steps

PASSWORD = "Une-longue-phrase-de-passe-2026"


@pytest.fixture
def client(committing_client):
    return committing_client


def a_whole_journey(client):
    """An applicant applies and confirms, staff sign in (once wrongly) and review, the applicant
    signs in to their space and downloads their data."""
    start = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    page = form_page("guest", "es")
    fill(client, page, guest_steps())
    client.post(confirmation_link(mail.outbox[-1]))
    application = Application.objects.get(email="lucia.martin@example.org")
    advisor = StaffMembershipFactory(
        organisation=association_covering(application.territory),
        user__first_name="Bernadette",
        user__last_name="Lafleur",
    ).user
    advisor.set_password(PASSWORD)
    advisor.save()
    client.post(reverse("wagtailadmin_login"), {"username": advisor.username, "password": "wrong"})
    client.post(reverse("wagtailadmin_login"), {"username": "nobody-by-that-name", "password": "wrong"})
    client.post(reverse("wagtailadmin_login"), {"username": advisor.username, "password": PASSWORD})
    application_act(application_id=application.pk, action="start_review", by=advisor)
    client.logout()
    client.post(reverse("applicant_space"), {"email": application.email})
    client.post(re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0))
    client.get(reverse("applicant_export", args=[application.pk]))
    return application, advisor, AuditEvent.objects.filter(pk__gt=start)


def test_no_audit_entry_holds_an_address_or_a_name(client):
    application, advisor, events = a_whole_journey(client)

    assert events.count() >= 6
    words = ["@", "Lucía", "Martín", "Bernadette", "Lafleur", advisor.username, "nobody-by-that-name"]
    for event in events:
        written = event.actor + json.dumps(event.data, ensure_ascii=False)
        assert not [word for word in words if word in written], (event.action, written)
    assert {e.actor for e in events if e.actor} <= {f"user:{advisor.pk}", f"applicant:{application.person_id}"}


def test_the_search_names_people_when_it_is_read_and_anonymised_after_erasure(client):
    application, advisor, _events = a_whole_journey(client)
    national = StaffMembershipFactory(
        organisation__kind="national_body", organisation__country=application.country, role="national_officer"
    ).user
    client.force_login(national)
    url = reverse("audit_trail")

    before = client.get(url, {"person": application.email}).content.decode()
    application_anonymise(application_id=application.pk, reason="erasure")
    after = client.get(url, {"person": str(application.pk)}).content.decode()
    exported = client.get(url, {"person": str(application.pk), "format": "csv"})

    assert "Lucía Martín" in before and "Bernadette Lafleur" in before
    assert "Lucía" not in after
    assert "anonymis" in after.lower()
    assert b"lucia.martin@example.org" not in exported.content
    call_command("audit_verify")


def test_the_scan_finds_an_address_or_a_name_written_into_the_trail():
    from django.core.management.base import CommandError

    from audit import chain as audit

    from .factories import ApplicationFactory

    application = ApplicationFactory(first_name="Bernadette")
    audit.record("test.leak", obj=application, data={"note": "Bernadette called"})

    with pytest.raises(CommandError, match="test.leak"):
        call_command("audit_scan_personal_data")
