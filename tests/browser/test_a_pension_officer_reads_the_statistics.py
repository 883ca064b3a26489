"""A pension-office officer opens the back office: the dashboard shows the funnel of their
territories, the statistics filter by territory, each chart has the table of its figures beside it,
and the figures shown download as a CSV; the pages read on a phone and on a desktop screen."""

import csv
import io
import re

import pytest

from .conftest import staff_account_like, staff_sign_in

pytestmark = pytest.mark.browser


def shoot(page, path, width: int) -> None:
    """The whole page at ``width``: the admin scrolls inside its own frame, so the window is made
    as tall as what it holds."""
    page.set_viewport_size({"width": width, "height": 900})
    tall = page.evaluate("Math.max(...[...document.querySelectorAll('body *')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": width, "height": min(tall + 40, 8000)})
    page.screenshot(path=path, full_page=True)


def overflowing(page) -> list[str]:
    """What sticks out of the window on the right, outside the boxes that scroll sideways."""
    return page.evaluate(
        """() => [...document.querySelectorAll('main .nice-padding *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(e => !e.closest('.oversight-scroll'))
            .map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 40))"""
    )


def test_a_pension_officer_filters_reads_a_chart_and_downloads_the_figures(site_server, browser, tmp_path):
    page = browser.new_context(locale="en-GB", accept_downloads=True).new_page()
    # An account of its own with the demo officer's roles: the demo's accounts enrol their
    # authenticator app in the tests that need them to.
    staff_sign_in(page, site_server, staff_account_like(site_server, "officer.carsat", "officer.statistics"))

    page.goto(f"{site_server}/admin/")
    panel = page.locator("#oversight-funnel-section")
    assert panel.is_visible()
    assert panel.locator("th", has_text="Started").is_visible()
    for width in (390, 1280):
        shoot(page, tmp_path / f"dashboard-{width}.png", width)
    assert "None" not in page.locator("main").inner_text()

    panel.get_by_role("link", name="All the statistics").click()
    page.wait_for_url(re.compile(r"/admin/statistics/$"))
    territory = page.locator("#id_territory")
    choices = [text.strip() for text in territory.locator("option").all_inner_texts()]
    assert choices[0] == "All my territories" and len(choices) > 1
    gironde = next(choice for choice in choices if choice.startswith("Gironde"))
    territory.select_option(label=gironde)
    page.locator("#statistics-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"territory=\d+"))
    assert page.locator("#id_territory option:checked").inner_text().strip() == gironde

    # The funnel's chart, and beside it the table of the same figures.
    figure = page.locator("figure.oversight-figure").first
    chart = figure.locator("svg[role=img]")
    assert chart.is_visible()
    drawn = chart.text_content()
    lines = figure.locator("table tbody tr")
    assert lines.count() == 8
    figures_shown = {}
    for index in range(lines.count()):
        label = lines.nth(index).locator("th").inner_text().strip()
        value = lines.nth(index).locator("td").inner_text().strip()
        figures_shown[label] = value
        assert label in drawn and value in drawn, (label, value)
    main = page.locator("main").inner_text()
    assert "None" not in main
    assert re.search(r"\b(pension_officer|in_review|sent_review|12m|30d)\b", main) is None

    for width in (390, 1280):
        shoot(page, tmp_path / f"statistics-{width}.png", width)
        assert overflowing(page) == [], width

    # The figures shown, as a CSV file straight away.
    page.set_viewport_size({"width": 1280, "height": 900})
    download_form = page.locator("#statistics-download")
    assert download_form.locator("select[name=format]").input_value() == "csv"
    with page.expect_download() as downloading:
        download_form.locator("button[type=submit]").click()
    download = downloading.value
    assert download.suggested_filename.startswith("weshare-statistics-") and download.suggested_filename.endswith(
        ".csv"
    )
    with open(download.path(), encoding="utf-8-sig") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    assert rows[0] == ["Table", "Line", "Column", "Figure"]
    assert ["Filters", "Territory", "", gironde] in rows
    started = [row for row in rows if row[1] == "Started" and row[2] == "All"]
    assert len(started) == 1 and started[0][3] == figures_shown["Started"]
