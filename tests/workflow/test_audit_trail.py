"""Security-relevant events form a hash chain that audit_verify checks; the database refuses edits."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from audit import chain as audit
from audit.models import AuditAnchor, AuditEvent
from workflow.services import application_act

from .factories import ApplicationFactory, StaffMembershipFactory, TerritoryFactory, association_covering, set_state

PASSWORD = "Une-longue-phrase-de-passe-2026"


@pytest.fixture
def advisor():
    user = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    user.set_password(PASSWORD)
    user.save()
    return user


def test_sign_ins_failures_transitions_and_rights_are_recorded(client, advisor):
    territory = advisor.memberships.get().organisation.territories.first()
    application = set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")
    start = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    client.post(reverse("wagtailadmin_login"), {"username": advisor.username, "password": "wrong"})
    client.post(reverse("wagtailadmin_login"), {"username": advisor.username, "password": PASSWORD})
    application_act(application_id=application.pk, action="start_review", by=advisor)
    StaffMembershipFactory(
        user=advisor, organisation=advisor.memberships.get().organisation, role="association_manager"
    )

    actions = list(AuditEvent.objects.filter(pk__gt=start).values_list("action", flat=True))
    assert "auth.login_failed" in actions and "auth.login" in actions
    assert "application.review_started" in actions
    assert "permissions.role_granted" in actions


def test_the_chain_is_verified_and_a_tampered_entry_is_named(capsys):
    for n in range(3):
        audit.record("test.event", actor=f"tester{n}", data={"n": n})
    call_command("audit_verify")
    assert "intact" in capsys.readouterr().out
    victim = AuditEvent.objects.order_by("-pk")[1]

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE workflow_auditevent DISABLE TRIGGER workflow_auditevent_append_only")
        cursor.execute("UPDATE workflow_auditevent SET actor = 'someone else' WHERE id = %s", [victim.pk])
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE workflow_auditevent ENABLE TRIGGER workflow_auditevent_append_only")

    with pytest.raises(SystemExit) as broken:
        call_command("audit_verify")
    assert broken.value.code == 1
    assert f"#{victim.pk}" in capsys.readouterr().out


def test_postgresql_refuses_to_update_or_delete_an_audit_event(postgresql):
    event = audit.record("test.event", actor="tester")

    for statement in (
        "UPDATE workflow_auditevent SET actor = 'x' WHERE id = %s",
        "DELETE FROM workflow_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).actor == "tester"


def test_the_head_of_the_chain_is_timestamped_once_a_day(demo):
    from documents.tasks import timestamp_audit_head

    stamped = audit.record("test.event", actor="tester")

    assert timestamp_audit_head() == "stamped"
    assert timestamp_audit_head() == "already stamped"
    anchor = AuditAnchor.objects.get()
    assert (anchor.event_id, anchor.hash) == (stamped.pk, stamped.hash)
    assert anchor.length == AuditEvent.objects.filter(pk__lte=stamped.pk).count()
    assert len(bytes(anchor.token)) > 500  # a signed RFC 3161 token
    anchoring = AuditEvent.objects.order_by("-pk").first()  # recorded in the chain itself
    assert (anchoring.action, anchoring.data) == ("audit.anchored", {"hash": stamped.hash, "length": anchor.length})


def test_national_officers_search_and_export_a_persons_events(client):
    territory = TerritoryFactory(department=True)
    application = set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    application_act(application_id=application.pk, action="start_review", by=advisor)
    national = StaffMembershipFactory(
        organisation__kind="national_body", organisation__country=territory.country, role="national_officer"
    ).user
    url = reverse("audit_trail")

    client.force_login(advisor)
    assert client.get(url).status_code == 403
    client.force_login(national)
    page = client.get(url, {"person": application.email})
    csv = client.get(url, {"person": str(application.pk), "format": "csv"})

    assert page.status_code == 200
    assert [e.application_id for e in page.context["events"]] and all(
        e.application_id == application.pk for e in page.context["events"]
    )
    assert csv["Content-Type"].startswith("text/csv")
    assert b"application.review_started" in csv.content
    assert AuditEvent.objects.filter(action="audit.exported", user_id=national.pk).exists()
