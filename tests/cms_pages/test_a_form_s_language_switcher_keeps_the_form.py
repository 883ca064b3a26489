"""On a programme's form, the language switcher marks the language the form speaks and leads to
the same form in each other language, instead of the other language's home page."""

import pytest

from cms_pages.models import ApplicationFormPage


@pytest.fixture
def client(committing_client):
    return committing_client


def france_guest_form(language="en"):
    return ApplicationFormPage.objects.get(kind="guest", locale__language_code=language, url_path__contains="/france/")


def switcher(response):
    return {link.code: link for link in response.context["language_links"]}


def test_the_form_in_spanish_says_spanish_is_the_current_language(client, demo):
    page = france_guest_form()

    links = switcher(client.get(page.url + "?lang=es"))

    assert [code for code, link in links.items() if link.is_current] == ["es"]


def test_each_language_without_its_own_page_leads_to_the_same_form(client, demo):
    page = france_guest_form()

    links = switcher(client.get(page.url + "?lang=es"))

    for code in ("es", "it", "de", "pt"):
        assert links[code].url == f"{page.url}?lang={code}"


def test_the_page_s_own_language_leaves_the_visitor_s_language(client, demo):
    page = france_guest_form()
    links = switcher(client.get(page.url + "?lang=es"))

    response = client.get(links["en"].url)

    assert '<html lang="en"' in response.content.decode()
    assert switcher(response)["en"].is_current


def test_a_language_the_form_exists_in_leads_to_that_translation(client, demo):
    page = france_guest_form()
    french = france_guest_form("fr")

    links = switcher(client.get(page.url + "?lang=es"))

    assert links["fr"].url == french.url
    assert links["fr"].is_translation


def test_the_switcher_is_drawn_with_the_form_s_links(client, demo):
    page = france_guest_form()

    html = client.get(page.url + "?lang=es").content.decode()

    assert f'href="{page.url}?lang=it"' in html
    assert '<span aria-current="true" lang="es">' in html
