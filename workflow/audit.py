"""The audit trail: an append-only chain of security-relevant events, each carrying the hash of the previous one.

``record`` is the only way in: it locks the head of the chain, so events are chained in the
order they are written even when several requests write at once. ``verify_chain`` recomputes
every hash and names the first broken entry. On PostgreSQL a trigger refuses any UPDATE or
DELETE on the table; the application never edits an event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

GENESIS = "0" * 64


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


def compute_hash(event, previous_hash: str) -> str:
    return hashlib.sha256(f"{previous_hash}|{_canonical(event)}".encode()).hexdigest()


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
        event = AuditEvent(
            at=timezone.now(),
            action=action,
            actor=actor or (user.get_username() if user is not None else ""),
            user_id=user.pk if user is not None else None,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            application_id=application_id,
            pairing_id=pairing_id,
            data=json.loads(json.dumps(data or {}, default=str)),
            previous_hash=head.hash,
        )
        event.hash = compute_hash(event, head.hash)
        event.save(force_insert=True)
        head.hash, head.event_id = event.hash, event.pk
        head.save(update_fields=["hash", "event_id"])
        return event


@dataclass
class ChainReport:
    checked: int
    first_broken: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify_chain() -> ChainReport:
    """Recompute the whole chain, in order; stops at the first entry that does not hold."""
    from .models import AuditEvent, AuditHead

    previous, checked = GENESIS, 0
    for event in AuditEvent.objects.order_by("pk").iterator(chunk_size=2000):
        if event.previous_hash != previous:
            return ChainReport(checked, event.pk, "its link to the previous entry is broken")
        if compute_hash(event, previous) != event.hash:
            return ChainReport(checked, event.pk, "its content does not match its hash")
        previous, checked = event.hash, checked + 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and head.hash != previous:
        return ChainReport(checked, head.event_id, "the head of the chain does not match its last entry")
    return ChainReport(checked)
