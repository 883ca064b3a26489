"""Each of the six locales is served under its prefix with its language announced."""

import re

import pytest
from bs4 import BeautifulSoup

LOCALES = ["fr", "en", "es", "it", "de", "pt"]


@pytest.mark.parametrize("code", LOCALES)
def test_the_home_page_of_each_locale_is_served_under_its_prefix(client, demo, code):
    response = client.get(f"/{code}/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == code
    assert soup.h1.get_text(strip=True)


def test_the_bare_address_redirects_to_the_visitors_language(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/de/"


def test_the_language_switcher_offers_every_language_and_marks_the_current_one(client, demo):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    switcher = soup.select_one("nav.language-switcher")

    links = {a["hreflang"]: a["href"] for a in switcher.select("a[hreflang]")}
    assert links == {"fr": "/fr/", "es": "/es/", "it": "/it/", "de": "/de/", "pt": "/pt/"}
    assert switcher.select_one("[aria-current]").get_text(strip=True) == "English"


def test_every_page_announces_its_translations_as_hreflang_alternates(client, demo):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")

    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert set(alternates) == set(LOCALES)
    assert all(re.match(r"^https?://", href) for href in alternates.values())
    assert alternates["pt"].endswith("/pt/")


def test_a_page_that_exists_in_two_languages_only_has_two_alternates(client, demo):
    soup = BeautifulSoup(client.get("/fr/france/").content, "html.parser")

    alternates = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"fr", "en"}
    # The switcher still leads to the other languages' home pages.
    switcher_links = {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a[hreflang]")}
    assert switcher_links["de"] == "/de/"
    assert switcher_links["en"].startswith("/en/")
    assert switcher_links["en"] != "/en/"
