"""A translator edits the pages of their own language and nothing else."""

import pytest
from django.contrib.auth import get_user_model

from cms_pages.models import HomePage, HowItWorksPage


def translator(code):
    return get_user_model().objects.get(username=f"translator.{code}")


def test_the_english_translator_edits_english_pages(demo):
    for page in [
        HomePage.objects.get(locale__language_code="en"),
        *HowItWorksPage.objects.filter(locale__language_code="en"),
    ]:
        assert page.permissions_for_user(translator("en")).can_edit(), page


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_the_english_translator_cannot_edit_other_languages(demo, language):
    home = HomePage.objects.get(locale__language_code=language)

    assert not home.permissions_for_user(translator("en")).can_edit()
    for page in HowItWorksPage.objects.filter(locale__language_code=language):
        assert not page.permissions_for_user(translator("en")).can_edit()


def test_translators_cannot_publish(demo):
    page = HomePage.objects.get(locale__language_code="es")

    assert page.permissions_for_user(translator("es")).can_edit()
    assert not page.permissions_for_user(translator("es")).can_publish()


def test_the_translator_reaches_the_edit_screen_of_their_language_only(client, demo):
    client.force_login(translator("en"))

    english = HomePage.objects.get(locale__language_code="en")
    french = HomePage.objects.get(locale__language_code="fr")
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{french.pk}/edit/").status_code in (302, 403)
