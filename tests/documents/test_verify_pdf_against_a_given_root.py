"""Whoever holds WeShare's root certificate checks a convention without the platform's database:
the public verification page lets them download the root, and `verify_pdf FILE --root ROOT.pem`
gives the same verdicts as the page."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from documents import pki
from documents.conventions import authority
from documents.conventions.services import read_pdf

from .conftest import sign_all
from .test_tampering_is_detected import page_added


@pytest.fixture
def signed(convention, advisor, officer, tmp_path):
    path = tmp_path / "convention.pdf"
    path.write_bytes(read_pdf(sign_all(convention, advisor, officer)))
    return path


@pytest.fixture
def root_pem(client, tmp_path):
    response = client.get(reverse("convention_root_certificate"))
    path = tmp_path / "weshare-root.pem"
    path.write_bytes(response.content)
    return path


def test_the_verification_page_offers_the_root_certificate_as_pem(client, convention):
    page = client.get(reverse("convention_verify"))
    response = client.get(reverse("convention_root_certificate"))

    assert reverse("convention_root_certificate") in page.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-pem-file"
    assert 'filename="weshare-root.pem"' in response["Content-Disposition"]
    assert pki.load_cert(response.content) == authority.root_certificate()


def test_a_signed_convention_is_valid_against_the_downloaded_root_without_the_database(
    signed, root_pem, capsys, django_assert_num_queries
):
    with django_assert_num_queries(0):
        call_command("verify_pdf", str(signed), "--root", str(root_pem))
    out = capsys.readouterr().out

    assert out.count("intact: yes") == 4 and out.count("trusted: yes") == 4
    assert "PAdES level: B-LTA" in out
    assert "VALID: every signature is valid" in out


def test_against_another_root_no_signature_is_trusted(signed, tmp_path, capsys):
    other, _key = pki.create_root()
    wrong = tmp_path / "other-root.pem"
    wrong.write_bytes(pki.cert_pem(other))

    with pytest.raises(SystemExit) as failed:
        call_command("verify_pdf", str(signed), "--root", str(wrong))
    out = capsys.readouterr().out

    assert failed.value.code == 1
    assert "trusted: yes" not in out and out.count("trusted: NO") == 4
    assert "NOT VALID" in out


def test_a_file_changed_after_signing_is_not_valid_against_the_right_root(signed, root_pem, tmp_path, capsys):
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(page_added(signed.read_bytes()))

    with pytest.raises(SystemExit):
        call_command("verify_pdf", str(changed), "--root", str(root_pem))

    assert "(NOT ALLOWED)" in capsys.readouterr().out


def test_a_root_that_is_not_a_certificate_is_refused_clearly(signed, tmp_path):
    junk = tmp_path / "root.pem"
    junk.write_text("not a certificate")

    with pytest.raises(CommandError, match="not an X.509 certificate"):
        call_command("verify_pdf", str(signed), "--root", str(junk))
