"""A member of staff adds a passkey (a virtual authenticator stands for the fingerprint reader) and
next time passes the second factor with it instead of the app's code."""

import pytest

from .conftest import staff_sign_in

pytestmark = pytest.mark.browser

USERNAME = "moderator.france"  # used by no other browser test


def test_a_staff_member_registers_a_passkey_and_signs_in_with_it(site_server, browser, tmp_path):
    from django.conf import settings

    from .conftest import Server

    # Passkeys are bound to a domain: the same server, reached as localhost.
    server = Server(
        url=site_server.url.replace("127.0.0.1", "localhost"), mail_dir=site_server.mail_dir, env=site_server.env
    )
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    staff_sign_in(page, server, USERNAME)

    page.goto(f"{server}/admin/two-factor/")
    page.locator("#passkey-register-button").click()
    status = page.locator("#passkey-register-status-message")
    status.wait_for()
    page.wait_for_function("document.getElementById('passkey-register-status-message').dataset.statusEnum")
    page.screenshot(path=tmp_path / "1-passkey-registered.png", full_page=True)
    assert status.get_attribute("data-status-enum") == "success", status.inner_text()

    context.clear_cookies()
    page.goto(f"{server}/admin/login/")
    page.fill("input[name=username]", USERNAME)
    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/admin/two-factor/verify/" in url)
    page.locator("#passkey-verification-button").click()
    page.wait_for_url(f"{server}/admin/")
    page.screenshot(path=tmp_path / "2-dashboard.png", full_page=True)
