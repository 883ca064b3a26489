"""Entries written before the chain was keyed still verify, sealed by one keyed entry after them,
and cannot be rewritten either."""

import hashlib
import importlib
from contextlib import contextmanager
from functools import cache

from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from audit import chain as audit
from audit.models import AuditEvent, AuditHead

seal_migration = importlib.import_module("workflow.migrations.0016_audit_chain_keyed")


@contextmanager
def with_database_access():
    """The attacker's position (and the tests' way to build an old chain): SQL on the tables,
    the append-only trigger switched off."""
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgresql:
            cursor.execute("ALTER TABLE workflow_auditevent DISABLE TRIGGER workflow_auditevent_append_only")
        yield cursor
        if postgresql:
            cursor.execute("ALTER TABLE workflow_auditevent ENABLE TRIGGER workflow_auditevent_append_only")


def old_unkeyed_hash(event, previous_hash):
    """The project's hash before the chain was keyed: plain SHA-256."""
    return hashlib.sha256(f"{previous_hash}|{audit._canonical(event)}".encode()).hexdigest()


def an_old_unkeyed_chain(n):
    """The chain as a database written before the key has it: n entries hashed with plain SHA-256."""
    with with_database_access():
        AuditEvent.objects.all().delete()
    previous, written = audit.GENESIS, []
    for i in range(n):
        event = AuditEvent(at=timezone.now(), action="test.old", actor=f"old{i}", data={"n": i}, previous_hash=previous)
        event.hash = previous = old_unkeyed_hash(event, previous)
        event.save(force_insert=True)
        written.append(event)
    AuditHead.objects.update_or_create(pk=1, defaults={"hash": previous, "event_id": written[-1].pk})
    return written


@cache
def models_when_the_chain_was_keyed():
    """The models as that migration sees them: still the workflow app's, on the same tables."""
    return MigrationLoader(connection).project_state(("workflow", "0016_audit_chain_keyed")).apps


def run_the_migration():
    seal_migration.seal(models_when_the_chain_was_keyed(), None)


def audit_verify(capsys):
    try:
        call_command("audit_verify")
    except SystemExit as exit_:
        return exit_.code, capsys.readouterr().out
    return 0, capsys.readouterr().out


def test_the_migration_seals_the_unkeyed_entries_and_the_chain_goes_on_keyed(capsys):
    old = an_old_unkeyed_chain(3)

    run_the_migration()
    seal = AuditEvent.objects.order_by("-pk").first()
    audit.record("test.new", actor="new")
    code, out = audit_verify(capsys)

    assert (seal.action, seal.data) == ("audit.keyed", {"sealed_events": 3, "sealed_head": old[-1].hash})
    assert seal.hash == audit.compute_hash(seal, old[-1].hash)
    assert code == 0, out
    assert "5 entries" in out


def test_the_seal_is_written_once_and_never_on_an_empty_or_keyed_chain():
    an_old_unkeyed_chain(2)
    run_the_migration()
    run_the_migration()
    assert AuditEvent.objects.filter(action="audit.keyed").count() == 1

    with with_database_access():
        AuditEvent.objects.all().delete()
    AuditHead.objects.update(hash=audit.GENESIS, event_id=None)
    run_the_migration()
    assert not AuditEvent.objects.exists()

    audit.record("test.new", actor="new")
    run_the_migration()
    assert not AuditEvent.objects.filter(action="audit.keyed").exists()


def test_an_unkeyed_entry_rewritten_and_rehashed_up_to_the_seal_is_reported(capsys):
    first, victim, last = an_old_unkeyed_chain(3)
    run_the_migration()
    seal = AuditEvent.objects.get(action="audit.keyed")

    with with_database_access() as cursor:
        cursor.execute("UPDATE workflow_auditevent SET actor = 'someone else' WHERE id = %s", [victim.pk])
        previous = first.hash
        for event in AuditEvent.objects.filter(pk__gte=victim.pk, pk__lt=seal.pk).order_by("pk"):
            new_hash = old_unkeyed_hash(event, previous)
            cursor.execute(
                "UPDATE workflow_auditevent SET previous_hash = %s, hash = %s WHERE id = %s",
                [previous, new_hash, event.pk],
            )
            previous = new_hash
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"entry #{seal.pk}: its link to the previous entry is broken" in out


def test_an_unkeyed_entry_edited_in_place_is_named(capsys):
    _first, victim, _last = an_old_unkeyed_chain(3)
    run_the_migration()

    with with_database_access() as cursor:
        cursor.execute("UPDATE workflow_auditevent SET actor = 'someone else' WHERE id = %s", [victim.pk])
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"entry #{victim.pk}: its content does not match its hash" in out


def test_unkeyed_entries_without_a_seal_are_reported(capsys):
    first, *_rest = an_old_unkeyed_chain(2)

    code, out = audit_verify(capsys)

    assert code == 1
    assert f"entry #{first.pk}: its hash is not keyed with AUDIT_HMAC_KEY" in out


def test_a_seal_made_without_the_key_is_not_taken(capsys):
    first, *_rest, last = an_old_unkeyed_chain(2)
    fake = AuditEvent(
        at=timezone.now(),
        action="audit.keyed",
        data={"sealed_events": 2, "sealed_head": last.hash},
        previous_hash=last.hash,
    )
    fake.hash = old_unkeyed_hash(fake, last.hash)
    fake.save(force_insert=True)
    AuditHead.objects.filter(pk=1).update(hash=fake.hash, event_id=fake.pk)

    code, out = audit_verify(capsys)

    assert code == 1
    assert f"entry #{first.pk}: its hash is not keyed with AUDIT_HMAC_KEY" in out
