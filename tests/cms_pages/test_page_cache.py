"""Anonymous visitors are served from the page cache; a publication shows at once; nothing personal is cached."""

import pytest
from django.contrib.auth import get_user_model

from cms_pages.cache import CACHED_HEADER
from cms_pages.models import ContactPage, StandardPage


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_a_second_anonymous_visit_is_served_from_the_cache(client, demo, django_assert_num_queries):
    first = client.get("/fr/")
    assert first[CACHED_HEADER] == "miss"

    with django_assert_num_queries(0):
        second = client.get("/fr/")

    assert second[CACHED_HEADER] == "hit"
    assert second.content == first.content


def test_publishing_a_change_shows_at_once(client, demo):
    page = StandardPage.objects.get(locale__language_code="fr")
    client.get(page.url)
    assert client.get(page.url)[CACHED_HEADER] == "hit"

    page.title = "Un titre tout neuf"
    page.save_revision().publish()

    response = client.get(page.url)
    assert response[CACHED_HEADER] == "miss"
    assert "Un titre tout neuf" in response.content.decode()


def test_a_saved_draft_does_not_change_what_visitors_see(client, demo):
    page = StandardPage.objects.get(locale__language_code="fr")
    published_title = page.title
    client.get(page.url)

    page.title = "Brouillon pas encore relu"
    page.save_revision()

    body = client.get(page.url).content.decode()
    assert published_title in body
    assert "Brouillon pas encore relu" not in body


def test_signed_in_people_are_never_served_nor_stored_in_the_cache(client, demo):
    user = get_user_model().objects.get(username="editor.france")
    client.force_login(user)

    first = client.get("/fr/")
    second = client.get("/fr/")

    assert CACHED_HEADER not in first
    assert CACHED_HEADER not in second


def test_a_page_with_a_form_is_not_cached(client, demo):
    page = ContactPage.objects.get(locale__language_code="fr")

    client.get(page.url)
    response = client.get(page.url)

    assert response.get(CACHED_HEADER) != "hit"
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_the_cache_switched_off_serves_every_request_fresh(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 0

    client.get("/fr/")
    response = client.get("/fr/")

    assert CACHED_HEADER not in response


def test_pages_still_serve_when_redis_is_unreachable(client, demo, settings):
    settings.CACHES = {
        alias: {
            "BACKEND": "config.cache.FailSafeRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
        for alias in ("default", "renditions")
    }

    first = client.get("/fr/")
    second = client.get("/en/")

    assert first.status_code == 200
    assert second.status_code == 200
    assert second.get(CACHED_HEADER) != "hit"
