"""Every page type of a national section renders with breadcrumbs, meta and OpenGraph fields."""

import pytest
from bs4 import BeautifulSoup

from cms_pages.models import (
    ContactPage,
    CountryPage,
    FAQPage,
    HowItWorksPage,
    NewsArticlePage,
    NewsIndexPage,
    StandardPage,
)

PAGE_TYPES = [CountryPage, StandardPage, HowItWorksPage, FAQPage, NewsIndexPage, NewsArticlePage, ContactPage]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_page_type_renders_in_both_languages_of_its_section(client, demo, model, language):
    page = model.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"the demo has a {model.__name__} in {language}"

    response = client.get(page.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1.get_text(strip=True)
    assert soup.find("meta", property="og:title")["content"]
    assert soup.find("link", rel="canonical")["href"].endswith(page.url)
    crumbs = [a.get_text(strip=True) for a in soup.select("nav.breadcrumbs a")]
    assert crumbs[0] == page.get_ancestors().get(depth=2).title
    assert soup.select_one("nav.breadcrumbs [aria-current=page]").get_text(strip=True) == page.title


def test_the_how_it_works_page_lists_its_steps_in_order(client, demo):
    page = HowItWorksPage.objects.get(locale__language_code="fr", audience="hosts")

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    steps = [h.get_text(strip=True) for h in soup.select("ol.steps h3")]
    assert steps == [step.value["title"] for step in page.steps]
    assert len(steps) >= 4


def test_the_news_index_lists_its_articles_newest_first(client, demo):
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    articles = NewsArticlePage.objects.child_of(index).live().order_by("-date")

    soup = BeautifulSoup(client.get(index.url).content, "html.parser")

    assert [h.get_text(strip=True) for h in soup.select(".news-list h2")] == [a.title for a in articles]


def test_the_news_index_survives_a_page_number_out_of_range(client, demo):
    index = NewsIndexPage.objects.get(locale__language_code="fr")

    assert client.get(index.url, {"page": "9999"}).status_code == 200
    assert client.get(index.url, {"page": "not-a-number"}).status_code == 200


def test_an_unknown_address_answers_a_404_page_in_the_visitors_language(client, demo):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_a_home_page_renders_its_blocks(client, demo):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")

    assert soup.select(".key-figures li")
    assert soup.select(".testimonial blockquote")
    assert soup.select("aside.cta a.button")
