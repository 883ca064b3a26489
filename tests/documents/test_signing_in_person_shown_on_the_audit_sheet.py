"""The audit sheet says, for each signature, how it was made: in person or from the space, how the
code was delivered, who checked which identity document and when, and who was present."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from documents.conventions.admin_views import audit_sheet_document
from documents.conventions.services import convention_sign, convention_sign_in_person

from .conftest import app_code, emailed_code
from .factories_in_person import check_identity, pdf_text, printed_code


@pytest.fixture
def signed_in_person(convention, advisor, tmp_path):
    advisor.first_name, advisor.last_name = "Claire", "Martin"
    advisor.save()
    guest = convention.pairing.guest
    convention_sign(convention_id=convention.pk, party="guest", code=emailed_code(convention, guest), application=guest)
    check_identity(convention, "host", advisor, document_type="identity_card", document_number_end="4821")
    code = printed_code(convention, "host", advisor, tmp_path)
    convention_sign_in_person(
        convention_id=convention.pk,
        party="host",
        code=code,
        by=advisor,
        consent=True,
        place="home_visit",
        present="Claire Martin et Sophie Durand, sa fille",
    )
    return convention_sign(convention_id=convention.pk, party="association", code=app_code(advisor), user=advisor)


def test_the_audit_sheet_tells_how_the_host_signed_in_person(signed_in_person, advisor, tmp_path):
    request = RequestFactory().get("/")
    request.user = advisor
    with translation.override("en"):
        words = " ".join(pdf_text(audit_sheet_document(request, signed_in_person).write_pdf(), tmp_path).split())

    assert "How each signature was made" in words
    assert "Signed in person, at home, during a visit, on the device of Claire Martin" in words
    assert "with the signer's own certificate" in words
    assert "Delivered on a printed code sheet handed over" in words
    assert "Identity card, checked by Claire Martin on" in words and "4821" in words
    assert "Sophie Durand, sa fille" in words
    assert "From the applicant's space" in words and "Delivered by email" in words
    assert "From the back office, with an authenticator app" in words


def test_the_convention_page_lists_the_same(client, signed_in_person, advisor):
    from django.urls import reverse

    client.force_login(advisor)
    with translation.override("en"):
        page = client.get(reverse("convention_admin", args=[signed_in_person.pk]), HTTP_ACCEPT_LANGUAGE="en")

    html = page.content.decode()
    assert 'id="signatures"' in html and "Sophie Durand, sa fille" in html and "4821" in html
