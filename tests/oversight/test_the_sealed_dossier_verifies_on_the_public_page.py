"""The dossier of a pairing that went through every state, downloaded as a PDF sealed by the
platform, is accepted by the public verification page; a single byte changed, it is refused. The
platform seals every dossier with its own stored certificate; once that one is revoked, a new one
seals the next dossiers and the page refuses those the revoked one sealed."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEvent
from documents.conventions import authority
from documents.models import SignerCertificate
from documents.signing import PLATFORM_SEAL_ROLE, sha256, verify


def download(client, user, pairing) -> bytes:
    client.force_login(user)
    response = client.get(reverse("oversight_pairing_dossier_pdf", args=[pairing.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="dossier-pairing-{pairing.pk}.pdf"' in response["Content-Disposition"]
    client.logout()
    return response.content


def checked(client, pdf: bytes) -> tuple[int, str]:
    response = client.post(
        reverse("convention_verify"),
        {"file": SimpleUploadedFile("dossier.pdf", pdf, content_type="application/pdf")},
    )
    return response.status_code, response.content.decode()


def test_the_sealed_dossier_is_accepted_as_sealed_by_the_platform(lived, advisor, client):
    pdf = download(client, advisor, lived.pairing)

    status, page = checked(client, pdf)
    report = verify(pdf, authority.validation_context)

    assert report.ok and report.by_platform and report.level == "B-LTA"
    assert [s.role for s in report.signatures] == [PLATFORM_SEAL_ROLE]
    assert str(lived.pairing.pk) in report.signatures[0].reason
    assert status == 200
    assert page.count('class="signature valid"') == 1 and 'class="signature invalid"' not in page
    assert 'id="platform-seal"' in page
    assert "PAdES B-LTA" in page


def test_one_byte_changed_in_the_dossier_is_refused(lived, advisor, client):
    pdf = bytearray(download(client, advisor, lived.pairing))
    pdf[len(pdf) // 4] ^= 0x01

    status, page = checked(client, bytes(pdf))

    assert status == 200
    assert 'id="platform-seal"' not in page
    assert 'class="signature valid"' not in page
    assert not verify(bytes(pdf), authority.validation_context).ok


def test_each_download_is_recorded_with_the_fingerprint_of_the_file(lived, advisor, client):
    pdf = download(client, advisor, lived.pairing)

    event = AuditEvent.objects.get(action="pairing.dossier_exported")
    assert (event.pairing_id, event.user_id) == (lived.pairing.pk, advisor.pk)
    assert event.data == {"format": "pdf", "sha256": sha256(pdf)}


def test_a_convention_signed_by_the_parties_is_not_taken_for_the_platforms_seal(lived):
    from documents.conventions.services import read_pdf

    report = verify(read_pdf(lived.pairing.conventions.get()), authority.validation_context)

    assert report.ok and not report.by_platform


def test_two_dossiers_exported_one_after_the_other_are_sealed_by_the_platforms_stored_certificate(
    lived, advisor, client, clock
):
    certificates = SignerCertificate.objects.count()
    first = verify(download(client, advisor, lived.pairing), authority.validation_context)
    clock.shift(timedelta(days=3))
    second = verify(download(client, advisor, lived.pairing), authority.validation_context)

    stored = SignerCertificate.objects.get(party="platform", revoked_at__isnull=True)
    assert first.ok and second.ok
    assert first.signatures[0].fingerprint == second.signatures[0].fingerprint == stored.fingerprint
    assert SignerCertificate.objects.count() == certificates
    assert b"ENCRYPTED PRIVATE KEY" in bytes(stored.key_pem)


def test_once_the_seal_is_revoked_a_new_one_seals_and_the_page_refuses_the_revoked_ones(lived, advisor, client, clock):
    before = download(client, advisor, lived.pairing)
    old = verify(before, authority.validation_context).signatures[0].fingerprint
    clock.shift(timedelta(hours=1))

    call_command("revoke_certificate", old[:20], reason="Clé compromise")
    clock.shift(timedelta(hours=1))
    after = download(client, advisor, lived.pairing)

    new = verify(after, authority.validation_context)
    assert new.ok and new.by_platform and new.signatures[0].fingerprint != old
    assert SignerCertificate.objects.get(fingerprint=new.signatures[0].fingerprint).party == "platform"
    revoked = verify(before, authority.validation_context).signatures[0]
    assert revoked.fingerprint == old and revoked.revoked and not revoked.trusted
    status, page = checked(client, before)
    assert status == 200
    assert 'class="signature invalid"' in page and 'class="signature valid"' not in page
    assert 'id="platform-seal"' not in page
    status, page = checked(client, after)
    assert page.count('class="signature valid"') == 1 and 'id="platform-seal"' in page
