"""Each country's communications team edits only its own section, and publishes through moderation."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from cms_pages.models import CountryPage, HowItWorksPage
from workflow.models import Country


def user(username):
    return get_user_model().objects.get(username=username)


def france_page(language="fr"):
    return HowItWorksPage.objects.get(locale__language_code=language, audience="hosts", url_path__contains="/france/")


def spain_page():
    return HowItWorksPage.objects.get(locale__language_code="es", audience="hosts")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_countrys_editor_can_edit_its_pages_in_each_of_its_languages(client, demo, language):
    editor = user("editor.france")
    page = france_page(language)

    assert page.permissions_for_user(editor).can_edit()
    client.force_login(editor)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_one_countrys_editor_cannot_edit_another_countrys_pages(client, demo):
    spanish_editor = user("editor.espana")
    page = france_page()
    title = page.title

    assert not page.permissions_for_user(spanish_editor).can_edit()
    client.force_login(spanish_editor)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code in (302, 403)
    client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Pris en main", "slug": page.slug})
    page.refresh_from_db()
    assert page.title == title
    # …while the Spanish pages remain theirs.
    assert spain_page().permissions_for_user(spanish_editor).can_edit()
    assert not spain_page().permissions_for_user(user("editor.france")).can_edit()


def test_the_country_teams_cannot_edit_the_home_pages(demo):
    home = CountryPage.objects.get(locale__language_code="fr").get_parent()

    for username in ("editor.france", "moderator.france", "editor.espana"):
        assert not home.permissions_for_user(user(username)).can_edit()


def test_editors_submit_for_moderation_and_moderators_publish(demo):
    page = france_page()

    assert not page.permissions_for_user(user("editor.france")).can_publish()
    assert page.permissions_for_user(user("moderator.france")).can_publish()
    assert not page.permissions_for_user(user("moderator.espana")).can_publish()


def test_every_section_page_goes_through_its_countrys_moderation_workflow(demo):
    from cms_pages.permissions import country_workflow

    france, spain = Country.objects.get(code="FR"), Country.objects.get(code="ES")
    assert france_page().get_workflow() == country_workflow(france)
    assert france_page("en").get_workflow() == country_workflow(france)
    assert spain_page().get_workflow() == country_workflow(spain)
    assert france_page().get_workflow() != spain_page().get_workflow()


def test_a_section_translated_into_a_new_language_is_handed_to_its_team(demo):
    section = CountryPage.objects.get(locale__language_code="fr", country__code="FR")

    german = section.copy_for_translation(Locale.objects.get(language_code="de"))

    assert german.permissions_for_user(user("editor.france")).can_edit()
    assert not german.permissions_for_user(user("editor.espana")).can_edit()
