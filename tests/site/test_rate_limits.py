"""Public forms, email-link requests and the verification upload are rate-limited per client, with a clear page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation


@pytest.fixture(autouse=True)
def _limits_on(rate_limits_on):
    """Every test of this module counts its requests."""


def test_email_link_requests_are_limited(client):
    url = reverse("applicant_space")
    answers = [client.post(url, {"email": f"someone{n}@example.org"}).status_code for n in range(7)]

    assert answers[:5] == [200] * 5
    assert answers[5:] == [429, 429]


def test_the_verification_upload_is_limited_with_a_message_in_the_visitors_language(client):
    url = reverse("convention_verify")
    for _ in range(20):
        client.post(url, {"file": SimpleUploadedFile("x.pdf", b"not a pdf")})

    with translation.override("en"):
        english = reverse("convention_verify")
    response = client.post(english, {"file": SimpleUploadedFile("x.pdf", b"not a pdf")})

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert response["Retry-After"]


def test_the_contact_form_is_limited(client, demo):
    from cms_pages.models import ContactPage

    page = ContactPage.objects.live().first()
    codes = [client.post(page.url, {}).status_code for _ in range(6)]

    assert 429 not in codes[:5]
    assert codes[5] == 429


def test_reading_pages_is_never_limited(client, demo):
    assert all(client.get("/fr/").status_code in (200, 302) for _ in range(40))
