"""A French member of staff signs in: every label is in French, every field is drawn so that it can
be seen (the second-factor code field was white on white), and axe-core finds no serious
violation (contrast included) on the sign-in, set-up and second-factor pages, on a computer and
on a phone."""

import pytest

from .conftest import totp_now
from .test_accessibility import serious_violations

pytestmark = pytest.mark.browser

USERNAME = "editor.france"  # used by no other browser test

#: Whether a field stands out from the page: a visible border, or a background unlike its surroundings.
FIELD_IS_DRAWN = """(input) => {
    const style = getComputedStyle(input);
    const border = parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none'
        && style.borderTopColor !== style.backgroundColor;
    let parent = input.parentElement, behind = 'rgba(0, 0, 0, 0)';
    while (parent && behind === 'rgba(0, 0, 0, 0)') { behind = getComputedStyle(parent).backgroundColor; parent = parent.parentElement; }
    const box = input.getBoundingClientRect();
    return box.width >= 100 && box.height >= 30 && (border || style.backgroundColor !== behind);
}"""


def check_the_page(page, tmp_path, name):
    assert serious_violations(page) == [], name
    page.screenshot(path=tmp_path / f"{name}-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    assert serious_violations(page) == [], f"{name} on a phone"
    page.screenshot(path=tmp_path / f"{name}-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_french_editor_reads_french_and_sees_every_field_when_signing_in(site_server, browser, tmp_path):
    from django.conf import settings

    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_server}/admin/login/")
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.get_by_label("Mot de passe").count() == 1
        assert page.get_by_text("Password", exact=True).count() == 0
        check_the_page(page, tmp_path, "1-sign-in")
        page.get_by_label("Nom d’utilisateur").fill(USERNAME)
        page.get_by_label("Mot de passe").fill(settings.DEMO_PASSWORD)
        page.locator("form button[type=submit]").first.click()

        page.wait_for_url(lambda url: "/admin/two-factor/" in url)
        code = page.get_by_label("Code à six chiffres")
        assert code.evaluate(FIELD_IS_DRAWN)
        check_the_page(page, tmp_path, "2-set-up")
        secret = page.locator("#totp-secret").inner_text().strip()
        code.fill(totp_now(secret))
        page.locator("main form button[type=submit]").first.click()
        page.locator("#backup-codes").wait_for()

        context.clear_cookies()
        page.goto(f"{site_server}/admin/login/")
        page.get_by_label("Nom d’utilisateur").fill(USERNAME)
        page.get_by_label("Mot de passe").fill(settings.DEMO_PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(lambda url: "/admin/two-factor/verify/" in url)
        assert page.get_by_role("heading", name="Second facteur").count() == 1
        assert page.get_by_label("Code").evaluate(FIELD_IS_DRAWN)
        check_the_page(page, tmp_path, "3-second-factor")
    finally:
        context.close()

    for name in ("1-sign-in-390.png", "2-set-up-1280.png", "3-second-factor-390.png"):
        assert (tmp_path / name).stat().st_size > 5_000
