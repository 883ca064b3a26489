"""What each worker remembers between requests (routes, restrictions, menus) follows every change at once."""

import pytest
from wagtail.models import PageViewRestriction

from cms_pages.models import CountryPage, HomePage, StandardPage


@pytest.fixture(autouse=True, params=[0, 600], ids=["page cache off", "page cache on"])
def page_cache(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param


def test_a_page_made_private_is_no_longer_shown_to_anonymous_visitors(client, demo):
    page = StandardPage.objects.live().filter(locale__language_code="fr").first()
    client.get(page.url)
    assert client.get(page.url).status_code == 200

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_home_page_made_private_is_no_longer_shown_to_anonymous_visitors(client, demo):
    home = HomePage.objects.get(locale__language_code="fr")
    client.get("/fr/")

    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/fr/").status_code == 302


def test_an_unpublished_page_answers_not_found_at_once(client, demo):
    page = StandardPage.objects.live().filter(locale__language_code="fr").first()
    assert client.get(page.url).status_code == 200

    page.unpublish()

    assert client.get(page.url).status_code == 404


def test_a_renamed_section_shows_its_new_title_in_the_menu_and_on_the_home_page(client, demo):
    section = CountryPage.objects.get(locale__language_code="fr", country__code="FR")
    client.get("/fr/")
    client.get(section.url)

    section.title = "La France, nouveau titre"
    section.save_revision().publish()

    assert "La France, nouveau titre" in client.get("/fr/").content.decode()
    assert "La France, nouveau titre" in client.get(section.url).content.decode()
