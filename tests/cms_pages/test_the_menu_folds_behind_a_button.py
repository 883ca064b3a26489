"""On a phone the main menu folds behind a button; without scripts the menu stays open."""

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.parametrize("url", ["/es/", "/fr/france/accueillir/"])
def test_the_header_has_a_menu_button_that_controls_the_menu(client, demo, url):
    html = client.get(url).content.decode()

    assert '<button type="button" class="menu-toggle" aria-expanded="true" aria-controls="main-nav" hidden>' in html
    assert 'id="main-nav"' in html


def test_the_menu_is_shown_without_scripts(client, demo):
    html = client.get("/es/").content.decode()

    # Only menu.js folds it: the nav carries no class that hides it in the page itself.
    assert '<nav class="main-nav" id="main-nav"' in html
    assert "is-collapsible" not in html


def test_the_script_is_a_static_file_not_inline(client, demo):
    html = client.get("/es/").content.decode()

    assert '<script src="/static/js/menu.js' in html or "js/menu." in html
    assert "<script>" not in html
    assert finders.find("js/menu.js")
