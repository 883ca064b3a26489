"""An older person uses the site alone: larger text and high contrast that stay from page to
page, targets of at least 24 × 24 CSS px (WCAG 2.2, 2.5.8) on the home page, the form's first
step and the space, nothing scrolling sideways at 200 % zoom, what was typed in the form found
again after leaving it, and their association's phone on every page of their space.

Screenshots at 390 and 1280 px are kept in the test's folder for a person to look at.
"""

import re

import pytest

pytestmark = pytest.mark.browser

HOME = "/fr/"
FORM = "/fr/france/chercher-une-chambre/"
EMAIL = "monique.lafargue@example.org"
WIDTHS = (390, 1280)
#: 1280 px at 200 % zoom: a window 640 CSS px wide, each CSS px drawn by 2 device pixels.
ZOOMED = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}

#: Interactive elements smaller than 24 × 24 CSS px, except links within a sentence (the
#: criterion's inline exception) and what is not shown.
SMALL_TARGETS = """
() => {
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]";
  const small = [];
  for (const element of document.querySelectorAll(selector)) {
    const style = getComputedStyle(element);
    if (element.closest("[hidden]") || style.display === "none" || style.visibility === "hidden") continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.bottom <= 0) continue;
    if (element.closest(".visually-hidden")) continue;
    if (box.width >= 24 && box.height >= 24) continue;
    if (element.tagName === "A" && style.display === "inline") {
      const block = element.parentElement.closest("p, li, dd, td, label, legend, figcaption, blockquote, div");
      const own = element.textContent.trim().length;
      if (block && block.textContent.replace(/\\s+/g, " ").trim().length > own + 2) continue;
    }
    const name = (element.getAttribute("aria-label") || element.textContent || element.name || element.type || "").trim();
    small.push(`${element.tagName.toLowerCase()} "${name.slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return small;
}
"""


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def shoot(page, tmp_path, name):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"{name}-{width}.png", full_page=True)


def sign_in(page, server):
    page.goto(f"{server}{HOME}")
    page.locator("header a.my-application-link").click()
    page.wait_for_url(re.compile(r".*/fr/my-application/$"))
    page.fill("[name=email]", EMAIL)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    link = re.search(r"https?://\S+/my-application/link/\S+/", server.emails_to(EMAIL)[-1]).group(0)
    page.goto(link)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert re.search(r"/my-application/$", page.url), page.locator("main").inner_text()[:500]


def root_font_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_larger_text_and_high_contrast_are_chosen_once_and_kept_on_every_page(site_server, browser, tmp_path):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_server}{HOME}")
    normal = root_font_size(page)
    controls = page.locator("[data-display-controls]")
    assert controls.is_visible()

    controls.locator("[data-display-size='text-larger']").click()
    controls.locator("[data-display-contrast='contrast-high']").click()

    assert root_font_size(page) >= normal * 1.3
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert controls.locator("[data-display-size='text-larger']").get_attribute("aria-pressed") == "true"
    shoot(page, tmp_path, "home-larger-text-high-contrast")

    page.goto(f"{site_server}{FORM}")
    assert page.evaluate("document.documentElement.className") == "text-larger contrast-high"
    assert root_font_size(page) >= normal * 1.3
    served = page.request.get(f"{site_server}/fr/france/")
    assert 'class="text-larger contrast-high"' in served.text(), "the server draws the next page in the choice"
    assert page.locator("[data-display-contrast='contrast-high']").get_attribute("aria-pressed") == "true"
    shoot(page, tmp_path, "form-larger-text-high-contrast")

    page.locator("[data-display-size='']").click()
    page.locator("[data-display-contrast='contrast-high']").click()
    page.reload()
    assert page.evaluate("document.documentElement.className") == ""
    assert root_font_size(page) == normal
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_target_of_the_home_the_forms_first_step_and_the_space_is_at_least_24_px(
    site_server, browser, tmp_path, width
):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    page = context.new_page()
    small = {}
    for name, path in (("home", HOME), ("form", FORM)):
        page.goto(f"{site_server}{path}")
        small[name] = page.evaluate(SMALL_TARGETS)
    page.locator("main button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    small["form-with-problems"] = page.evaluate(SMALL_TARGETS)
    sign_in(page, site_server)
    small["space"] = page.evaluate(SMALL_TARGETS)
    page.screenshot(path=tmp_path / f"space-{width}.png", full_page=True)
    context.close()

    assert small == {name: [] for name in small}


def test_at_200_percent_zoom_nothing_scrolls_sideways(site_server, browser, tmp_path):
    context = browser.new_context(locale="fr-FR", **ZOOMED)
    page = context.new_page()
    for name, path in (("home", HOME), ("form", FORM)):
        page.goto(f"{site_server}{path}")
        assert not scrolls_sideways(page), f"{name} scrolls sideways at 200 %"
        assert page.locator("main button[type=submit], main a").first.is_visible()
        page.screenshot(path=tmp_path / f"{name}-zoom-200.png", full_page=True)
    page.locator("[data-display-size='text-larger']").click()
    assert not scrolls_sideways(page), "the form scrolls sideways at 200 % with the largest text"
    sign_in(page, site_server)
    assert not scrolls_sideways(page), "the space scrolls sideways at 200 %"
    page.screenshot(path=tmp_path / "space-zoom-200.png", full_page=True)
    context.close()


def test_what_was_typed_in_the_form_is_found_again_after_leaving_the_page(site_server, browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_server}{FORM}")
    page.fill("[name=first_name]", "Simone")
    page.fill("[name=last_name]", "Arnaud")
    page.check("[name=consent]")

    page.goto(f"{site_server}{HOME}")
    context.clear_cookies()
    page.goto(f"{site_server}{FORM}")

    assert page.locator("[name=first_name]").input_value() == "Simone"
    assert page.locator("[name=last_name]").input_value() == "Arnaud"
    assert page.locator("[name=consent]").is_checked()
    assert page.locator(".draft-restored[role=status]").is_visible()
    context.close()


def test_the_associations_phone_is_on_every_page_of_the_space(site_server, browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, site_server)
    band = page.locator("aside.association-contact")
    assert band.is_visible()
    text = band.inner_text()
    assert "Téléphone" in text or "Phone" in text

    page.goto(f"{site_server}{HOME}")
    assert page.locator("aside.association-contact").inner_text() == text
    context.close()
