"""The platform's public-key infrastructure: a root, an issuing CA, a timestamp authority, signers
and the platform's own seal.

Built with ``cryptography``. Private keys are stored encrypted with ``PKI_KEY_PASSPHRASE`` (from
the environment); only this module decrypts them. ``manage.py pki_init`` creates the
authorities and the platform's seal certificate once; a signing party's certificate is issued
when their identity is verified.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ROOT_YEARS, ISSUING_YEARS, TSA_YEARS, SIGNER_YEARS, SEAL_YEARS = 20, 10, 10, 3, 3

#: id-kp-documentSigning (RFC 9336): the key purpose of a certificate that signs documents.
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")
#: The key purposes of the platform's seal: document signing, and e-mail protection, without which
#: readers built on NSS (poppler's pdfsig, Firefox) refuse a PDF signature whose certificate names purposes.
SEAL_PURPOSES = (DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION)


def passphrase() -> bytes:
    """The passphrase of the stored private keys; without it nothing can be signed or decrypted."""
    if not settings.PKI_KEY_PASSPHRASE:
        raise ImproperlyConfigured("The environment variable PKI_KEY_PASSPHRASE must be set.")
    return settings.PKI_KEY_PASSPHRASE.encode()


def encrypt_key(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase()),
    )


def decrypt_key(pem: bytes):
    return serialization.load_pem_private_key(bytes(pem), password=passphrase())


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def load_cert(pem: bytes) -> x509.Certificate:
    return x509.load_pem_x509_certificate(bytes(pem))


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def to_asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def to_asn1_key(key) -> asn1_keys.PrivateKeyInfo:
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return asn1_keys.PrivateKeyInfo.load(der)


def _name(common_name: str, organisation: str = "WeShare", unit: str | None = None, country: str = "") -> x509.Name:
    parts = []
    if country:
        parts.append(x509.NameAttribute(NameOID.COUNTRY_NAME, country[:2].upper()))
    parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64] or "WeShare"))
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit[:64]))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]))
    return x509.Name(parts)


def _builder(subject, issuer_name, public_key, years, *, not_before=None):
    now = not_before or datetime.now(UTC) - timedelta(minutes=5)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def _ca_usage():
    return x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _crl_points(url: str):
    return x509.CRLDistributionPoints(
        [
            x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(url)], relative_name=None, reasons=None, crl_issuer=None
            )
        ]
    )


def create_root():
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name("WeShare Root CA")
    cert = (
        _builder(name, name, key.public_key(), ROOT_YEARS)
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def create_issuing(root_cert, root_key, *, crl_url: str):
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        _builder(_name("WeShare Signing CA"), root_cert.subject, key.public_key(), ISSUING_YEARS)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
        .add_extension(_crl_points(crl_url), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    return cert, key


def create_tsa(issuing_cert, issuing_key, *, crl_url: str):
    """A timestamp authority's certificate (RSA: pyHanko's built-in authority signs with RSA)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        _builder(_name("WeShare Timestamp Authority"), issuing_cert.subject, key.public_key(), TSA_YEARS)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuing_key.public_key()), critical=False)
        .add_extension(_crl_points(crl_url), critical=False)
        .sign(issuing_key, hashes.SHA256())
    )
    return cert, key


def _signing_usage():
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _end_entity(issuing_cert, issuing_key, subject, *, years: int, crl_url: str, public_key=None, purposes=()):
    """A certificate that signs documents, issued by the issuing CA; its key made here unless
    ``public_key`` is given (a key pair made in an HSM: then the key returned is None)."""
    key = None if public_key is not None else ec.generate_private_key(ec.SECP256R1())
    public_key = public_key if public_key is not None else key.public_key()
    builder = (
        _builder(subject, issuing_cert.subject, public_key, years)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signing_usage(), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuing_key.public_key()), critical=False)
        .add_extension(_crl_points(crl_url), critical=False)
    )
    if purposes:
        builder = builder.add_extension(x509.ExtendedKeyUsage(list(purposes)), critical=False)
    return builder.sign(issuing_key, hashes.SHA256()), key


def issue_signer(
    issuing_cert,
    issuing_key,
    *,
    name: str,
    role: str,
    organisation: str,
    country: str,
    crl_url: str,
    public_key=None,
):
    """A signing party's certificate: their name, role and organisation.

    With ``public_key`` (a key pair made in an HSM) no private key is made here: returns (cert, None).
    """
    return _end_entity(
        issuing_cert,
        issuing_key,
        _name(name, organisation, role, country),
        years=SIGNER_YEARS,
        crl_url=crl_url,
        public_key=public_key,
    )


def issue_seal(issuing_cert, issuing_key, *, name: str, role: str, organisation: str, crl_url: str, public_key=None):
    """The platform's seal certificate: the platform's name, the seal's role, for signing documents
    (non-repudiation, :data:`SEAL_PURPOSES`). Returns (cert, key or None), as
    :func:`issue_signer`."""
    return _end_entity(
        issuing_cert,
        issuing_key,
        _name(name, organisation, role),
        years=SEAL_YEARS,
        crl_url=crl_url,
        public_key=public_key,
        purposes=SEAL_PURPOSES,
    )


def build_crl(
    issuer_cert, issuer_key, revoked: list[tuple[int, datetime]], *, days: int = 7
) -> x509.CertificateRevocationList:
    now = datetime.now(UTC)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer_cert.subject)
        .last_update(now - timedelta(minutes=5))
        .next_update(now + timedelta(days=days))
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        .add_extension(x509.CRLNumber(int(now.timestamp())), critical=False)
    )
    for serial, when in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
        )
    return builder.sign(issuer_key, hashes.SHA256())
