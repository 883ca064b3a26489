"""A translator opens wagtail-localize's side-by-side editor for a page of their language and saves
translated segments there; the country's moderators publish the translation."""

import html
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from cms_pages.models import CountryPage, StandardPage

INTRO = "Una habitación en casa de una persona mayor y compañía cada día."


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def translation(demo, django_capture_on_commit_callbacks):
    """A Spanish page of the Spain section, submitted for translation into English."""
    section = CountryPage.objects.get(country__code="ES", locale__language_code="es")
    page = StandardPage(title="Vivir con una persona mayor", slug="vivir-con-un-mayor", intro=INTRO)
    section.add_child(instance=page)
    page.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(user("admin"), [english]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=english)


def editor_props(response) -> dict:
    found = re.search(r'data-props="([^"]*)"', response.content.decode())
    assert found, "the side-by-side editor is not on the page"
    return json.loads(html.unescape(found.group(1)))


def intro_segment(props) -> dict:
    return next(s for s in props["segments"] if s["type"] == "string" and s["source"] == INTRO)


def test_the_translator_sees_the_source_beside_the_translation_and_saves_a_segment(client, translation):
    target = translation.get_target_instance()
    client.force_login(user("translator.en"))

    props = editor_props(client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])))
    segment = intro_segment(props)
    saved = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment["id"]]),
        "value=A+room+in+an+older+person%27s+home.",
        content_type="application/x-www-form-urlencoded",
    )

    assert (props["sourceLocale"]["code"], props["locale"]["code"]) == ("es", "en")
    assert saved.status_code in (200, 201)
    assert StringTranslation.objects.get(
        locale__language_code="en", data__startswith="A room"
    ).last_translated_by == user("translator.en")


def test_the_translator_leaves_publishing_to_the_countrys_moderators(client, translation):
    target = translation.get_target_instance()
    client.force_login(user("translator.en"))

    props = editor_props(client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])))
    refused = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})

    assert props["perms"]["canPublish"] is False
    assert refused.status_code in (302, 403)
    assert refused.status_code == 403 or "/login/" not in refused["Location"]


def test_the_spanish_translator_cannot_touch_the_english_translation(client, translation):
    target = translation.get_target_instance()
    segment_id = translation.source.stringsegment_set.get(string__data=INTRO).pk
    client.force_login(user("translator.es"))

    opened = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    typed = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment_id]),
        "value=Intruso",
        content_type="application/x-www-form-urlencoded",
    )

    assert opened.status_code in (302, 403)
    assert typed.status_code == 403
    assert not StringTranslation.objects.filter(data="Intruso").exists()


def test_the_countrys_moderator_publishes_the_translation(client, translation, django_capture_on_commit_callbacks):
    target = translation.get_target_instance()
    segment_id = translation.source.stringsegment_set.get(string__data=INTRO).pk
    client.force_login(user("translator.en"))
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment_id]),
        "value=A+room+in+an+older+person%27s+home.",
        content_type="application/x-www-form-urlencoded",
    )
    client.force_login(user("moderator.espana"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})

    published = StandardPage.objects.get(pk=target.pk)
    assert published.live and published.intro == "A room in an older person's home."
    assert client.get(published.url).status_code == 200
