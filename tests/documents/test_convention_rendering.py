"""The convention is rendered once from the pairing's file, in both parties' languages side by side."""

import shutil
import subprocess
from io import BytesIO

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from documents.conventions.services import convention_render, read_pdf
from documents.models import Convention
from tests.conftest import skip_or_fail


def pdf_text(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (Debian package poppler-utils) is not installed")
    path = tmp_path / "convention.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def test_the_text_is_shown_in_the_hosts_and_the_guests_languages(convention, tmp_path):
    text = pdf_text(read_pdf(convention), tmp_path)

    assert "Convention d'hébergement" in text and "Convenzione di coabitazione" in text
    words = " ".join(text.split())
    assert "Monique Durand accueille Giulia Bianchi pour 90 EUR par mois." in words
    assert "Monique Durand accoglie Giulia Bianchi per 90 EUR al mese." in words
    assert convention.reference in text
    assert "Page 1 / 3" in words


def test_one_signature_field_per_party_is_placed_on_the_last_page(convention):
    reader = PdfFileReader(BytesIO(read_pdf(convention)))
    fields = [f.get_object() for f in reader.root["/AcroForm"]["/Fields"]]
    last_page = reader.root["/Pages"]["/Kids"][-1].get_object()

    assert sorted(str(f["/T"]) for f in fields) == [
        "signature_association",
        "signature_guest",
        "signature_host",
        "signature_pension_office",
    ]
    for field in fields:
        x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
        assert field["/P"].get_object() == last_page
        assert x2 - x1 > 150 and y2 - y1 > 40  # a box a stamp fits in


def test_rendering_twice_gives_the_same_convention_and_file(convention):
    again = convention_render(pairing_id=convention.pairing_id)

    assert again.pk == convention.pk
    assert again.sha256 == convention.sha256
    assert Convention.objects.filter(pairing=convention.pairing).count() == 1


def test_the_rendering_task_run_twice_keeps_one_convention(convention):
    from documents.tasks import render_convention

    assert render_convention(convention.pairing_id) == render_convention(convention.pairing_id) == convention.reference
    assert Convention.objects.filter(pairing=convention.pairing).count() == 1


def test_a_country_without_template_gets_a_clear_refusal(pairing):
    from documents.conventions.services import NoTemplate
    from documents.models import ConventionTemplate, ConventionTemplateVersion

    pairing.conventions.all().delete()
    ConventionTemplateVersion.objects.filter(template__country=pairing.host.country).delete()
    ConventionTemplate.objects.filter(country=pairing.host.country).delete()

    with pytest.raises(NoTemplate):
        convention_render(pairing_id=pairing.pk)
    assert not Convention.objects.filter(pairing=pairing).exists()
