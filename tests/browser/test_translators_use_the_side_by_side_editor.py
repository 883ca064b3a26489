"""A translator opens wagtail-localize's editor for a page of their language, sees the Spanish source
beside the English translation, types the translation of one segment and saves it; the country's
moderator publishes the translation from the same editor, and the English page shows it.

Translators do not publish: every page of a country's section goes through that country's
moderators (see tests/translations/test_translators_work_in_their_language_only.py).
"""

import json
import re
import subprocess
import sys

import pytest

from .conftest import ROOT, staff_sign_in

pytestmark = pytest.mark.browser

SOURCE_INTRO = "Una habitación en casa de una persona mayor y compañía cada día."
TRANSLATED_INTRO = "A room in an older person's home, and everyday company."

#: A Spanish page of the Spain section, submitted for translation into English as the
#: communications team does it (Translate, in the page's menu); prints the English page's id.
SET_UP = f"""
import json
import re
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator
from cms_pages.models import CountryPage, StandardPage

section = CountryPage.objects.get(country__code="ES", locale__language_code="es")
page = section.get_children().filter(slug="vivir-con-un-mayor").first()
if page is None:
    page = StandardPage(title="Vivir con una persona mayor", slug="vivir-con-un-mayor", intro={SOURCE_INTRO!r})
    section.add_child(instance=page)
    page.save_revision().publish()
english = Locale.objects.get(language_code="en")
admin = get_user_model().objects.get(username="admin")
TranslationCreator(admin, [english]).create_translations(page.specific)
translated = page.get_translation(english)
print(json.dumps({{"english": translated.pk, "url": translated.get_url()}}))
"""


def english_page(server) -> dict:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SET_UP],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_translator_translates_a_segment_and_the_moderator_publishes_it(site_server, browser, tmp_path):
    english = english_page(site_server)
    editor_url = f"{site_server}/admin/pages/{english['english']}/edit/"
    public_url = f"{site_server}{english['url']}"

    # The English translator, in an English browser.
    translator = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900}).new_page()
    try:
        staff_sign_in(translator, site_server, "translator.en")
        translator.goto(editor_url)
        segment = translator.locator("li").filter(has_text=SOURCE_INTRO).last
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(TRANSLATED_INTRO)
        translator.screenshot(path=tmp_path / "1-translator-types-1280.png", full_page=True)
        segment.get_by_role("button", name="Save").click()
        segment.get_by_text(TRANSLATED_INTRO).wait_for()
        # Side by side: the Spanish source stays above the English translation.
        assert segment.get_by_text(SOURCE_INTRO).is_visible()
        # Translators prepare the translation; the country's moderators publish it.
        assert translator.get_by_role("button", name="Publish in English").count() == 0

        translator.reload()
        translator.get_by_text(TRANSLATED_INTRO).wait_for()
        translator.screenshot(path=tmp_path / "2-translation-saved-1280.png", full_page=True)
        translator.set_viewport_size({"width": 390, "height": 844})
        translator.get_by_text(TRANSLATED_INTRO).scroll_into_view_if_needed()
        translator.screenshot(path=tmp_path / "3-translation-saved-390.png", full_page=True)
        assert translator.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        translator.context.close()

    # Spain's moderator, in a Spanish browser, publishes it from the same editor.
    moderator = browser.new_context(locale="es-ES", viewport={"width": 1280, "height": 900}).new_page()
    try:
        staff_sign_in(moderator, site_server, "moderator.espana")
        moderator.goto(editor_url)
        moderator.get_by_text(TRANSLATED_INTRO).wait_for()
        moderator.screenshot(path=tmp_path / "4-moderator-1280.png", full_page=True)
        with moderator.expect_navigation():
            # wagtail-localize's own words: "Publicar en" + the language's name.
            moderator.get_by_role("button", name=re.compile(r"^Publicar en")).first.click()

        moderator.goto(public_url)
        assert moderator.get_by_text(TRANSLATED_INTRO).is_visible()
        assert moderator.get_by_text(SOURCE_INTRO).count() == 0
        moderator.screenshot(path=tmp_path / "5-published-1280.png", full_page=True)
        moderator.set_viewport_size({"width": 390, "height": 844})
        moderator.screenshot(path=tmp_path / "6-published-390.png", full_page=True)
    finally:
        moderator.context.close()

    for name in ("2-translation-saved-1280.png", "3-translation-saved-390.png", "6-published-390.png"):
        assert (tmp_path / name).stat().st_size > 10_000
