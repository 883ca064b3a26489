"""The platform seals the documents it issues with its own certificate: stored like the signers',
its key encrypted at rest (or kept in the HSM), the same one from one document to the next,
made by ``pki_init``, renewed before it ends, and revocable like any other."""

import shutil
import subprocess
from datetime import timedelta

import pytest
import weasyprint
from cryptography import x509
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from pyhanko.sign.general import SigningError

from documents import pki, signing
from documents.conventions import authority
from documents.models import SignerCertificate
from tests.conftest import skip_or_fail

from .test_signing_keys_in_an_hsm import hsm  # noqa: F401 - the fixture of an HSM (SoftHSM).


def sealed(text: str, *, signer_of=None, context=None) -> bytes:
    """A small PDF sealed as the platform (with its current seal, unless told another certificate)."""
    pdf = weasyprint.HTML(string=f"<p>{text}</p>").write_pdf()
    maker = authority.signer_for(signer_of) if signer_of else authority.platform_seal_signer()
    with maker as signer:
        return signing.seal_as_platform(
            pdf,
            signer=signer,
            timestamper=authority.timestamper(),
            context=context or authority.validation_context(),
            role="WeShare",
            reason=f"Document {text}",
        )


def seals():
    return SignerCertificate.objects.filter(party="platform")


def in_use():
    return seals().filter(revoked_at__isnull=True)


def checked(client, pdf: bytes) -> str:
    response = client.post(
        reverse("convention_verify"),
        {"file": SimpleUploadedFile("document.pdf", pdf, content_type="application/pdf")},
    )
    assert response.status_code == 200
    return response.content.decode()


def test_two_documents_sealed_one_after_the_other_carry_the_same_stored_certificate(clock):
    stored = in_use().get()
    first = signing.verify(sealed("one"), authority.validation_context)
    clock.shift(timedelta(days=40))
    second = signing.verify(sealed("two"), authority.validation_context)

    assert first.ok and second.ok and first.by_platform and second.by_platform
    assert first.signatures[0].fingerprint == second.signatures[0].fingerprint == stored.fingerprint
    assert in_use().get().pk == stored.pk


def test_the_seal_certificate_names_the_platform_and_its_key_is_encrypted_at_rest():
    stored = in_use().get()
    cert = x509.load_pem_x509_certificate(stored.certificate_pem.encode())
    subject = {a.oid._name: a.value for a in cert.subject}
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    purposes = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value

    assert subject["commonName"] == "WeShare platform seal"
    assert subject["organizationalUnitName"] == signing.PLATFORM_SEAL_ROLE
    assert cert.issuer == authority.loaded()["issuing"][0].subject
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert pki.DOCUMENT_SIGNING in purposes
    assert stored.fingerprint == pki.fingerprint(cert) and stored.serial == format(cert.serial_number, "x")
    key_pem = bytes(stored.key_pem)
    assert b"ENCRYPTED PRIVATE KEY" in key_pem and b"BEGIN PRIVATE KEY" not in key_pem
    assert not stored.key_label


def test_pki_init_makes_the_seal_once_also_where_the_authorities_already_exist(capsys):
    seals().delete()

    call_command("pki_init")
    made = in_use().get()
    call_command("pki_init")

    assert in_use().get().pk == made.pk and seals().count() == 1
    out = capsys.readouterr().out
    assert "Created: platform." in out
    assert out.count(f"Platform seal: SHA-256 {made.fingerprint}") == 2


def test_without_a_seal_the_first_document_makes_one_and_the_next_reuses_it():
    seals().delete()

    first = signing.verify(sealed("one"), authority.validation_context)
    second = signing.verify(sealed("two"), authority.validation_context)

    made = in_use().get()
    assert first.ok and second.ok
    assert first.signatures[0].fingerprint == second.signatures[0].fingerprint == made.fingerprint


def test_a_seal_about_to_end_is_replaced_by_a_new_one(clock):
    old = in_use().get()
    ends = x509.load_pem_x509_certificate(old.certificate_pem.encode()).not_valid_after_utc

    clock.move_to(ends - timedelta(days=10))
    report = signing.verify(sealed("late"), authority.validation_context)

    renewed = authority.current_platform_seal()
    assert renewed.pk != old.pk
    assert report.ok and report.signatures[0].fingerprint == renewed.fingerprint


def test_a_revoked_seal_is_on_the_crl_and_a_new_one_seals_the_next_documents(client, clock):
    old = in_use().get()
    sealed_before = sealed("before")
    context_before = authority.validation_context()
    clock.shift(timedelta(hours=1))

    call_command("revoke_certificate", "--platform-seal", reason="Clé compromise")
    clock.shift(timedelta(hours=1))
    crl = x509.load_der_x509_crl(client.get(reverse("pki_crl", args=["issuing"])).content)
    fresh = signing.verify(sealed("after"), authority.validation_context)

    assert crl.get_revoked_certificate_by_serial_number(int(old.serial, 16)) is not None
    new = in_use().get()
    assert new.pk != old.pk and new.fingerprint != old.fingerprint
    assert fresh.ok and fresh.by_platform and fresh.signatures[0].fingerprint == new.fingerprint
    # The documents it sealed are no longer trusted, as for a signing party's revoked certificate.
    before = signing.verify(sealed_before, authority.validation_context)
    assert not before.ok and before.signatures[0].revoked and not before.signatures[0].trusted
    # Nor is one sealed with its key once revoked (a stolen key, with what was known before).
    forged = sealed("forged", signer_of=SignerCertificate.objects.get(pk=old.pk), context=context_before)
    report = signing.verify(forged, authority.validation_context)
    assert not report.ok
    assert report.signatures[0].fingerprint == old.fingerprint
    assert report.signatures[0].revoked and not report.signatures[0].trusted
    assert report.signatures[0].revoked_at == SignerCertificate.objects.get(pk=old.pk).revoked_at.replace(microsecond=0)
    page = checked(client, forged)
    assert 'class="signature invalid"' in page and 'class="signature valid"' not in page
    assert 'id="platform-seal"' not in page
    assert 'class="signature valid"' in checked(client, sealed("later"))


def test_the_platform_cannot_seal_with_its_revoked_certificate_any_more():
    old = in_use().get()
    authority.revoke(old, reason="Clé compromise")

    with pytest.raises(SigningError):
        sealed("refused", signer_of=SignerCertificate.objects.get(pk=old.pk))


def test_with_an_hsm_the_seals_key_is_made_in_it_and_never_leaves_it(hsm):  # noqa: F811
    from pkcs11 import Attribute, ObjectClass

    authority.revoke(in_use().get(), reason="Passage à l'HSM")
    first = signing.verify(sealed("one"), authority.validation_context)
    second = signing.verify(sealed("two"), authority.validation_context)

    stored = in_use().get()
    assert stored.key_label and not bytes(stored.key_pem)
    with authority.hsm_session() as session:
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=stored.key_label)
        assert key[Attribute.SENSITIVE] and not key[Attribute.EXTRACTABLE]
    assert first.ok and second.ok
    assert first.signatures[0].fingerprint == second.signatures[0].fingerprint == stored.fingerprint


def test_pdfsig_finds_the_seal_valid_and_trusted_once_the_platforms_root_is_trusted(tmp_path):
    if shutil.which("pdfsig") is None or shutil.which("certutil") is None:
        skip_or_fail("pdfsig and certutil (Debian packages poppler-utils, libnss3-tools) are not installed")
    pdf = tmp_path / "document.pdf"
    pdf.write_bytes(sealed("one"))
    root = tmp_path / "root.pem"
    root.write_bytes(pki.cert_pem(authority.root_certificate()))
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(
        ["certutil", "-A", "-d", f"sql:{nss}", "-n", "weshare-root", "-t", "CT,C,C", "-a", "-i", str(root)],
        check=True,
        capture_output=True,
    )

    # pdfsig exits 0 whatever it finds: its text is what counts.
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True).stdout

    seal = out.split("Signature #2:")[0]
    assert "Signer Certificate Common Name: WeShare platform seal" in seal
    assert "Signature Validation: Signature is Valid." in seal, seal
    assert "Certificate Validation: Certificate is Trusted." in seal, seal
