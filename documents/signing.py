"""Signing and checking PDF conventions with pyHanko: fields, PAdES signatures, the final seal, the report;
and the platform's own seal on a document it issues (a pairing's dossier).

Pure functions on bytes and certificates; :mod:`documents.conventions.services` decides who signs when.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

STAMP = TextStampStyle(stamp_text="%(signer)s\n%(role)s\n%(ts)s", border_width=1)

#: The role written in the platform's seal certificate (never a signing party's: those come
#: from the parties' names), and the field its signature goes in.
PLATFORM_SEAL_ROLE = "Platform seal"
PLATFORM_SEAL_FIELD = "platform_seal"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def validation_context(trust_roots, crls, *, other_certs=()) -> ValidationContext:
    """Offline: the platform's root, its current CRLs, no network."""
    return ValidationContext(
        trust_roots=list(trust_roots),
        other_certs=list(other_certs),
        crls=list(crls),
        allow_fetching=False,
        revocation_mode="hard-fail",
    )


class RootNotReadable(ValueError):
    """The root certificate given to check a file against is not a PEM or DER X.509 certificate."""


def load_root(data: bytes):
    """A root certificate given by whoever verifies (PEM or DER), as pyHanko reads it."""
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    try:
        if pem.detect(data):
            _kind, _headers, data = pem.unarmor(data)
        cert = asn1_x509.Certificate.load(data)
        cert.native  # noqa: B018 - parses the whole certificate now, not at validation.
    except Exception as error:  # noqa: BLE001 - any unreadable input is the same refusal.
        raise RootNotReadable(f"not an X.509 certificate ({type(error).__name__})") from None
    return cert


def context_from_root(pdf: bytes, root) -> Callable[[], ValidationContext]:
    """Validation contexts that trust ``root`` only and use what the file itself carries: the
    certificates and CRLs of its document security store (added when the convention is sealed).
    Nothing is fetched and no database is read, so anyone holding the root can check a file; a
    file without revocation data is checked with revocation "soft-fail" (as pdfsig would)."""
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    try:
        dss = DocumentSecurityStore.read_dss(PdfFileReader(BytesIO(pdf), strict=False))
    except Exception:  # noqa: BLE001 - no DSS (not sealed yet) or an unreadable file: verify() reports it.
        dss = None

    def factory() -> ValidationContext:
        kwargs = {"trust_roots": [root], "allow_fetching": False}
        if dss is not None and dss.crls:
            return dss.as_validation_context({**kwargs, "revocation_mode": "hard-fail"})
        return ValidationContext(**kwargs, revocation_mode="soft-fail")

    return factory


def add_signature_fields(pdf: bytes, boxes: dict[str, tuple[int, tuple[int, int, int, int] | None]]) -> bytes:
    """Pre-place one empty signature field per party: name → (page index, (x1, y1, x2, y2) in points,
    or None for an invisible field)."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    for name, (page, box) in boxes.items():
        fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name=name, on_page=page, box=box))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def sign(
    pdf: bytes,
    *,
    field_name: str,
    signer: signers.Signer,
    role: str,
    timestamper: timestamps.TimeStamper,
    context: ValidationContext,
    reason: str = "",
) -> bytes:
    """One party's PAdES signature in its pre-placed field, as an incremental update, with a visible stamp."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        embed_validation_info=True,
        validation_context=context,
        reason=reason or None,
    )
    pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=timestamper, stamp_style=STAMP)
    out = pdf_signer.sign_pdf(writer, existing_fields_only=True, appearance_text_params={"role": role})
    return out.getvalue()


def seal(pdf: bytes, *, timestamper: timestamps.TimeStamper, context: ValidationContext) -> bytes:
    """After the last signature: validation data for every signature and a document timestamp (PAdES B-LTA)."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    out = signers.PdfTimeStamper(timestamper).timestamp_pdf(writer, "sha256", validation_context=context)
    return out.getvalue()


def seal_as_platform(
    pdf: bytes,
    *,
    signer: signers.Signer,
    timestamper: timestamps.TimeStamper,
    context: ValidationContext,
    role: str,
    reason: str,
    box: tuple[int, tuple[int, int, int, int] | None] = (0, None),
) -> bytes:
    """A document the platform vouches for: its PAdES signature with the platform's seal
    certificate (a visible stamp when ``box`` gives one, else an invisible field), then validation
    data and a document timestamp, as a convention's seal (PAdES B-LTA)."""
    with_field = add_signature_fields(pdf, {PLATFORM_SEAL_FIELD: box})
    signed = sign(
        with_field,
        field_name=PLATFORM_SEAL_FIELD,
        signer=signer,
        role=role,
        timestamper=timestamper,
        context=context,
        reason=reason,
    )
    return seal(signed, timestamper=timestamper, context=context)


def simple_signer(cert, key, chain) -> signers.SimpleSigner:
    return signers.SimpleSigner(
        signing_cert=cert, signing_key=key, cert_registry=SimpleCertificateStore.from_certs(list(chain))
    )


@dataclass
class SignatureReport:
    field: str
    signer: str
    organisation: str
    role: str
    signed_at: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    timestamped: bool
    unchanged_after: bool
    changes: str
    fingerprint: str
    problems: list[str] = field(default_factory=list)
    #: Why it was signed, as written in the signed part of the file.
    reason: str = ""
    #: The signer's certificate is on the platform's CRL (then it is not trusted), and since when.
    revoked: bool = False
    revoked_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.unchanged_after


@dataclass
class Report:
    signatures: list[SignatureReport]
    sealed: bool = False
    seal_ok: bool = False
    has_validation_data: bool = False
    level: str = ""
    error: str = ""
    #: Every signature is the platform's own seal (a document the platform issued, not a convention).
    by_platform: bool = False

    @property
    def ok(self) -> bool:
        return (
            not self.error
            and bool(self.signatures)
            and all(s.ok for s in self.signatures)
            and (not self.sealed or self.seal_ok)
        )


def _subject(cert, oid: str) -> str:
    try:
        return str(cert.subject.native.get(oid, ""))
    except (AttributeError, ValueError):
        return ""


def verify(pdf: bytes, context_factory) -> Report:
    """Check every signature and document timestamp of a PDF, offline. Never raises on bad input."""
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as error:  # noqa: BLE001 - any unreadable file is reported, not raised.
        return Report(signatures=[], error=f"unreadable: {type(error).__name__}")
    reports, sealed, seal_ok = [], False, False
    try:
        has_dss = "/DSS" in reader.root
    except Exception:  # noqa: BLE001
        has_dss = False
    for sig in embedded:
        try:
            if sig.sig_object.get("/Type") == "/DocTimeStamp":
                sealed = True
                status = validate_pdf_timestamp(sig, validation_context=context_factory())
                seal_ok = bool(status.intact and status.valid and status.trusted)
                continue
            status = validate_pdf_signature(
                sig, signer_validation_context=context_factory(), ts_validation_context=context_factory()
            )
        except (SignatureValidationError, SigningError, ValueError, KeyError, TypeError) as error:
            reports.append(_broken(sig, str(error)))
            continue
        cert = status.signing_cert
        level = status.modification_level
        unchanged = (
            bool(status.docmdp_ok) and level is not None and level.name in {"NONE", "LTA_UPDATES", "FORM_FILLING"}
        )
        ts = status.timestamp_validity
        revocation = status.revocation_details
        reports.append(
            SignatureReport(
                field=sig.field_name,
                signer=_subject(cert, "common_name"),
                organisation=_subject(cert, "organization_name"),
                role=_subject(cert, "organizational_unit_name"),
                signed_at=(ts.timestamp if ts is not None else status.signer_reported_dt),
                intact=bool(status.intact),
                valid=bool(status.valid),
                trusted=bool(status.trusted),
                timestamped=bool(ts is not None and ts.valid and ts.intact and ts.trusted),
                unchanged_after=unchanged
                and status.coverage is not None
                and status.coverage.name in {"ENTIRE_REVISION", "ENTIRE_FILE"},
                changes=level.name.lower() if level is not None else "unknown",
                fingerprint=cert.sha256.hex() if cert is not None else "",
                reason=_reason(sig),
                revoked=revocation is not None,
                revoked_at=getattr(revocation, "revocation_date", None),
                problems=[_revocation_problem(revocation)] if revocation is not None else [],
            )
        )
    report = Report(signatures=reports, sealed=sealed, seal_ok=seal_ok, has_validation_data=has_dss)
    report.by_platform = bool(reports) and all(s.role == PLATFORM_SEAL_ROLE for s in reports)
    report.level = _level(report)
    return report


def _revocation_problem(revocation) -> str:
    when = getattr(revocation, "revocation_date", None)
    return (
        f"the signer's certificate was revoked on {when:%Y-%m-%d %H:%M %Z}"
        if when
        else "the signer's certificate was revoked"
    )


def _reason(sig) -> str:
    try:
        return str(sig.sig_object.get("/Reason", ""))[:300]
    except Exception:  # noqa: BLE001 - a missing or odd reason is no reason.
        return ""


def _broken(sig, message: str) -> SignatureReport:
    return SignatureReport(
        field=getattr(sig, "field_name", "?"),
        signer="",
        organisation="",
        role="",
        signed_at=None,
        intact=False,
        valid=False,
        trusted=False,
        timestamped=False,
        unchanged_after=False,
        changes="unknown",
        fingerprint="",
        problems=[message],
    )


def _level(report: Report) -> str:
    """The PAdES baseline level the whole file reaches, from what was checked."""
    if not report.signatures or not all(s.intact and s.valid for s in report.signatures):
        return ""
    if not all(s.timestamped for s in report.signatures):
        return "B-B"
    if not report.has_validation_data:
        return "B-T"
    if report.sealed and report.seal_ok:
        return "B-LTA"
    return "B-LT"
