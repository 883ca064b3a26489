"""An applicant finds their space from the header, reads where their file stands, what happens next
and who accompanies them, and is asked to confirm before withdrawing; on a phone and on a desktop."""

import re

import pytest

EMAIL = "monique.lafargue@example.org"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def signed_in(browser, server, viewport):
    page = browser.new_context(locale="fr-FR", viewport=viewport).new_page()
    page.goto(f"{server}/fr/")
    page.locator("header a.my-application-link").click()
    page.wait_for_url(re.compile(r".*/fr/my-application/$"))
    page.fill("[name=email]", EMAIL)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    link = re.search(r"https?://\S+/my-application/link/\S+/", server.emails_to(EMAIL)[-1]).group(0)
    page.goto(link)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/my-application/$"))
    return page


@pytest.mark.parametrize("size", SIZES)
def test_the_space_reads_as_a_home_and_asks_before_withdrawing(site_server, browser, tmp_path, size):
    page = signed_in(browser, site_server, SIZES[size])
    file = page.locator("main section.applicant-file").first

    assert file.locator("ol.timeline li").count() >= 2
    assert file.locator(".next-step p").inner_text().strip()
    assert file.locator("address.association").count() == 1
    assert "None" not in page.locator("main").inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    assert not overflow, "the space scrolls sideways"
    file.locator("details.answers summary").click()
    page.screenshot(path=tmp_path / f"space-{size}.png", full_page=True)

    file.locator("a[href$='/withdraw/']").click()
    page.wait_for_url(re.compile(r".*/my-application/\d+/withdraw/$"))
    assert page.locator("main h1").count() == 1
    assert page.locator("main label[for=reason]").count() == 1
    page.screenshot(path=tmp_path / f"withdraw-{size}.png", full_page=True)
    page.locator("main .form-actions a").click()
    page.wait_for_url(re.compile(r".*/my-application/#application-\d+$"))
    assert "withdraw" not in page.url
    page.context.close()
