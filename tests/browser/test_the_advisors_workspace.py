"""An advisor opens the back office: the dashboard lists what waits for them, and a file's page
shows the answers to vet in words; both read on a phone and on a desktop screen."""

import re

import pytest

from .conftest import staff_sign_in

pytestmark = pytest.mark.browser


def test_an_advisor_goes_from_the_task_list_to_a_files_answers(site_server, browser, tmp_path):
    page = browser.new_context(locale="en-GB").new_page()
    staff_sign_in(page, site_server, "advisor.gironde")

    page.goto(f"{site_server}/admin/")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"dashboard-{width}.png", full_page=True)
    panel = page.locator("#files-to-vet-section")
    assert panel.is_visible()
    assert page.locator("#pairings-to-follow-section").is_visible()

    first_file = panel.locator("a[href*='/admin/application/inspect/']").first
    first_file.click()
    page.wait_for_url(re.compile(r"/admin/application/inspect/\d+/"))
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"file-{width}.png", full_page=True)
    answers = page.locator("#answers")
    assert answers.is_visible()
    assert "None" not in page.locator("main").inner_text()
