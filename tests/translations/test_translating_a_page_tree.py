"""The communications team translates a whole section from the admin and keeps it in sync."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import String, TranslationSource

from cms_pages.models import CountryPage, FAQPage


def admin_client(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def test_a_section_and_its_pages_are_translated_from_the_admin(client, demo):
    section = CountryPage.objects.get(locale__language_code="es")
    portuguese = Locale.objects.get(language_code="pt")

    response = admin_client(client).post(
        reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
        {"locales": [portuguese.pk], "include_subtree": "on"},
    )

    assert response.status_code == 302
    translated = section.get_translation(portuguese)
    assert translated.get_descendants().count() == section.get_descendants().count()
    assert TranslationSource.objects.filter(object_id=section.translation_key).exists()


def test_a_change_to_the_source_is_carried_to_its_translations(client, demo):
    client = admin_client(client)
    faq = FAQPage.objects.get(locale__language_code="es")
    portuguese = Locale.objects.get(language_code="pt")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[faq.get_parent().pk]),
        {"locales": [portuguese.pk], "include_subtree": "on"},
    )
    faq.title = "Preguntas frecuentes actualizadas"
    faq.save_revision().publish()
    source = TranslationSource.objects.get(object_id=faq.translation_key)

    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})

    assert response.status_code == 302
    assert String.objects.filter(data="Preguntas frecuentes actualizadas").exists()
    source.refresh_from_db()
    assert "Preguntas frecuentes actualizadas" in source.content_json


def test_someone_without_the_translation_right_cannot_submit_translations(client, demo):
    client.force_login(get_user_model().objects.get(username="editor.france"))
    section = CountryPage.objects.get(locale__language_code="fr")

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
        {"locales": [Locale.objects.get(language_code="de").pk]},
    )

    assert response.status_code in (302, 403)
    assert section.get_translation_or_none(Locale.objects.get(language_code="de")) is None
