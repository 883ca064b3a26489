"""Every language's home page lists every country's programme, in that language or the nearest one.

A Spanish student on /es/ finds France's programme (in English, the nearest language it has)
and its application forms; each programme shows how to reach it by phone and when.
"""

import re

import pytest
from django.utils import translation

from cms_pages.models import CountryPage

LANGUAGES = ["fr", "en", "es", "it", "de", "pt"]


def programme_links(html: str) -> list[str]:
    return re.findall(r'<li class="card programme">\s*<h3><a href="([^"]+)"', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_home_lists_both_programmes(client, demo, language):
    links = programme_links(client.get(f"/{language}/").content.decode())

    assert len(links) == 2
    assert any("/france/" in link for link in links)
    assert any(link.endswith(("/espana/", "/spain/")) for link in links)


@pytest.mark.parametrize(
    ("language", "france", "spain"),
    [
        ("fr", "/fr/france/", "/en/spain/"),
        ("en", "/en/france/", "/en/spain/"),
        ("es", "/en/france/", "/es/espana/"),
        ("de", "/en/france/", "/en/spain/"),
        ("it", "/en/france/", "/en/spain/"),
        ("pt", "/en/france/", "/en/spain/"),
    ],
)
def test_each_programme_is_linked_in_the_home_language_else_english_else_the_default(
    client, demo, language, france, spain
):
    links = programme_links(client.get(f"/{language}/").content.decode())

    assert set(links) == {france, spain}


def test_a_programme_in_another_language_says_so_and_marks_its_language(client, demo):
    html = client.get("/es/").content.decode()

    assert 'href="/en/france/" hreflang="en" lang="en"' in html
    # The language's name comes from Django's catalogue: "Pages in English", in Spanish.
    assert re.search(r'<p class="in-language">[^<]*inglés', html, re.IGNORECASE)


def test_the_default_language_is_the_last_resort(client, demo):
    CountryPage.objects.get(country__code="FR", locale__language_code="en").unpublish()

    links = programme_links(client.get("/de/").content.decode())

    assert "/fr/france/" in links


def test_each_programme_shows_its_phone_and_opening_hours(client, demo):
    html = client.get("/fr/").content.decode()

    assert 'href="tel:0535551240"' in html
    assert "Du lundi au vendredi, de 9 h à 17 h" in html
    assert "+34 910 55 12 40" in html


def test_each_programme_leads_to_its_application_forms(client, demo):
    html = client.get("/es/").content.decode()

    for form in ("/en/france/offer-a-room/", "/en/france/find-a-room/", "/es/espana/ofrecer-habitacion/"):
        assert f'href="{form}' in html
        assert client.get(form).status_code == 200


def test_the_programme_labels_read_in_the_visitors_language(client, demo):
    with translation.override("en"):
        html = client.get("/en/").content.decode()

    assert "<dt>Phone</dt>" in html
    assert "<dt>Opening hours</dt>" in html
