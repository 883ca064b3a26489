"""An anonymous visitor's home page, rendered afresh (no page cache), costs a few queries only.

The site, the route to the page, its view restrictions, menus, language links, breadcrumbs,
the national programmes and the hero's rendition are remembered by each worker until content
changes; only the page itself and the blocks of its body are read on every request.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

HOME_PAGES = ["/fr/", "/en/"]


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("url", HOME_PAGES)
def test_the_home_page_served_again_costs_at_most_three_queries(client, demo, url, django_assert_max_num_queries):
    assert client.get(url).status_code == 200

    with django_assert_max_num_queries(3):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("url", HOME_PAGES)
def test_the_home_page_served_again_reads_no_site_locale_restriction_nor_image(client, demo, url):
    client.get(url)

    with CaptureQueriesContext(connection) as captured:
        client.get(url)

    tables = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("wagtailcore_site", "wagtailcore_locale", "wagtailcore_pageviewrestriction", "wagtailimages_"):
        assert table not in tables


def test_a_content_page_deep_in_the_tree_is_not_walked_to_again(client, demo):
    from cms_pages.models import StandardPage

    url = StandardPage.objects.live().filter(locale__language_code="fr", depth__gte=4).first().url
    client.get(url)

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200

    assert len(captured) <= 3
