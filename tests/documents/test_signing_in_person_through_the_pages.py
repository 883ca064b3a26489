"""The advisor's pages: record the identity check, print the code sheet (served once, never
cached), hand the device to the signer, who types the printed code and signs."""

import pytest
from django.urls import reverse

from documents.models import Convention, IdentityCheck

from .factories_in_person import CODE_LINE, pdf_text


@pytest.fixture
def client(committing_client, advisor):
    committing_client.force_login(advisor)
    return committing_client


def test_the_advisor_checks_the_identity_prints_the_sheet_and_the_guest_signs_on_the_device(
    client, convention, advisor, tmp_path
):
    hub = reverse("convention_in_person", args=[convention.pk])
    sign_page = reverse("convention_in_person_sign", args=[convention.pk])

    page = client.get(f"{hub}?party=guest")
    checked = client.post(
        hub,
        {
            "step": "identity",
            "party": "guest",
            "document_type": "passport",
            "document_number_end": "77",
            "place": "office",
            "present": "Le conseiller et le père de Giulia",
        },
    )
    sheet = client.post(hub, {"step": "code", "party": "guest", "delivery": "sheet"})
    code = CODE_LINE.search(pdf_text(sheet.content, tmp_path)).group(1)
    to_fill = client.get(f"{sign_page}?party=guest")
    signed = client.post(
        f"{sign_page}?party=guest",
        {"party": "guest", "consent": "on", "code": code, "place": "office", "present": "Le conseiller et le père"},
    )

    assert page.status_code == 200 and 'name="document_type"' in page.content.decode()
    assert checked.status_code == 302
    assert IdentityCheck.objects.get().checked_by == advisor
    assert sheet.status_code == 200 and sheet["Content-Type"] == "application/pdf"
    assert "no-store" in sheet["Cache-Control"] and "attachment" in sheet["Content-Disposition"]
    html = to_fill.content.decode()
    assert to_fill.status_code == 200 and "Giulia Bianchi" in html and 'name="code"' in html
    assert 'name="consent"' in html and reverse("convention_admin_pdf", args=[convention.pk]) in html
    assert "no-store" in to_fill["Cache-Control"]
    assert signed.status_code == 302 and signed["Location"] == reverse("convention_admin", args=[convention.pk])
    assert Convention.objects.get(pk=convention.pk).state == "signed_by_guest"


def test_a_code_asked_before_the_identity_check_is_refused_on_the_page(client, convention):
    hub = reverse("convention_in_person", args=[convention.pk])

    answer = client.post(hub, {"step": "code", "party": "guest", "delivery": "sheet"})

    assert answer.status_code == 400 and answer["Content-Type"].startswith("text/html")


def test_an_identity_check_without_who_was_present_is_refused_with_the_field(client, convention):
    hub = reverse("convention_in_person", args=[convention.pk])

    answer = client.post(
        hub, {"step": "identity", "party": "guest", "document_type": "passport", "place": "office", "present": ""}
    )

    assert answer.status_code == 400 and not IdentityCheck.objects.exists()
    assert 'name="present"' in answer.content.decode()
