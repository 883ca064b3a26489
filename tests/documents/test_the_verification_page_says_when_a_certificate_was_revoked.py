"""The public verification page checks conventions and dossiers alike, and when a signature's
certificate was revoked it says so with the date, rather than a bare "no"."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone, translation

from documents.conventions import authority
from documents.models import SignerCertificate

from .test_the_platform_seals_with_its_own_certificate import checked, in_use, sealed


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_the_upload_field_covers_conventions_and_dossiers(client):
    page = client.get(reverse("convention_verify")).content.decode()

    assert '<label for="id_file">Convention or dossier (PDF)</label>' in page
    assert 'type="file" name="file"' in page


def test_a_file_that_is_no_pdf_is_refused_next_to_the_field(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("convention_verify"), {"file": SimpleUploadedFile("x.pdf", b"hello")})

    page = response.content.decode()
    assert 'id="id_file_error"' in page and "This file is not a PDF." in page


def test_a_revoked_certificate_is_named_with_the_day_it_was_revoked(client, clock):
    old = in_use().get()
    context_before = authority.validation_context()
    clock.shift(timedelta(hours=1))
    call_command("revoke_certificate", "--platform-seal", reason="Clé compromise")
    clock.shift(timedelta(hours=1))
    forged = sealed("forged", signer_of=SignerCertificate.objects.get(pk=old.pk), context=context_before)

    page = checked(client, forged)

    revoked_at = SignerCertificate.objects.get(pk=old.pk).revoked_at.replace(microsecond=0)
    shown = formats.date_format(timezone.localtime(revoked_at), "DATETIME_FORMAT")
    assert f"no: its certificate was revoked on {shown}" in page
    assert 'class="signature invalid"' in page


def test_a_trusted_seal_says_yes_and_names_no_revocation(client):
    page = checked(client, sealed("fine"))

    assert "yes (WeShare&#x27;s authority)" in page or "yes (WeShare's authority)" in page
    assert "revoked" not in page
