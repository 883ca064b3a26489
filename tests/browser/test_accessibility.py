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


def contrast_violations(page) -> list[str]:
    """Text and fields one cannot tell from their background (axe-core's colour-contrast rule)."""
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    return [f"{v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in results.response["violations"]]


def unseen_fields(page) -> list[str]:
    """Inputs drawn white on white: no border and the same background as the page around them."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('main input:not([type=hidden]), main select, main textarea'))
            .filter((field) => field.offsetParent !== null)
            .filter((field) => {
                const style = getComputedStyle(field);
                const border = parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none'
                    && style.borderTopColor !== style.backgroundColor;
                return !border && field.type !== 'checkbox' && field.type !== 'radio';
            })
            .map((field) => field.id || field.name)"""
    )


def test_the_staff_file_page_and_the_audit_search_are_readable_on_a_desktop_and_a_phone(site_server, browser, tmp_path):
    from .conftest import staff_sign_in

    advisor = browser.new_context(locale="fr-FR").new_page()
    staff_sign_in(advisor, site_server, "advisor.gironde")
    advisor.goto(f"{site_server}/admin/application/")
    advisor.locator("a[href*='/admin/application/inspect/']").first.click()
    advisor.locator("#next-actions").wait_for()
    officer = browser.new_context(locale="fr-FR").new_page()
    staff_sign_in(officer, site_server, "officer.cnav")
    officer.goto(f"{site_server}/admin/audit/?person=1")

    for name, page in (("file", advisor), ("audit", officer)):
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=tmp_path / f"{name}-{width}.png", full_page=True)
            assert contrast_violations(page) == [], (name, width)
            assert unseen_fields(page) == [], (name, width)
    assert officer.locator("#id_person").input_value() == "1"
