"""Background tasks of the documents app (django-q2). Each is idempotent: run twice, it acts once."""

from .conventions.services import convention_render


def render_convention(pairing_id: int) -> str:
    """Render the pairing's convention; a second run finds it rendered and returns its reference."""
    return convention_render(pairing_id=pairing_id).reference


def timestamp_audit_head() -> str:
    """Daily: the platform's timestamp authority stamps the head of the audit chain (once per head;
    the anchoring is itself an entry of the chain, which is not stamped again while nothing follows it)."""
    import asyncio
    import hashlib

    from audit import chain as audit

    from .conventions import authority

    head = audit.current_head()
    if head is None:
        return "empty chain"
    head_hash, event_id = head
    if audit.is_anchored(head_hash, event_id):
        return "already stamped"
    digest = hashlib.sha256(bytes.fromhex(head_hash)).digest()
    token = asyncio.run(authority.timestamper().async_timestamp(digest, "sha256"))
    return "stamped" if audit.anchor(head_hash, event_id, token.dump()) else "already stamped"


def audit_anchor_problem(anchor) -> str:
    """What is wrong with an anchor's RFC 3161 token, or "": it must stamp sha256 of the anchored
    hash and be signed by the platform's timestamp authority (the external one, when
    ``PKI_TSA_URL`` is set: then any authority trusted by the platform's root or the system's)."""
    import asyncio
    import hashlib

    from asn1crypto import cms
    from cryptography.hazmat.primitives import serialization
    from django.conf import settings
    from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
    from pyhanko.sign.validation.status import TimestampSignatureStatus
    from pyhanko_certvalidator import ValidationContext

    from . import pki
    from .conventions import authority
    from .enums import AuthorityKind

    spki = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    try:
        stamped = bytes.fromhex(anchor.hash)
        signed_data = cms.ContentInfo.load(bytes(anchor.token))["content"]
        imprint = signed_data["encap_content_info"]["content"].parsed["message_imprint"]
        algorithm = imprint["hash_algorithm"]["algorithm"].native
        if imprint["hashed_message"].native != hashlib.new(algorithm, stamped).digest():
            return "its timestamp token stamps another hash than the anchored one"
        authorities = authority.loaded()
        for kind in (AuthorityKind.ROOT, AuthorityKind.TSA):
            # The certificates are stored in clear beside their keys, which only PKI_KEY_PASSPHRASE
            # opens: a certificate that is not its key's was put there by someone else.
            cert, key = authorities[kind]
            if cert.public_key().public_bytes(*spki) != key.public_key().public_bytes(*spki):
                return f"the platform's {kind} certificate does not match its key: the authorities were replaced"
        tsa = pki.to_asn1_cert(authorities[AuthorityKind.TSA][0])
        if settings.PKI_TSA_URL:
            context = ValidationContext(
                extra_trust_roots=[pki.to_asn1_cert(authority.root_certificate())],
                allow_fetching=False,
                revocation_mode="soft-fail",
            )
        else:
            context = authority.validation_context()
        status = TimestampSignatureStatus(
            **asyncio.run(
                validate_tst_signed_data(signed_data, context, lambda name: hashlib.new(name, stamped).digest())
            )
        )
    except Exception as exc:  # noqa: BLE001 - a token that cannot be read or checked is as bad as a forged one.
        return f"its timestamp token cannot be checked ({type(exc).__name__}: {exc})"
    if not (status.intact and status.valid):
        return "the signature of its timestamp token is not valid"
    if not status.trusted:
        return "its timestamp token is not signed by a trusted timestamp authority"
    if not settings.PKI_TSA_URL and status.signing_cert.sha256 != tsa.sha256:
        return "its timestamp token is not signed by the platform's timestamp authority"
    return ""


def purge_expired_files() -> int:
    """Daily: closed files past their retention are anonymised, their documents destroyed (idempotent:
    an anonymised file is never selected again)."""
    from .privacy import purge_expired_files as purge

    return len(purge())
