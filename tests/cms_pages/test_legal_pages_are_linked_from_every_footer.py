"""The privacy notice, legal notice, accessibility and cookie statements exist in every language.

Every page's footer links the four in its language; the application forms reach the privacy
notice through the ``privacy_url`` template tag.
"""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from cms_pages.models import LegalPage, LegalPageKind

LANGUAGES = ["fr", "en", "es", "it", "de", "pt"]


def footer_links(html: str) -> list[str]:
    footer = html.split('<nav class="legal-links"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="([^"]+)"', footer)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_home_footer_links_the_four_notices_in_its_language(client, demo, language):
    links = footer_links(client.get(f"/{language}/").content.decode())

    assert len(links) == 4
    for link in links:
        assert link.startswith(f"/{language}/")
        assert client.get(link).status_code == 200


def test_a_deep_page_footer_links_them_too(client, demo):
    links = footer_links(client.get("/es/espana/acoger/").content.decode())

    assert "/es/proteccion-de-datos/" in links


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_one_page_of_each_kind(demo, language):
    kinds = sorted(LegalPage.objects.live().filter(locale__language_code=language).values_list("kind", flat=True))

    assert kinds == sorted(LegalPageKind.values)


def test_the_privacy_notice_names_the_controller_the_dpo_and_the_authority(client, demo):
    html = client.get("/fr/donnees-personnelles/").content.decode()

    for words in ("responsable du traitement", "dpo@cnav.example", "CNIL", "6.1.e", "anonymisé deux ans", "rectifi"):
        assert words in html


def test_the_legal_pages_are_translations_of_one_another(demo):
    privacy = LegalPage.objects.get(kind=LegalPageKind.PRIVACY, locale__language_code="fr")

    assert privacy.get_translations().live().count() == 5


def test_the_privacy_url_tag_gives_the_notice_in_the_active_language(demo):
    request = RequestFactory().get("/")
    template = Template("{% load weshare_site %}{% privacy_url as url %}[{{ url }}]")

    with translation.override("es"):
        assert template.render(Context({"request": request})) == "[/es/proteccion-de-datos/]"
    with translation.override("de"):
        assert template.render(Context({"request": request})) == "[/de/datenschutz/]"


def test_the_privacy_url_falls_back_on_the_default_language(demo):
    LegalPage.objects.get(kind=LegalPageKind.PRIVACY, locale__language_code="it").unpublish()
    template = Template("{% load weshare_site %}{% privacy_url %}")

    with translation.override("it"):
        assert template.render(Context({})) == "/fr/donnees-personnelles/"
