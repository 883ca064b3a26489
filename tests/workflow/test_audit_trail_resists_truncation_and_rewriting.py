"""Someone with access to the database alone cannot truncate or rewrite the audit chain unnoticed.

Each test plays the attacker on the tables themselves (the PostgreSQL trigger switched off, as
a database owner can), then ``audit_verify`` must exit 1 and say where.
"""

import asyncio
import hashlib
import hmac
import logging
import re
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from audit import chain as audit
from audit.models import AuditAnchor, AuditEvent, AuditHead
from documents import pki
from documents.tasks import timestamp_audit_head


@contextmanager
def with_database_access():
    """The attacker's position: SQL on the tables, the append-only trigger switched off."""
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgresql:
            cursor.execute("ALTER TABLE workflow_auditevent DISABLE TRIGGER workflow_auditevent_append_only")
        yield cursor
        if postgresql:
            cursor.execute("ALTER TABLE workflow_auditevent ENABLE TRIGGER workflow_auditevent_append_only")


def old_unkeyed_hash(event, previous_hash):
    """The project's hash before the chain was keyed: plain SHA-256, which anyone can compute."""
    return hashlib.sha256(f"{previous_hash}|{audit._canonical(event)}".encode()).hexdigest()


def keyed_with(key: str):
    def hasher(event, previous_hash):
        message = f"{previous_hash}|{audit._canonical(event)}".encode()
        return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()

    return hasher


def edit_and_recompute(victim, hasher, *, actor="someone else"):
    """Edit one entry, then recompute the hash of every entry from it on and move the head."""
    with with_database_access() as cursor:
        cursor.execute("UPDATE workflow_auditevent SET actor = %s WHERE id = %s", [actor, victim.pk])
        previous = victim.previous_hash
        for event in AuditEvent.objects.filter(pk__gte=victim.pk).order_by("pk"):
            new_hash = hasher(event, previous)
            cursor.execute(
                "UPDATE workflow_auditevent SET previous_hash = %s, hash = %s WHERE id = %s",
                [previous, new_hash, event.pk],
            )
            previous = new_hash
    AuditHead.objects.filter(pk=1).update(hash=previous)


def truncate_after(last_kept):
    """Delete every entry after this one and move the head back onto it."""
    with with_database_access() as cursor:
        cursor.execute("DELETE FROM workflow_auditevent WHERE id > %s", [last_kept.pk])
    AuditHead.objects.filter(pk=1).update(hash=last_kept.hash, event_id=last_kept.pk)


def audit_verify(capsys, *args):
    try:
        call_command("audit_verify", *args)
    except SystemExit as exit_:
        return exit_.code, capsys.readouterr().out
    return 0, capsys.readouterr().out


def entries(n, prefix="test"):
    return [audit.record("test.event", actor=f"{prefix}{i}", data={"n": i}) for i in range(n)]


def test_an_intact_chain_with_its_anchors_verifies(demo, capsys):
    entries(2)
    assert timestamp_audit_head() == "stamped"
    entries(2, "later")
    assert timestamp_audit_head() == "stamped"
    entries(1, "latest")

    code, out = audit_verify(capsys)

    assert code == 0, out
    assert "intact" in out and "2 anchors" in out


def test_entries_deleted_below_an_anchor_and_the_head_moved_back_are_reported(demo, capsys):
    kept, *_rest = entries(3)
    assert timestamp_audit_head() == "stamped"
    entries(2, "later")
    anchor = AuditAnchor.objects.get()

    truncate_after(kept)
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"at anchor #{anchor.pk}: it timestamped the chain at" in out and "deleted" in out


def test_an_entry_edited_and_every_later_hash_recomputed_with_the_old_unkeyed_hash_is_reported(capsys):
    first, victim, *_later = entries(4)
    assert audit_verify(capsys)[0] == 0

    edit_and_recompute(victim, old_unkeyed_hash)
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"entry #{victim.pk}:" in out and "AUDIT_HMAC_KEY" in out


def test_an_entry_edited_and_every_later_hash_recomputed_with_a_wrong_key_is_reported(capsys):
    _first, victim, *_later = entries(4)

    edit_and_recompute(victim, keyed_with("a-guessed-key-" + "0" * 32))
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"entry #{victim.pk}: its content does not match its hash" in out


def test_even_with_the_key_an_entry_rewritten_before_an_anchored_position_is_reported(demo, capsys):
    _first, victim, stamped = entries(3)
    assert timestamp_audit_head() == "stamped"
    entries(2, "later")
    anchor = AuditAnchor.objects.get()

    edit_and_recompute(victim, keyed_with(settings.AUDIT_HMAC_KEY))
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"entry #{stamped.pk}, against anchor #{anchor.pk}: its hash is not the one the anchor timestamped" in out


def test_a_deleted_anchor_is_reported(demo, capsys):
    entries(2)
    assert timestamp_audit_head() == "stamped"
    entries(1, "later")
    anchoring = AuditEvent.objects.get(action="audit.anchored")

    AuditAnchor.objects.all().delete()
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"entry #{anchoring.pk}" in out and "the anchor was deleted" in out


def test_an_anchor_token_from_another_timestamp_authority_is_reported(demo, capsys):
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    entries(2)
    assert timestamp_audit_head() == "stamped"
    anchor = AuditAnchor.objects.get()
    root, root_key = pki.create_root()  # an authority of the attacker's own, with the same names
    issuing, issuing_key = pki.create_issuing(root, root_key, crl_url="http://forger.invalid/root.crl")
    tsa, tsa_key = pki.create_tsa(issuing, issuing_key, crl_url="http://forger.invalid/issuing.crl")
    forger = DummyTimeStamper(
        tsa_cert=pki.to_asn1_cert(tsa),
        tsa_key=pki.to_asn1_key(tsa_key),
        certs_to_embed=SimpleCertificateStore.from_certs([pki.to_asn1_cert(issuing), pki.to_asn1_cert(root)]),
    )
    forged = asyncio.run(forger.async_timestamp(hashlib.sha256(bytes.fromhex(anchor.hash)).digest(), "sha256"))

    AuditAnchor.objects.filter(pk=anchor.pk).update(token=forged.dump())
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"at anchor #{anchor.pk}: its timestamp token is not signed by" in out


@pytest.fixture
def fresh_authorities():
    """Each audit_verify runs in a new process: the authorities are read again from the database."""
    from documents.conventions import authority

    def clear():
        for cached in (authority.loaded, authority._crl, authority._validation_context, authority._timestamper):
            cached.cache_clear()

    clear()
    yield clear
    clear()


def test_an_anchor_token_from_authorities_swapped_into_the_database_is_reported(demo, capsys, fresh_authorities):
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from documents.models import Authority

    entries(2)
    assert timestamp_audit_head() == "stamped"
    anchor = AuditAnchor.objects.get()
    # The certificates are stored in clear: the attacker puts their own there (the keys beside
    # them stay, encrypted with a passphrase the attacker does not have).
    root, root_key = pki.create_root()
    issuing, issuing_key = pki.create_issuing(root, root_key, crl_url="http://forger.invalid/root.crl")
    tsa, tsa_key = pki.create_tsa(issuing, issuing_key, crl_url="http://forger.invalid/issuing.crl")
    for kind, cert in (("root", root), ("issuing", issuing), ("tsa", tsa)):
        Authority.objects.filter(kind=kind).update(certificate_pem=pki.cert_pem(cert).decode())
    forger = DummyTimeStamper(
        tsa_cert=pki.to_asn1_cert(tsa),
        tsa_key=pki.to_asn1_key(tsa_key),
        certs_to_embed=SimpleCertificateStore.from_certs([pki.to_asn1_cert(issuing), pki.to_asn1_cert(root)]),
    )
    forged = asyncio.run(forger.async_timestamp(hashlib.sha256(bytes.fromhex(anchor.hash)).digest(), "sha256"))
    AuditAnchor.objects.filter(pk=anchor.pk).update(token=forged.dump())
    fresh_authorities()

    code, out = audit_verify(capsys)

    assert code == 1
    assert f"at anchor #{anchor.pk}: the platform's root certificate does not match its key" in out


def test_an_unreadable_anchor_token_is_reported(demo, capsys):
    entries(1)
    assert timestamp_audit_head() == "stamped"
    anchor = AuditAnchor.objects.get()

    AuditAnchor.objects.filter(pk=anchor.pk).update(token=b"not a token")
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"at anchor #{anchor.pk}: its timestamp token cannot be checked" in out


def test_an_anchor_token_of_another_hash_is_reported(demo, capsys):
    entries(1)
    assert timestamp_audit_head() == "stamped"
    entries(1, "later")
    assert timestamp_audit_head() == "stamped"
    older, newer = AuditAnchor.objects.order_by("pk")

    AuditAnchor.objects.filter(pk=newer.pk).update(token=bytes(older.token))
    code, out = audit_verify(capsys)

    assert code == 1
    assert f"at anchor #{newer.pk}: its timestamp token stamps another hash" in out


def test_the_last_anchor_deleted_with_the_entries_since_is_found_by_the_anchoring_logged_outside(demo, capsys, caplog):
    entries(1)
    assert timestamp_audit_head() == "stamped"
    previous_anchoring = AuditEvent.objects.get(action="audit.anchored")
    entries(2, "later")
    with caplog.at_level(logging.INFO, logger="audit.chain"):
        assert timestamp_audit_head() == "stamped"
    logged = re.search(r"--expect (\d+:[0-9a-f]{64})", caplog.text)[1]
    entries(1, "latest")

    # What the database alone cannot tell: the newest anchor and everything after the one before.
    AuditAnchor.objects.order_by("-pk").first().delete()
    truncate_after(previous_anchoring)
    assert audit_verify(capsys)[0] == 0

    code, out = audit_verify(capsys, "--expect", logged)

    assert code == 1
    assert "fewer than the" in out and "deleted" in out
