"""A member of staff signs in for the first time, sets up an authenticator app (the test reads the
key the page shows and computes the code), keeps the backup codes and reaches the dashboard; next
time, the app's code is asked for after the password."""

import pytest

from .conftest import staff_account_like, totp_now, wait_for_a_fresh_code

pytestmark = pytest.mark.browser


def test_a_staff_member_enrols_an_authenticator_app_and_reaches_the_dashboard(site_server, browser, tmp_path):
    from django.conf import settings

    # A national officer's new account: no other test has enrolled it.
    username = staff_account_like(site_server, "officer.cnav", "officer.cnav.new")
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(f"{site_server}/admin/")
    page.wait_for_url(lambda url: "/admin/login/" in url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.locator("form button[type=submit]").first.click()

    page.wait_for_url(lambda url: "/admin/two-factor/" in url)
    assert page.locator(".qr svg").count() == 1
    secret = page.locator("#totp-secret").inner_text().strip()
    page.screenshot(path=tmp_path / "1-enrol.png", full_page=True)
    page.fill("input[name=token]", "000000")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert page.locator("main [role=alert]").count() >= 1  # a wrong code is refused with a message
    wait_for_a_fresh_code()  # the wrong try is throttled for a second
    page.fill("input[name=token]", totp_now(secret))
    page.locator("main form button[type=submit]").first.click()

    codes = page.locator("#backup-codes li")
    codes.first.wait_for()
    assert codes.count() == 10
    page.screenshot(path=tmp_path / "2-backup-codes.png", full_page=True)
    page.locator("main a.button").first.click()
    page.wait_for_url(f"{site_server}/admin/")
    assert page.locator("main").count() == 1 and "/admin/" in page.url

    # Signed out and back in: the password, then the app's code.
    page.context.clear_cookies()
    page.goto(f"{site_server}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/admin/two-factor/verify/" in url)
    wait_for_a_fresh_code()
    page.fill("input[name=token]", totp_now(secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{site_server}/admin/")
    page.screenshot(path=tmp_path / "3-dashboard.png", full_page=True)
