"""Visitors search the pages of their own language."""

from bs4 import BeautifulSoup

from cms_pages.models import FAQPage


def test_search_finds_a_page_by_its_title_in_the_visitors_language(client, demo):
    faq = FAQPage.objects.get(locale__language_code="fr")
    word = max(faq.title.split(), key=len)

    response = client.get("/fr/search/", {"q": word})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = [a["href"] for a in soup.select(".search-results a")]
    assert faq.url in found
    assert all(href.startswith("/fr/") for href in found)


def test_search_without_words_shows_the_form_only(client, demo):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one("input[name=q]") is not None


def test_search_survives_hostile_input(client, demo):
    for query in ["<script>alert(1)</script>", "'; DROP TABLE wagtailcore_page; --", "é" * 5000, "\x00\x01"]:
        response = client.get("/fr/search/", {"q": query})
        assert response.status_code == 200
        assert b"<script>alert(1)</script>" not in response.content
