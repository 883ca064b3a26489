"""An advisor schedules a home visit from a host's file and adds it to their calendar: the page
lists it, and the .ics downloaded is one calendars read, with the date, time and place typed."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from .conftest import staff_sign_in

pytestmark = pytest.mark.browser


def test_an_advisor_schedules_a_home_visit_and_downloads_its_calendar_file(site_server, browser, tmp_path):
    context = browser.new_context(locale="fr-FR", accept_downloads=True, timezone_id="Europe/Paris")
    page = context.new_page()
    staff_sign_in(page, site_server, "advisor.gironde")

    page.goto(f"{site_server}/admin/application/?kind=host")
    page.locator("a[href*='/admin/application/inspect/']", has_text="Lafargue").first.click()
    page.wait_for_url(re.compile(r"/admin/application/inspect/\d+/"))
    section = page.locator("#appointments")
    assert section.is_visible()

    day = datetime.now(ZoneInfo("Europe/Paris")).date() + timedelta(days=3)
    new = section.locator("details.appointment-new")
    if new.get_attribute("open") is None:
        new.locator("summary").click()
    page.select_option("#id_appointment_kind", "home_visit")
    page.fill("#id_appointment_date", day.isoformat())
    page.fill("#id_appointment_start", "10:30")
    page.fill("#id_appointment_end", "11:45")
    page.fill("#id_appointment_place", "12 cours de l'Intendance, 33000 Bordeaux")
    page.fill("#id_appointment_details", "Visite de la chambre proposée.")
    new.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/application/inspect/\d+/"))

    row = page.locator("#appointments li.appointment", has_text="12 cours de l'Intendance").first
    assert row.is_visible()
    assert "10:30" in row.inner_text()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.locator("#appointments").scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / f"home-visit-{width}.png", full_page=True)
    assert "None" not in page.locator("#appointments").inner_text()

    with page.expect_download() as download_info:
        row.locator("a[href$='appointment.ics']").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115 - Playwright owns the file
    event = next(iter(calendar.walk("VEVENT")))
    paris = ZoneInfo("Europe/Paris")
    assert event.decoded("DTSTART") == datetime(day.year, day.month, day.day, 10, 30, tzinfo=paris).astimezone(UTC)
    assert event.decoded("DTEND") == datetime(day.year, day.month, day.day, 11, 45, tzinfo=paris).astimezone(UTC)
    assert str(event["LOCATION"]) == "12 cours de l'Intendance, 33000 Bordeaux"
    assert str(event["UID"]).endswith("@weshare")
    context.close()
