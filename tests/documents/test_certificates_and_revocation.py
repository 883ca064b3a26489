"""Each party signs with a certificate in their name and role; a revoked one is listed on the CRL and replaced."""

from cryptography import x509
from django.core.management import call_command
from django.urls import reverse

from documents.models import SignerCertificate

from .conftest import emailed_code


def test_a_party_gets_a_certificate_with_their_name_and_role_from_the_platforms_authority(convention):
    from documents.conventions.services import convention_sign

    guest = convention.pairing.guest
    convention_sign(convention_id=convention.pk, party="guest", code=emailed_code(convention, guest), application=guest)

    certificate = SignerCertificate.objects.get(application=guest)
    cert = x509.load_pem_x509_certificate(certificate.certificate_pem.encode())
    subject = {a.oid._name: a.value for a in cert.subject}
    assert subject["commonName"] == "Giulia Bianchi"
    assert subject["organizationalUnitName"] == "Guest"
    assert "CN=WeShare Signing CA" in cert.issuer.rfc4514_string()
    assert b"PRIVATE KEY" in bytes(certificate.key_pem) and b"ENCRYPTED" in bytes(certificate.key_pem)


def test_a_revoked_certificate_is_on_the_crl_and_never_used_again(client, convention):
    from documents.conventions.services import _certificate

    guest = convention.pairing.guest
    first = _certificate("guest", application=guest)

    call_command("revoke_certificate", first.fingerprint[:20], reason="Téléphone perdu")
    crl = x509.load_der_x509_crl(client.get(reverse("pki_crl", args=["issuing"])).content)
    second = _certificate("guest", application=guest)

    assert crl.get_revoked_certificate_by_serial_number(int(first.serial, 16)) is not None
    assert second.pk != first.pk and second.revoked_at is None
