"""Applicants sign from their space, staff from the admin; anyone checks a convention on the public page."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from documents.conventions.services import read_pdf
from documents.models import Convention

from .conftest import app_code, sign_all


@pytest.fixture
def client(committing_client):
    return committing_client


def sign_in(client, application):
    client.post(reverse("applicant_space"), {"email": application.email})
    link = re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0)
    client.post(link)


def test_the_guest_asks_for_a_code_and_signs_from_their_space(client, convention):
    guest = convention.pairing.guest
    sign_in(client, guest)
    url = reverse("applicant_convention", args=[convention.pk])

    page = client.get(url)
    wrong = client.post(url, {"step": "sign", "code": "000000"})
    client.post(url, {"step": "code"})
    code = re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)
    signed = client.post(url, {"step": "sign", "code": code})

    assert page.status_code == 200 and convention.reference in page.content.decode()
    assert wrong.status_code == 400
    assert signed.status_code == 302
    assert Convention.objects.get(pk=convention.pk).state == "signed_by_guest"
    assert client.get(reverse("applicant_convention_pdf", args=[convention.pk]))["Content-Type"] == "application/pdf"


def test_the_host_cannot_sign_before_the_guest_and_strangers_see_nothing(client, convention):
    sign_in(client, convention.pairing.host)
    url = reverse("applicant_convention", args=[convention.pk])

    page = client.get(url).content.decode()
    client.post(url, {"step": "code"})
    code = re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)
    early = client.post(url, {"step": "sign", "code": code})
    client.logout()
    client.session.flush()

    assert 'name="step" value="sign"' not in page
    assert early.status_code == 400
    assert client.get(url).status_code == 404
    assert client.get(reverse("applicant_convention_pdf", args=[convention.pk])).status_code == 404


def test_the_association_signs_in_the_admin_with_its_authenticator_code(client, convention, advisor, clock):
    Convention.objects.filter(pk=convention.pk).update(state="signed_by_host")
    client.force_login(advisor)
    url = reverse("convention_admin", args=[convention.pk])

    wrong = client.post(url, {"step": "sign", "code": "12"})
    too_soon = client.post(url, {"step": "sign", "code": app_code(advisor)})
    clock.shift(timedelta(seconds=2))  # past django-otp's delay after one wrong code
    done = client.post(url, {"step": "sign", "code": app_code(advisor)})

    assert wrong.status_code == 400
    assert too_soon.status_code == 400
    assert done.status_code == 302
    assert Convention.objects.get(pk=convention.pk).state == "signed_by_association"


def test_the_verification_page_shows_four_valid_signatures_and_the_level(client, convention, advisor, officer):
    sealed = sign_all(convention, advisor, officer)

    by_token = client.get(reverse("convention_verify_token", args=[sealed.token]))
    uploaded = client.post(
        reverse("convention_verify"),
        {"file": SimpleUploadedFile("c.pdf", read_pdf(sealed), content_type="application/pdf")},
    )

    for response in (by_token, uploaded):
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count('class="signature valid"') == 4
        assert "PAdES B-LTA" in html


def test_a_file_that_is_not_a_pdf_gets_a_clear_message(client):
    with translation.override("en"):
        response = client.post(
            reverse("convention_verify"), {"file": SimpleUploadedFile("x.pdf", b"<html>hello</html>")}
        )

    assert response.status_code == 400
    assert "This file is not a PDF." in response.content.decode()


def test_the_audit_sheet_and_the_crl_can_be_downloaded(client, convention, advisor, officer):
    sign_all(convention, advisor, officer)
    client.force_login(advisor)

    sheet = client.get(reverse("convention_audit_sheet", args=[convention.pk]))
    crl = client.get(reverse("pki_crl", args=["issuing"]))

    assert sheet["Content-Type"] == "application/pdf" and sheet.content.startswith(b"%PDF")
    assert crl.status_code == 200 and crl["Content-Type"] == "application/pkix-crl"
