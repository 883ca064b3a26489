"""A visitor opens the French home page, switches to English and reaches the hosts' page."""

import pytest

pytestmark = pytest.mark.browser


def test_a_visitor_switches_from_french_to_english_and_follows_the_link_to_the_hosts_page(
    site_server, browser_page, tmp_path
):
    page = browser_page
    page.goto(f"{site_server}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.screenshot(path=tmp_path / "1-home-fr.png", full_page=True)

    page.get_by_role("navigation", name="Choisissez votre langue").get_by_role("link", name="English").click()
    page.wait_for_url(f"{site_server}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.screenshot(path=tmp_path / "2-home-en.png", full_page=True)

    # The first call to action of the home page leads to the hosts' page.
    link = page.locator("main aside.cta a.button").first
    title = link.inner_text()
    href = link.get_attribute("href")
    assert href.startswith("/en/")
    link.click()
    page.wait_for_url(f"{site_server}{href}")
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert page.locator("ol.steps > li").count() >= 4
    page.screenshot(path=tmp_path / "3-hosts-en.png", full_page=True)

    for name in ("1-home-fr.png", "2-home-en.png", "3-hosts-en.png"):
        assert (tmp_path / name).stat().st_size > 10_000


def test_the_site_works_on_a_phone_screen(site_server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="en-GB", is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{site_server}/en/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, "no horizontal scrolling on a phone"
        assert page.get_by_role("link", name="Français").is_visible()
        page.screenshot(path=tmp_path / "home-en-phone.png", full_page=True)
    finally:
        context.close()
