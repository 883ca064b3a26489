"""The platform's authorities as stored: loading them, issuing and revoking signers, the platform's
own seal certificate, CRLs, timestamps."""

from __future__ import annotations

import secrets
from contextlib import contextmanager
from datetime import UTC, timedelta
from functools import lru_cache

from asn1crypto import crl as asn1_crl
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from pyhanko.sign import timestamps
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .. import pki, signing
from ..enums import AuthorityKind, CertificateHolder
from ..exceptions import PKINotInitialised
from ..models import Authority, SignerCertificate

#: Roles as written in certificates (names in certificates are not translated).
ROLE_NAMES = {"guest": "Guest", "host": "Host", "association": "Association", "pension_office": "Pension office"}

#: The names in the platform's seal certificate (its role is :data:`signing.PLATFORM_SEAL_ROLE`).
SEAL_NAME = "WeShare platform seal"
SEAL_ORGANISATION = "WeShare"
#: A seal certificate this close to its end is replaced by a new one before it seals anything.
SEAL_RENEWED_BEFORE = timedelta(days=30)


def crl_url(kind: str) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("pki_crl", args=[kind])


def initialise(*, force: bool = False) -> list[str]:
    """Create the root, the issuing CA and the timestamp authority (once), and the platform's seal
    certificate when there is no usable one. Returns what was created."""
    created = []
    try:
        with transaction.atomic():
            existing = set(Authority.objects.select_for_update().values_list("kind", flat=True))
            if force or not existing:
                if force:
                    Authority.objects.all().delete()
                root, root_key = pki.create_root()
                issuing, issuing_key = pki.create_issuing(root, root_key, crl_url=crl_url(AuthorityKind.ROOT))
                tsa, tsa_key = pki.create_tsa(issuing, issuing_key, crl_url=crl_url(AuthorityKind.ISSUING))
                for kind, cert, key in (
                    (AuthorityKind.ROOT, root, root_key),
                    (AuthorityKind.ISSUING, issuing, issuing_key),
                    (AuthorityKind.TSA, tsa, tsa_key),
                ):
                    Authority.objects.create(
                        kind=kind, certificate_pem=pki.cert_pem(cert).decode(), key_pem=pki.encrypt_key(key)
                    )
                created = [AuthorityKind.ROOT, AuthorityKind.ISSUING, AuthorityKind.TSA]
                # The seal is issued by the authorities just made, not by those this process read before.
                _clear_caches()
            if current_platform_seal() is None:
                _issue_seal()
                created.append(CertificateHolder.PLATFORM)
    finally:
        if created:
            _clear_caches()
    return created


def _clear_caches() -> None:
    loaded.cache_clear()
    _crl.cache_clear()
    _validation_context.cache_clear()
    _timestamper.cache_clear()


@lru_cache(maxsize=1)
def loaded() -> dict:
    """The authorities' certificates and (decrypted) keys, read once per process."""
    found = {a.kind: a for a in Authority.objects.all()}
    if set(found) != set(AuthorityKind.values):
        raise PKINotInitialised()
    return {
        kind: (pki.load_cert(a.certificate_pem.encode()), pki.decrypt_key(bytes(a.key_pem)))
        for kind, a in found.items()
    }


def root_certificate():
    return loaded()[AuthorityKind.ROOT][0]


def chain_asn1():
    authorities = loaded()
    return [
        pki.to_asn1_cert(authorities[AuthorityKind.ISSUING][0]),
        pki.to_asn1_cert(authorities[AuthorityKind.ROOT][0]),
    ]


def _revocations() -> tuple:
    """What the CRLs depend on: the revoked serials (one query)."""
    return tuple(
        (int(serial, 16), when.astimezone(UTC))
        for serial, when in SignerCertificate.objects.filter(revoked_at__isnull=False)
        .order_by("pk")
        .values_list("serial", "revoked_at")
    )


@lru_cache(maxsize=8)
def _crl(kind: str, revoked: tuple, hour: int):
    cert, key = loaded()[kind]
    return pki.build_crl(cert, key, list(revoked) if kind == AuthorityKind.ISSUING else [])


def crl(kind: str):
    """The current CRL of an authority (root: none revoked; issuing: the revoked signers), reissued hourly."""
    return _crl(kind, _revocations(), int(timezone.now().timestamp()) // 3600)


def crl_der(kind: str) -> bytes:
    return crl(kind).public_bytes(serialization.Encoding.DER)


@lru_cache(maxsize=4)
def _validation_context(revoked: tuple, hour: int, _minute: int):
    crls = [
        asn1_crl.CertificateList.load(_crl(kind, revoked, hour).public_bytes(serialization.Encoding.DER))
        for kind in (AuthorityKind.ROOT, AuthorityKind.ISSUING)
    ]
    others = [*chain_asn1(), pki.to_asn1_cert(loaded()[AuthorityKind.TSA][0])]
    return signing.validation_context([pki.to_asn1_cert(root_certificate())], crls, other_certs=others)


def validation_context():
    """Offline validation against the platform's root and its current CRLs, as of now.

    A context validates every certificate at the moment it was made. A new certificate is
    valid from five minutes before its issue, so a context is kept for one minute at most (and
    while no certificate is revoked): within that minute it does not validate again the paths
    it has already validated, and a certificate issued since is never "not yet valid".
    """
    now = int(timezone.now().timestamp())
    return _validation_context(_revocations(), now // 3600, now // 60)


def timestamper() -> timestamps.TimeStamper:
    """The external authority when ``PKI_TSA_URL`` is set, else the platform's own (one per process:
    it keeps the validation paths of its certificate)."""
    return _timestamper(settings.PKI_TSA_URL)


@lru_cache(maxsize=2)
def _timestamper(url: str) -> timestamps.TimeStamper:
    if url:
        return timestamps.HTTPTimeStamper(url)
    tsa_cert, tsa_key = loaded()[AuthorityKind.TSA]
    return DummyTimeStamper(
        tsa_cert=pki.to_asn1_cert(tsa_cert),
        tsa_key=pki.to_asn1_key(tsa_key),
        certs_to_embed=SimpleCertificateStore.from_certs(chain_asn1()),
    )


def hsm_enabled() -> bool:
    return bool(settings.PKI_PKCS11_MODULE)


@contextmanager
def hsm_session():
    """A session on the HSM's token (PKCS#11), logged in with the platform's PIN."""
    import pkcs11

    library = pkcs11.lib(settings.PKI_PKCS11_MODULE)
    token = library.get_token(token_label=settings.PKI_PKCS11_TOKEN)
    with token.open(user_pin=settings.PKI_PKCS11_PIN, rw=True) as session:
        yield session


def _hsm_key_pair(label: str):
    """An EC P-256 key pair made inside the HSM (the private key never leaves it); returns the public key."""
    from cryptography.hazmat.primitives.serialization import load_der_public_key
    from pkcs11 import Attribute, KeyType
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters

    with hsm_session() as session:
        parameters = session.create_domain_parameters(
            KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True
        )
        public, _private = parameters.generate_keypair(
            store=True,
            label=label,
            id=label.encode(),
            private_template={Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False},
        )
        return load_der_public_key(encode_ec_public_key(public))


def issue(*, party: str, name: str, organisation: str, country: str, application=None, user=None) -> SignerCertificate:
    """A new certificate for a signing party whose identity has been verified.

    Its private key is made in the HSM when one is configured (``PKI_PKCS11_MODULE``), else here
    and stored encrypted.
    """
    return _stored(
        party=party,
        name=name,
        organisation=organisation,
        make=lambda issuing_cert, issuing_key, public_key: pki.issue_signer(
            issuing_cert,
            issuing_key,
            name=name,
            role=ROLE_NAMES[party],
            organisation=organisation,
            country=country,
            crl_url=crl_url(AuthorityKind.ISSUING),
            public_key=public_key,
        ),
        application=application,
        user=user,
    )


def _stored(*, party: str, name: str, organisation: str, make, application=None, user=None) -> SignerCertificate:
    """Issue a certificate with ``make(issuing_cert, issuing_key, public_key)`` and store it: its key
    made in the HSM when one is configured, else made here and stored encrypted."""
    issuing_cert, issuing_key = loaded()[AuthorityKind.ISSUING]
    key_label = f"weshare-{secrets.token_hex(8)}" if hsm_enabled() else ""
    public_key = _hsm_key_pair(key_label) if key_label else None
    cert, key = make(issuing_cert, issuing_key, public_key)
    return SignerCertificate.objects.create(
        application=application,
        user=user,
        party=party,
        subject_name=name,
        organisation=organisation,
        serial=format(cert.serial_number, "x"),
        fingerprint=pki.fingerprint(cert),
        certificate_pem=pki.cert_pem(cert).decode(),
        key_pem=pki.encrypt_key(key) if key is not None else b"",
        key_label=key_label,
    )


def _issue_seal() -> SignerCertificate:
    return _stored(
        party=CertificateHolder.PLATFORM,
        name=SEAL_NAME,
        organisation=SEAL_ORGANISATION,
        make=lambda issuing_cert, issuing_key, public_key: pki.issue_seal(
            issuing_cert,
            issuing_key,
            name=SEAL_NAME,
            role=signing.PLATFORM_SEAL_ROLE,
            organisation=SEAL_ORGANISATION,
            crl_url=crl_url(AuthorityKind.ISSUING),
            public_key=public_key,
        ),
    )


def current_platform_seal() -> SignerCertificate | None:
    """The newest seal certificate that is not revoked, was issued by the current issuing authority
    and does not end within :data:`SEAL_RENEWED_BEFORE`."""
    issuing_cert = loaded()[AuthorityKind.ISSUING][0]
    now = timezone.now()
    candidates = SignerCertificate.objects.filter(party=CertificateHolder.PLATFORM, revoked_at__isnull=True).order_by(
        "-issued_at", "-pk"
    )
    for candidate in candidates[:10]:
        cert = pki.load_cert(candidate.certificate_pem.encode())
        try:
            cert.verify_directly_issued_by(issuing_cert)
        except (ValueError, TypeError, InvalidSignature):
            continue
        if cert.not_valid_before_utc <= now and now + SEAL_RENEWED_BEFORE < cert.not_valid_after_utc:
            return candidate
    return None


def platform_seal() -> SignerCertificate:
    """The platform's seal certificate, stored like the signers' (its key in the HSM when one is
    configured, else encrypted with ``PKI_KEY_PASSPHRASE``). Made by ``pki_init``; a new one is
    issued here when there is none, when it was revoked, or when it is about to end."""
    found = current_platform_seal()
    if found is not None:
        return found
    with transaction.atomic():
        # One issuance at a time: whoever waited finds the seal the other one issued.
        Authority.objects.select_for_update().filter(kind=AuthorityKind.ISSUING).first()
        return current_platform_seal() or _issue_seal()


def platform_seal_signer():
    """What :func:`signing.sign` and :func:`signing.seal_as_platform` need to seal a document as the
    platform: a context manager giving the pyHanko signer of :func:`platform_seal`."""
    return signer_for(platform_seal())


def revoke(certificate: SignerCertificate, *, reason: str) -> None:
    SignerCertificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revocation_reason=reason
    )


@contextmanager
def signer_for(certificate: SignerCertificate):
    """A pyHanko signer for this certificate: its key from the HSM, or decrypted from the database."""
    cert = pki.to_asn1_cert(pki.load_cert(certificate.certificate_pem.encode()))
    if certificate.key_label:
        from pyhanko.sign.pkcs11 import PKCS11Signer

        with hsm_session() as session:
            yield PKCS11Signer(
                session,
                key_label=certificate.key_label,
                signing_cert=cert,
                ca_chain=chain_asn1(),
                other_certs_to_pull=None,
                # Hash here, sign the digest in the HSM (CKM_ECDSA): every PKCS#11 token supports it.
                use_raw_mechanism=True,
            )
        return
    key = pki.decrypt_key(bytes(certificate.key_pem))
    yield signing.simple_signer(cert, pki.to_asn1_key(key), chain_asn1())
