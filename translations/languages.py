"""Language links of a page: the switcher and the ``hreflang`` alternates."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

#: The name of each language's translator group in the admin, in that language.
TRANSLATOR_GROUP_NAMES = {
    "fr": "Traduction en français",
    "en": "Translation into English",
    "es": "Traducción al español",
    "it": "Traduzione in italiano",
    "de": "Übersetzung ins Deutsche",
    "pt": "Tradução para português",
}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    #: True when the page itself exists in that language, False when the link falls back to
    #: that language's home page (no hreflang alternate is announced for a fallback).
    is_translation: bool


def language_links(*, page: Page, root_page: Page | None, request=None) -> list[LanguageLink]:
    """One link per configured language: the page's live translation, else that language's home.

    Two queries whatever the number of languages.
    """
    current = page.locale.language_code
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale").specific(defer=True)
    }
    homes = {}
    if root_page is not None:
        homes = {
            p.locale.language_code: p
            for p in root_page.get_translations(inclusive=True).live().select_related("locale").specific(defer=True)
        }
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        is_translation = target is not None
        if target is None:
            target = homes.get(code)
        if target is None:
            continue
        url = target.get_url(request)
        if url is None:
            continue
        absolute_url = request.build_absolute_uri(url) if request is not None else target.get_full_url()
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=url,
                absolute_url=absolute_url,
                is_current=code == current,
                is_translation=is_translation,
            )
        )
    return links


def form_language_links(links, *, page_language: str, current: str, path: str, request=None) -> list[LanguageLink]:
    """The switcher of a form that can be filled in any language: a language the page exists in
    leads to that translation, any other to the same step in that language (``?lang=``); the
    page's own language says so too, so that a language remembered for the form is left."""
    by_code = {link.code: link for link in links}
    found = []
    for code, name in settings.LANGUAGES:
        link = by_code.get(code)
        translated = link is not None and link.is_translation and code != page_language
        url = link.url if translated else f"{path}?lang={code}"
        found.append(
            LanguageLink(
                code=code,
                name=name,
                url=url,
                # The alternates announced to search engines are the pages themselves.
                absolute_url=link.absolute_url
                if link is not None and link.is_translation
                else (request.build_absolute_uri(url) if request is not None else url),
                is_current=code == current,
                is_translation=link is not None and link.is_translation,
            )
        )
    return found
