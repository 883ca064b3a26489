"""The text size and contrast chosen with the controls at the top are kept in a cookie: the server
draws the next page at once in that choice, on <html>, and the page cache never hands one
visitor's choice to another."""

import re

import pytest
from django.test import Client

from cms_pages.cache import CACHED_HEADER
from cms_pages.easy_reading import DISPLAY_COOKIE


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def visitor(choice: str | None = None) -> Client:
    client = Client()
    if choice is not None:
        client.cookies[DISPLAY_COOKIE] = choice
    return client


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_the_chosen_size_and_contrast_are_drawn_on_the_next_page_by_the_server(demo):
    response = visitor("text-larger.contrast-high").get("/fr/")

    assert response.status_code == 200
    assert html_tag(response) == '<html lang="fr" dir="ltr" class="text-larger contrast-high">'


def test_without_a_choice_the_page_has_no_display_class(demo):
    assert html_tag(visitor().get("/fr/")) == '<html lang="fr" dir="ltr">'


@pytest.mark.parametrize("typed", ['"><script>alert(1)</script>', "text-huge", "contrast-high" * 10])
def test_a_cookie_typed_by_hand_adds_nothing_but_the_known_classes(demo, typed):
    response = visitor(typed).get("/fr/")

    assert html_tag(response) == '<html lang="fr" dir="ltr">'
    assert "alert(1)" not in response.content.decode()


def test_every_page_offers_the_controls_and_applies_the_choice_before_it_is_drawn(demo):
    html = visitor().get("/fr/").content.decode()

    head = html[: html.index("</head>")]
    script = re.search(r'<script src="[^"]*js/display-preferences\.js"[^>]*>', head).group(0)
    assert "defer" not in script and "async" not in script, "the choice must apply before the first paint"
    assert "<script>" not in html, "the content security policy allows only the site's own script files"
    start = html.index("data-display-controls")
    controls = html[start : html.index("</header>", start)]
    assert 'data-display-size="text-large"' in controls
    assert 'data-display-size="text-larger"' in controls
    assert 'data-display-contrast="contrast-high"' in controls
    assert controls.count('aria-pressed="false"') == 4


def test_the_script_keeps_the_choice_a_year_in_the_cookie_the_server_reads(settings):
    script = (settings.SITE_DIR / "static" / "js" / "display-preferences.js").read_text()

    assert f'COOKIE = "{DISPLAY_COOKIE}"' in script
    assert "Max-Age=31536000" in script
    assert "Path=/" in script


def test_a_page_drawn_in_one_visitors_choice_is_not_served_to_another(demo, page_cache_on):
    chooser = visitor("text-large.contrast-high")
    assert "text-large" in html_tag(chooser.get("/fr/"))
    assert "text-large" in html_tag(chooser.get("/fr/"))

    other = visitor().get("/fr/")

    assert html_tag(other) == '<html lang="fr" dir="ltr">'


def test_a_visitor_with_a_choice_is_not_served_the_page_cached_for_everybody(demo, page_cache_on):
    first, second = visitor().get("/fr/"), visitor().get("/fr/")
    assert (first[CACHED_HEADER], second[CACHED_HEADER]) == ("miss", "hit")

    response = visitor("text-larger").get("/fr/")

    assert html_tag(response) == '<html lang="fr" dir="ltr" class="text-larger">'
    assert response.get(CACHED_HEADER) != "hit"
