"""The blank application form to print: every question of the public form's steps, in each
language, in type of 16 points or more, with the association to send it back to and the consent
to sign; advisors download it from the back office."""

import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

import documents.assisted_hooks  # noqa: F401  (its admin URLs)
from documents.application_form_pdf import MIN_FONT_PT, application_form_pdf, form_sections
from tests.conftest import skip_or_fail
from tests.workflow.factories import StaffMembershipFactory, association_covering
from workflow.forms import STEPS, IdentityForm
from workflow.models import Country, Territory

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
#: DejaVu Sans's line box (ascent + descent) is 1.16 em: a word's box is at least that times its size.
DEJAVU_BOX = 1.16


def words(pdf: bytes, tmp_path) -> list[tuple[float, str]]:
    """Each word of the PDF with the height of its box, in points."""
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (Debian package poppler-utils) is not installed")
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return [(float(y2) - float(y1), text) for _x1, y1, _x2, y2, text in WORD.findall(html)]


def text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    return " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout.split()
    )


@pytest.fixture
def france():
    return Country.objects.get(code="FR")


@pytest.fixture
def association(france):
    gironde = Territory.objects.get(country=france, code="33", level="department")
    association = association_covering(gironde)
    association.phone = "05 56 11 22 33"
    association.address = "12 place de la Victoire\n33000 Bordeaux"
    association.save()
    return association


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("kind", ["host", "guest"])
def test_each_language_renders_every_question_in_large_type(france, association, kind, language, tmp_path):
    pdf = application_form_pdf(country=france, kind=kind, language=language, association=association)

    assert pdf.startswith(b"%PDF")
    found = words(pdf, tmp_path)
    assert found
    smallest = min(height for height, _word in found)
    assert smallest >= MIN_FONT_PT * DEJAVU_BOX - 0.5, f"a word is {smallest / DEJAVU_BOX:.1f} pt"
    written = text(pdf, tmp_path)
    with translation.override(language):
        for section in form_sections(country=france, kind=kind):
            assert " ".join(section.title.split()) in written
            for question in section.questions:
                assert " ".join(question.label.split())[:30] in written, question.label
        assert "05 56 11 22 33" in written and "place de la Victoire" in written


def test_the_form_asks_every_question_of_the_public_forms_steps(france):
    with translation.override("fr"):
        sections = form_sections(country=france, kind="host")
        labels = {q.label for s in sections for q in s.questions}
        expected = {str(f.label) for step in STEPS["host"] for f in step.form_class.base_fields.values()}
        consent = str(IdentityForm.base_fields["consent"].label)

    assert [s.title for s in sections] == [str(step.title) for step in STEPS["host"]]
    assert expected - {consent} <= labels
    assert consent not in labels, "the consent is signed at the end, in its own words"


def test_the_consent_to_sign_is_in_the_forms_language(france, association, tmp_path):
    pdf = application_form_pdf(country=france, kind="host", language="en", association=association)

    written = text(pdf, tmp_path)
    assert "I agree that " + association.name in written
    assert "Signature" in written


def test_an_advisor_downloads_it_from_the_back_office(client, france, association):
    advisor = StaffMembershipFactory(organisation=association).user
    client.force_login(advisor)

    response = client.get(reverse("application_form_print", args=["FR", "host", "fr"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "weshare-host-fr-fr.pdf" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    listed = client.get(reverse("assisted_new")).content.decode()
    assert reverse("application_form_print", args=["FR", "guest", "fr"]) in listed


def test_staff_who_vet_nothing_cannot_download_it(client, association):
    officer = StaffMembershipFactory(organisation=association, role="pension_officer").user
    client.force_login(officer)

    assert client.get(reverse("application_form_print", args=["FR", "host", "fr"])).status_code == 403


def test_an_unknown_kind_or_language_is_not_found(client, association):
    client.force_login(StaffMembershipFactory(organisation=association).user)

    assert client.get(reverse("application_form_print", args=["FR", "owner", "fr"])).status_code == 404
    assert client.get(reverse("application_form_print", args=["FR", "host", "xx"])).status_code == 404
