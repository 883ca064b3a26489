"""On a 390 px phone the menu folds behind a button and the first screen shows the page's heading.

Screenshots at 390 and 1280 px of the Spanish home page and of a how-it-works page are kept in
the test's folder for a person to look at.
"""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PAGES = {"home-es": "/es/", "hosting-es": "/es/espana/acoger/"}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="es-ES", is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_on_a_phone_the_first_screen_shows_the_heading_and_the_menu_is_folded(site_server, phone, tmp_path, name):
    phone.goto(site_server + PAGES[name])

    heading = phone.get_by_role("heading", level=1)
    box = heading.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= PHONE["height"]
    menu = phone.locator("#main-nav")
    assert not menu.is_visible()
    assert not phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    phone.screenshot(path=tmp_path / f"{name}-390.png")
    phone.screenshot(path=tmp_path / f"{name}-390-full.png", full_page=True)


def test_the_menu_button_opens_and_closes_the_menu(site_server, phone, tmp_path):
    phone.goto(site_server + "/es/espana/acoger/")
    button = phone.locator("button.menu-toggle")
    assert button.get_attribute("aria-expanded") == "false"

    button.click()

    assert button.get_attribute("aria-expanded") == "true"
    assert phone.locator("#main-nav").is_visible()
    phone.screenshot(path=tmp_path / "menu-open-390.png")
    phone.locator("#main-nav a", has_text="Busco una habitación").first.click()
    phone.wait_for_url("**/buscar-habitacion/")

    phone.go_back()
    phone.locator("button.menu-toggle").click()
    phone.keyboard.press("Escape")
    assert phone.locator("button.menu-toggle").get_attribute("aria-expanded") == "false"


def test_without_scripts_the_menu_stays_open_and_the_button_hidden(site_server, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_server + "/es/")
        assert page.locator("#main-nav").is_visible()
        assert not page.locator("button.menu-toggle").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_on_a_wide_screen_the_menu_shows_and_the_button_does_not(site_server, browser, tmp_path, name):
    context = browser.new_context(viewport=DESKTOP, locale="es-ES")
    page = context.new_page()
    try:
        page.goto(site_server + PAGES[name])
        assert page.locator("#main-nav").is_visible()
        assert not page.locator("button.menu-toggle").is_visible()
        page.screenshot(path=tmp_path / f"{name}-1280.png", full_page=True)
    finally:
        context.close()


def test_a_spanish_visitor_reaches_the_french_programme_and_its_form_from_the_spanish_home(site_server, phone):
    phone.goto(site_server + "/es/")
    card = phone.locator("li.programme", has=phone.locator("a[href='/en/france/']"))
    assert card.is_visible() or card.count() == 1

    card.locator("a.button").first.click()

    # The French programme's form, in the visitor's language (the link says which).
    phone.wait_for_url("**/en/france/offer-a-room/?lang=es")
    assert phone.locator("form input[name='form_key']").count() == 1
    assert phone.locator("html").get_attribute("lang") == "es"
