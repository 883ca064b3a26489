"""axe-core finds no serious or critical accessibility violation (WCAG 2.1 AA) on the public pages."""

import json
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def first_page_path(server: str, page_type: str, language: str) -> str:
    """The path of the first published page of a type in a language, asked of the headless API."""
    url = f"{server}/api/v2/pages/?type={page_type}&locale={language}&fields=_,html_url"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback test server.
        items = json.load(response)["items"]
    assert items, f"no {page_type} in {language}"
    return "/" + items[0]["meta"]["html_url"].split("/", 3)[3]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_content_and_article_pages_have_no_serious_violation(site_server, browser_page, language):
    paths = [f"/{language}/"]
    for page_type in ("cms_pages.StandardPage", "cms_pages.NewsArticlePage"):
        paths.append(first_page_path(site_server, page_type, language))

    for path in paths:
        browser_page.goto(f"{site_server}{path}")
        assert serious_violations(browser_page) == [], path


def test_the_contact_form_with_errors_has_no_serious_violation(site_server, browser_page):
    browser_page.goto(f"{site_server}{first_page_path(site_server, 'cms_pages.ContactPage', 'fr')}")
    browser_page.get_by_role("button", name="Envoyer").click()
    browser_page.wait_for_selector(".error")

    assert serious_violations(browser_page) == []


def test_the_application_form_with_errors_has_no_serious_violation(site_server, browser_page):
    browser_page.goto(f"{site_server}{first_page_path(site_server, 'cms_pages.ApplicationFormPage', 'es')}")
    assert serious_violations(browser_page) == []

    browser_page.locator("main button[type=submit]").click()
    browser_page.wait_for_selector(".error")

    assert serious_violations(browser_page) == []
