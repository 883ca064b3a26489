"""The audit trail: an append-only chain of security-relevant events, each carrying the hash of the previous one.

``record`` is the only way in: it locks the head of the chain, so events are chained in the
order they are written even when several requests write at once. Each hash is an HMAC-SHA256
keyed with ``AUDIT_HMAC_KEY``, a secret kept out of the database: whoever can write to the
database without holding the key can neither rewrite an entry nor insert one and recompute the
hashes after it.

Entries written before the chain was keyed keep their plain SHA-256 hashes:
``seal_unkeyed_chain`` (run once by a migration) appends one keyed ``audit.keyed`` entry that
counts them and carries the last of their hashes, so they cannot be rewritten either.

Every day the platform's timestamp authority stamps the head (``anchor``): an ``AuditAnchor``
keeps the hash, the chain's length and the RFC 3161 token, and an ``audit.anchored`` entry
records the anchoring in the chain itself. ``verify_chain`` recomputes every hash and checks
that each anchored entry is still where it was stamped, that the chain is not shorter than an
anchor, that no anchor was deleted and that each token is valid; it names the first thing that
does not hold. The tokens are checked by a function the documents app registers
(``register_anchor_checker``): every app records here and this one imports none of them, so it
knows nothing of the timestamp authority.

On PostgreSQL a trigger refuses any UPDATE or DELETE on the table; the application never edits an event.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

GENESIS = "0" * 64
#: The keyed entry that seals the entries written before the chain was keyed.
SEALED = "audit.keyed"
#: The entry that records an anchoring (data: the anchored hash and the chain's length then).
ANCHORED = "audit.anchored"


def _canonical(event) -> str:
    return json.dumps(
        {
            "at": event.at.isoformat(),
            "action": event.action,
            "actor": event.actor,
            "user_id": event.user_id,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "application_id": event.application_id,
            "pairing_id": event.pairing_id,
            "data": event.data,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )


def _key() -> bytes:
    key = getattr(settings, "AUDIT_HMAC_KEY", "") or ""
    if not key:
        raise ImproperlyConfigured("AUDIT_HMAC_KEY must be set: it keys the hashes of the audit chain.")
    return key.encode()


def compute_hash(event, previous_hash: str, key: bytes | None = None) -> str:
    """The entry's hash: HMAC-SHA256, with ``AUDIT_HMAC_KEY``, of the previous hash and its content."""
    message = f"{previous_hash}|{_canonical(event)}".encode()
    return hmac.new(key if key is not None else _key(), message, hashlib.sha256).hexdigest()


def unkeyed_hash(event, previous_hash: str) -> str:
    """The hash of the entries written before the chain was keyed (plain SHA-256)."""
    return hashlib.sha256(f"{previous_hash}|{_canonical(event)}".encode()).hexdigest()


def _is_keyed(event, previous_hash: str, key: bytes) -> bool:
    return hmac.compare_digest(compute_hash(event, previous_hash, key), event.hash)


def _append(event_model, head, **fields):
    """Chain one entry after the (locked) head and move the head onto it."""
    event = event_model(at=timezone.now(), previous_hash=head.hash, **fields)
    event.hash = compute_hash(event, head.hash)
    event.save(force_insert=True)
    head.hash, head.event_id = event.hash, event.pk
    head.save(update_fields=["hash", "event_id"])
    return event


def staff_actor(user) -> str:
    """How the chain names a staff account: by id, never by name (resolved when the trail is read)."""
    return f"user:{user.pk}"


def applicant_actor(person_id: int) -> str:
    """How the chain names an applicant: by their person's id, never by address or name.

    Entries written before people had ids name the file instead (``application:<id>``); they
    hold no personal data either, so they stay as they are (rewriting them would break the chain).
    """
    return f"applicant:{person_id}"


def record(
    action: str,
    *,
    user=None,
    actor: str = "",
    obj=None,
    application_id: int | None = None,
    pairing_id: int | None = None,
    data: dict | None = None,
):
    """Append one event to the chain (inside the caller's transaction: rolled back with it)."""
    from .models import AuditEvent, AuditHead

    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    with transaction.atomic():
        head, _created = AuditHead.objects.select_for_update().get_or_create(pk=1, defaults={"hash": GENESIS})
        return _append(
            AuditEvent,
            head,
            action=action,
            actor=actor or (staff_actor(user) if user is not None else ""),
            user_id=user.pk if user is not None else None,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            application_id=application_id,
            pairing_id=pairing_id,
            data=json.loads(json.dumps(data or {}, default=str)),
        )


def _seal(event_model, key: bytes):
    """The first valid ``audit.keyed`` entry: keyed, and carrying its own previous hash.

    Nobody without the key can make one, so the entries before it are those it sealed."""
    for event in event_model.objects.filter(action=SEALED).order_by("pk"):
        if event.data.get("sealed_head") == event.previous_hash and _is_keyed(event, event.previous_hash, key):
            return event
    return None


def seal_unkeyed_chain(event_model=None, head_model=None):
    """Once, when the chain is keyed: append an ``audit.keyed`` entry after the unkeyed entries.

    Its data holds the number of entries before it and the last of their hashes; its own hash,
    keyed, covers that hash, so the unkeyed entries cannot be rewritten without the key either
    (entries before the seal may also be keyed: a new release may write some before its migration
    has run). Does nothing on an empty chain, on a chain already sealed and on a chain whose every
    entry is keyed. Takes the models as arguments so that a migration can pass its historical ones.
    """
    if event_model is None or head_model is None:
        from .models import AuditEvent as event_model
        from .models import AuditHead as head_model

    key = _key()
    with transaction.atomic():
        head, _created = head_model.objects.select_for_update().get_or_create(pk=1, defaults={"hash": GENESIS})
        if not event_model.objects.exists() or _seal(event_model, key) is not None:
            return None
        events = event_model.objects.order_by("pk").iterator(chunk_size=2000)
        if all(_is_keyed(event, event.previous_hash, key) for event in events):
            return None
        count = event_model.objects.count()
        return _append(
            event_model,
            head,
            action=SEALED,
            actor="",
            data={"sealed_events": count, "sealed_head": head.hash},
        )


# Anchors -------------------------------------------------------------------------------------

_anchor_checker: Callable | str | None = None


def register_anchor_checker(checker: Callable | str) -> None:
    """The function (or its dotted path) that checks an anchor's timestamp token.

    It takes an ``AuditAnchor`` and returns what is wrong with its token, or ``""``.
    """
    global _anchor_checker
    _anchor_checker = checker


def _checker() -> Callable | None:
    return import_string(_anchor_checker) if isinstance(_anchor_checker, str) else _anchor_checker


def current_head() -> tuple[str, int] | None:
    """The head of the chain: its hash and the id of its last entry (None while the chain is empty)."""
    from .models import AuditHead

    head = AuditHead.objects.filter(pk=1).first()
    if head is None or head.event_id is None:
        return None
    return head.hash, head.event_id


def is_anchored(head_hash: str, event_id: int) -> bool:
    """True when an anchor holds this head, or when the head is the entry of the last anchoring."""
    from .models import AuditAnchor, AuditEvent

    if AuditAnchor.objects.filter(hash=head_hash).exists():
        return True
    last = AuditEvent.objects.filter(pk=event_id, action=ANCHORED).first()
    return last is not None and AuditAnchor.objects.filter(hash=last.data.get("hash", "")).exists()


def anchor(head_hash: str, event_id: int, token: bytes) -> bool:
    """Keep the timestamp of this head (once) and record the anchoring in the chain.

    Logs the chain's length and the hash at INFO, so that a copy lives outside the database:
    ``audit_verify --expect LENGTH:HASH`` checks the chain against it. False if already kept.
    """
    from .models import AuditAnchor, AuditEvent

    length = AuditEvent.objects.filter(pk__lte=event_id).count()
    with transaction.atomic():
        _anchor, created = AuditAnchor.objects.get_or_create(
            hash=head_hash, defaults={"event_id": event_id, "length": length, "token": token}
        )
        if created:
            record(ANCHORED, data={"hash": head_hash, "length": length})
    if created:
        logger.info(
            "Audit chain anchored: %d entries, head %s (audit_verify --expect %d:%s)",
            length,
            head_hash,
            length,
            head_hash,
        )
    return created


# Verification --------------------------------------------------------------------------------


@dataclass
class ChainReport:
    checked: int
    first_broken: int | None = None
    reason: str = ""
    anchor: int | None = None
    anchors: int = 0
    #: False when the entries before the named one may have been rewritten too (found by an anchor).
    intact_before: bool = True

    @property
    def ok(self) -> bool:
        return not self.reason

    @property
    def message(self) -> str:
        if self.ok:
            return f"Audit chain intact: {self.checked} entries and {self.anchors} anchors checked."
        where = ""
        if self.first_broken is not None:
            where = f" at entry #{self.first_broken}"
            if self.anchor is not None:
                where += f", against anchor #{self.anchor}"
        elif self.anchor is not None:
            where = f" at anchor #{self.anchor}"
        intact = ""
        if self.first_broken is not None and self.intact_before:
            intact = f" ({self.checked} entries before it are intact)"
        return f"Audit chain BROKEN{where}: {self.reason}{intact}."


@contextmanager
def _snapshot():
    """Events and anchors read as of one moment, even while the chain grows (PostgreSQL: repeatable read)."""
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _hash_problem(event, previous: str, key: bytes, *, sealed: bool) -> str:
    if _is_keyed(event, previous, key):
        return ""
    if unkeyed_hash(event, previous) == event.hash:
        if sealed:
            return ""
        return (
            "its hash is not keyed with AUDIT_HMAC_KEY where the chain is keyed: it was written or "
            "rewritten without the key (or it was written before the key and never sealed: run the migrations)"
        )
    return "its content does not match its hash"


def verify_chain(*, expected: Iterable[tuple[int, str]] = ()) -> ChainReport:
    """Recompute the whole chain, in order, then check it against the anchors; stops at the first
    thing that does not hold. ``expected``: (length, hash) pairs kept elsewhere (the log's copy
    of each anchoring), checked like anchors."""
    from .models import AuditAnchor, AuditEvent, AuditHead

    key = _key()
    expected = {int(length): value for length, value in expected}
    with _snapshot():
        seal = _seal(AuditEvent, key)
        anchors = list(AuditAnchor.objects.order_by("pk"))
        by_length: dict[int, list] = {}
        for item in anchors:
            if item.length is not None:
                by_length.setdefault(item.length, []).append(item)
        by_event = {item.event_id: item for item in anchors if item.length is None}
        recorded: dict[str, tuple[int, object]] = {}  # anchored hash → (entry, length) of audit.anchored

        previous, checked = GENESIS, 0
        for event in AuditEvent.objects.order_by("pk").iterator(chunk_size=2000):
            if event.previous_hash != previous:
                return ChainReport(checked, event.pk, "its link to the previous entry is broken")
            problem = _hash_problem(event, previous, key, sealed=seal is not None and event.pk < seal.pk)
            if problem:
                return ChainReport(checked, event.pk, problem)
            if seal is not None and event.pk == seal.pk and event.data.get("sealed_events") != checked:
                return ChainReport(checked, event.pk, "it seals a different number of unkeyed entries than precede it")
            checked += 1
            stamped = [*by_length.get(checked, ()), *filter(None, [by_event.pop(event.pk, None)])]
            for item in stamped:
                if item.hash != event.hash:
                    return ChainReport(
                        checked - 1,
                        event.pk,
                        f"its hash is not the one the anchor timestamped at this position ({checked}): "
                        "the chain was rewritten up to here",
                        anchor=item.pk,
                        intact_before=False,
                    )
            if checked in expected and expected.pop(checked) != event.hash:
                return ChainReport(
                    checked - 1,
                    event.pk,
                    f"the hash kept outside the database for position {checked} is another one: "
                    "the chain was rewritten up to here",
                    intact_before=False,
                )
            if event.action == ANCHORED:
                recorded[str(event.data.get("hash", ""))] = (event.pk, event.data.get("length"))
            previous = event.hash

        head = AuditHead.objects.filter(pk=1).first()
        if head is not None and head.hash != previous:
            return ChainReport(checked, head.event_id, "the head of the chain does not match its last entry")

        for item in sorted(anchors, key=lambda a: -(a.length or 0)):
            if item.length is not None and item.length > checked:
                return ChainReport(
                    checked,
                    reason=f"it timestamped the chain at {item.length} entries, and the chain now has "
                    f"{checked}: the newest entries were deleted",
                    anchor=item.pk,
                )
        if by_event:
            item = min(by_event.values(), key=lambda a: a.event_id)
            return ChainReport(
                checked,
                reason=f"the entry #{item.event_id} it timestamped is no longer in the chain",
                anchor=item.pk,
            )
        if expected:
            return ChainReport(
                checked,
                reason=f"the chain has {checked} entries, fewer than the {max(expected)} it had when it was "
                "anchored (as kept outside the database): the newest entries were deleted",
            )
        by_hash = {item.hash: item for item in anchors}
        for anchored_hash, (entry, length) in recorded.items():
            item = by_hash.get(anchored_hash)
            if item is None:
                return ChainReport(
                    checked,
                    entry,
                    f"it records an anchoring of the chain at {length} entries whose anchor no longer "
                    "exists: the anchor was deleted",
                    intact_before=False,
                )
            if item.length is not None and item.length != length:
                return ChainReport(
                    checked,
                    entry,
                    "it records this anchoring at another length than the anchor's",
                    anchor=item.pk,
                    intact_before=False,
                )
        for item in anchors:
            if item.length is not None and item.hash not in recorded:
                return ChainReport(
                    checked,
                    reason="its anchoring is not recorded in the chain (no audit.anchored entry)",
                    anchor=item.pk,
                )

        checker = _checker()
        for item in anchors:
            problem = checker(item) if checker is not None else "no checker of timestamp tokens is registered"
            if problem:
                return ChainReport(checked, reason=problem, anchor=item.pk)
    return ChainReport(checked, anchors=len(anchors))
