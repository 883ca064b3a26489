"""Background tasks of the documents app (django-q2). Each is idempotent: run twice, it acts once."""

from .conventions.services import convention_render


def render_convention(pairing_id: int) -> str:
    """Render the pairing's convention; a second run finds it rendered and returns its reference."""
    return convention_render(pairing_id=pairing_id).reference


def timestamp_audit_head() -> str:
    """Daily: the platform's timestamp authority stamps the head of the audit chain (once per head)."""

    from workflow.models import AuditAnchor, AuditHead

    from .conventions import authority

    head = AuditHead.objects.filter(pk=1).first()
    if head is None or head.event_id is None:
        return "empty chain"
    if AuditAnchor.objects.filter(hash=head.hash).exists():
        return "already stamped"
    import asyncio
    import hashlib

    digest = hashlib.sha256(bytes.fromhex(head.hash)).digest()
    token = asyncio.run(authority.timestamper().async_timestamp(digest, "sha256"))
    _anchor, created = AuditAnchor.objects.get_or_create(
        hash=head.hash, defaults={"event_id": head.event_id, "token": token.dump()}
    )
    return "stamped" if created else "already stamped"


def purge_expired_files() -> int:
    """Daily: closed files past their retention are anonymised, their documents destroyed (idempotent:
    an anonymised file is never selected again)."""
    from .privacy import purge_expired_files as purge

    return len(purge())
