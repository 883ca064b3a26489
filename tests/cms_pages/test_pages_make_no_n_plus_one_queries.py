"""Listing pages cost the same number of queries whatever the number of items."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_pages.models import NewsArticlePage, NewsIndexPage


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_articles(index, count, image):
    for n in range(count):
        article = NewsArticlePage(
            title=f"Nouvelle {n}",
            slug=f"nouvelle-{n}",
            intro="Une nouvelle de plus.",
            image=image,
            body=json.dumps([{"type": "paragraph", "value": "<p>Texte.</p>"}]),
        )
        index.add_child(instance=article)
        article.save_revision().publish()


def test_the_news_index_does_not_query_per_article(client, demo_with_images, settings):
    settings.PAGE_CACHE_SECONDS = 0
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    image = NewsArticlePage.objects.child_of(index).exclude(image=None).first().image
    client.get(index.url)  # renditions made once
    before = queries_for(client, index.url)

    add_articles(index, 5, image)
    client.get(index.url)

    assert queries_for(client, index.url) == before


def test_a_page_served_again_reuses_its_menus_and_language_links(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 0
    first = queries_for(client, "/fr/")

    second = queries_for(client, "/fr/")

    assert second < first
    assert second <= 12
