"""The convention reads as a complete agreement in each party's language: the parties fully
identified, the room and the rooms shared, dates, contribution and payment, insurance, house rules,
the country's trial period and notice, support, disputes, where and when it is made and in how many
originals; and its QR code and verification link stay inside the page."""

import re
from datetime import date

import pytest

from documents.conventions import rendering
from documents.conventions.demo import ARTICLES, demo_template
from documents.conventions.services import convention_render, read_pdf
from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.documents.conftest import _approved
from tests.documents.test_convention_rendering import pdf_text

#: What each language must say, beyond the twelve article headings: words of the payment,
#: insurance, notice and "made at … on …" clauses.
REQUIRED = {
    "fr": [
        "par virement bancaire",
        "responsabilité civile",
        "préavis de 33 jours",
        "période d'essai de 21 jours",
        "Fait à Bordeaux",
        "en 4 originaux",
        "représentée par Claire Martin",
    ],
    "es": [
        "transferencia bancaria",
        "responsabilidad civil",
        "preaviso de 33 días",
        "periodo de prueba de 21 días",
        "Hecho en Bordeaux",
        "en 4 ejemplares originales",
        "representada por Claire Martin",
    ],
    "it": [
        "bonifico bancario",
        "responsabilità civile",
        "preavviso di 33 giorni",
        "periodo di prova di 21 giorni",
        "Fatto a Bordeaux",
        "in 4 originali",
        "rappresentata da Claire Martin",
    ],
}


@pytest.fixture
def templates(territory, advisor):
    """The demo templates (French law) in the three languages these tests read; the country's own
    trial period and notice; the association's address and the advisor who represents it."""
    country = territory.country
    country.trial_period_days, country.notice_period_days = 21, 33
    country.save()
    association = territory.associations.first()
    association.address = "12 rue des Lilas\n33000 Bordeaux"
    association.save()
    advisor.first_name, advisor.last_name = "Claire", "Martin"
    advisor.save()
    return [demo_template(country, language, law="FR") for language in ("fr", "es", "it")]


@pytest.fixture
def convention_with(territory, advisor, officer, templates):
    def make(guest_language):
        home = {"address": "4 allée des Tilleuls", "postcode": "33200", "city": "Bordeaux", "room_size": 14}
        home |= {"furnished": True, "meals": "sometimes", "visits": "ask"}
        host = _approved("host", territory, language="fr", first_name="Monique", last_name="Durand")
        host.birth_date = date(1948, 3, 14)
        host.answers |= home
        host.save()
        guest = _approved("guest", territory, language=guest_language, first_name="Lucía", last_name="García")
        guest.birth_date = date(2004, 9, 2)
        guest.save()
        pairing = pairing_propose(host=host, guest=guest, by=advisor)
        for party in ("guest", "host"):
            pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
        for action in ("schedule_meeting", "start_trial", "draft_convention"):
            pairing = pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
        return convention_render(pairing_id=pairing.pk)

    return make


@pytest.mark.parametrize("guest_language", ["es", "it"])
def test_each_language_holds_every_article_and_clause(convention_with, guest_language, tmp_path):
    convention = convention_with(guest_language)
    words = " ".join(pdf_text(read_pdf(convention), tmp_path).split())

    for language in ("fr", guest_language):
        title, articles = ARTICLES[language]
        assert title in words
        for heading, _body in articles:
            assert heading in words, (language, heading)
        for clause in REQUIRED[language]:
            assert clause in words, (language, clause)
    for party in ("Monique Durand", "Lucía García", "14 m²", "4 allée des Tilleuls, 33200, Bordeaux", "90 EUR"):
        assert party in words
    assert "14 mars 1948" in words and "2 septembre 2004" in words
    assert "12 rue des Lilas, 33000 Bordeaux" in words
    assert "L. 118-1" in words
    assert not re.search(r"\{[a-z_]+\}", words), "a placeholder was left unfilled"
    assert "None" not in words


def test_the_signature_boxes_name_the_signers_in_full(convention_with, tmp_path):
    words = " ".join(pdf_text(read_pdf(convention_with("it")), tmp_path).split())

    assert "Monique Durand" in words and "Lucía García" in words
    assert "représentée par Claire Martin" in words


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def test_the_qr_code_and_the_link_stay_inside_every_page(convention_with):
    convention = convention_with("es")
    document = rendering.layout(convention)
    link = rendering.verify_url(convention)

    assert link.startswith("http://testserver/")
    for page in document.pages:
        images = [b for b in _boxes(page._page_box) if type(b).__name__.endswith("ReplacedBox")]
        assert len(images) == 1  # the QR code, on every page
        qr = images[0]
        assert 0 <= qr.position_x and qr.position_x + qr.width <= page.width
        assert 0 <= qr.position_y and qr.position_y + qr.height <= page.height
        assert qr.width == pytest.approx(18 / 25.4 * 96, rel=0.01)
    first = document.pages[0]
    texts = [b for b in _boxes(first._page_box) if type(b).__name__ == "TextBox" and "testserver" in b.text]
    assert texts
    for text in texts:
        assert text.position_x + text.width <= first.width - 15 / 25.4 * 96 + 1


def test_the_qr_code_leads_to_the_public_address(convention_with, settings):
    settings.PUBLIC_BASE_URL = "https://weshare.example/"
    convention = convention_with("it")

    assert rendering.verify_url(convention) == f"https://weshare.example/fr/conventions/verify/{convention.token}/"
