"""The four parties sign a convention in turn: the guest and the host with a code sent by email, the
association's manager and the pension officer with a code from their authenticator app; the public
verification page then shows four valid signatures and the level reached by the sealed file."""

import base64
import re
import time

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django_otp.oath import TOTP

from pairings.enums import PairingState
from pairings.models import Pairing
from workflow.models import Application

pytestmark = pytest.mark.browser

# Not Monique Lafargue nor Léa Moreau: the pairing journey uses them in the same server database.
HOST = "Jeanne Martin"
GUEST = "Giulia Conti"
# Not advisor.gironde either: the pairing journey signs in with it, and an authenticator app set up
# by one test in the server's database cannot be set up again by the other (its secret is shown once).
MANAGER = "manager.gironde"
OFFICER = "officer.carsat"
ANY_PK = 987654321
CODE_LINE = re.compile(r"^[ \t]+(\d{6})[ \t]*\r?$", re.MULTILINE)


def admin_path_pattern(name):
    """A regular expression for an admin URL whose only argument is a primary key."""
    return re.compile(re.escape(reverse(name, args=[ANY_PK])).replace(str(ANY_PK), r"\d+") + "$")


def admin_prefix(name):
    """The start of an admin URL whose only argument is a primary key, for ``a[href^=…]``."""
    return reverse(name, args=[ANY_PK]).split(str(ANY_PK))[0]


class Authenticator:
    """The authenticator app on a member of staff's phone: six digits every 30 seconds, from a secret."""

    def __init__(self, secret):
        self.secret = secret
        self.last_step = None

    def code(self):
        """A code the server takes: django-otp refuses a code of a time step already used, so wait for the next."""
        while self.last_step is not None and (now := time.time()) // 30 <= self.last_step:
            time.sleep(30 - now % 30 + 0.05)
        totp = TOTP(base64.b32decode(self.secret))
        totp.time = time.time()
        self.last_step = totp.t()
        return f"{totp.token():06d}"


def staff_page(browser, server, username, tmp_path):
    """A member of staff signs in with their password and, the first time, sets up their authenticator
    app, as the back office requires: it shows the secret to type into the app, then takes its code."""
    page = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{server}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(re.compile(re.escape(server + reverse("two_factor")) + r"(verify/)?\?next="))
    # The page's own content only: before the second factor, the admin's icon sprite, fetched into
    # the page by a script, is answered with this same page.
    own = page.locator("body > .wrapper main")
    secret = own.locator("#totp-secret")
    assert secret.count() == 1, f"{username} already has an authenticator app: did another test set it up?"
    phone = Authenticator(secret.inner_text().strip())
    own.locator("input[name=token]").fill(phone.code())
    with page.expect_navigation():
        own.locator("form:has(input[name=token]) button[type=submit]").click()
    assert own.locator("#backup-codes li").count() > 0, messages_of(page)
    page.screenshot(path=tmp_path / f"{username}-backup-codes.png", full_page=True)
    own.locator(f"a[href='{reverse('wagtailadmin_home')}']").click()
    page.wait_for_url(server + reverse("wagtailadmin_home"))
    return page, phone


def shown_value(page, model, field, language):
    """What an admin inspect page shows for a field, found by its label in the admin's language."""
    with translation.override(language):
        label = str(capfirst(model._meta.get_field(field).verbose_name))
    term = page.locator("main dl dt").filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    return term.locator("xpath=following-sibling::dd[1]").inner_text().strip()


def label_of(state, language):
    with translation.override(language):
        return str(state.label)


def email_of(page, server, full_name, language):
    """Staff search the files for a person, opens theirs and reads the address."""
    page.goto(f"{server}/admin/application/?q={full_name.split()[-1]}")
    page.get_by_role("link", name=re.compile(full_name)).first.click()
    page.wait_for_url(admin_path_pattern("workflow_application:inspect"))
    return shown_value(page, Application, "email", language)


def messages_of(page):
    return " | ".join(page.locator(".messages, [role=alert]").all_inner_texts())


def applicant_page(browser, server, email):
    """The applicant asks for a link to their space and follows it, in a browser of their own."""
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(f"{server}/fr/my-application/")
    page.fill("[name=email]", email)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    errors = page.locator("main [role=alert]")
    assert errors.count() == 0, f"the sign-in form refused {email!r}: {errors.all_inner_texts()}"
    messages = server.emails_to(email)
    assert messages, f"no sign-in link was emailed to {email!r}"
    link = re.search(r"https?://\S+/my-application/link/\S+/", messages[-1]).group(0)
    page.goto(link)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/my-application/$"))
    return page


def accept_the_proposal(page, tmp_path, name):
    page.locator("main a[href*='/my-pairing/']").click()
    page.wait_for_url(re.compile(r".*/fr/my-pairing/\d+/$"))
    with page.expect_navigation():
        page.locator("main button[name=answer][value=accept]").click()
    assert page.locator("main .messages[role=status]").count() == 1, page.locator("main").inner_text()
    page.screenshot(path=tmp_path / f"{name}-accepted.png", full_page=True)


def codes_emailed_to(server, email):
    """The signing codes emailed to ``email``, oldest first (each on its own indented line)."""
    return [found.group(1) for message in server.emails_to(email) if (found := CODE_LINE.search(message))]


def applicant_signs(page, server, email, pairing_path, tmp_path, name):
    """From their pairing page, the applicant opens the convention, asks for a code and signs with it."""
    page.goto(f"{server}{pairing_path}")
    page.locator("main a[href*='/conventions/my-convention/']").click()
    page.wait_for_url(re.compile(r".*/fr/conventions/my-convention/\d+/$"))
    convention_url = page.url
    sent_before = len(codes_emailed_to(server, email))
    with page.expect_navigation():
        page.locator("main form:has(input[name=step][value=code]) button[type=submit]").click()
    assert page.url == convention_url, messages_of(page)
    codes = codes_emailed_to(server, email)
    assert len(codes) == sent_before + 1, f"no signing code was emailed to {email!r}"
    page.fill("main input[name=code]", codes[-1])
    page.screenshot(path=tmp_path / f"{name}-code-typed.png", full_page=True)
    with page.expect_navigation() as signed:
        page.locator("main form:has(input[name=step][value=sign]) button[type=submit]").click()
    assert signed.value.ok, f"the signature was answered with {signed.value.status}"
    assert page.url == convention_url, messages_of(page)
    assert page.locator("main input[name=code]").count() == 0, messages_of(page)
    page.screenshot(path=tmp_path / f"{name}-signed.png", full_page=True)


def staff_signs(page, phone, convention_url, tmp_path, name):
    """A member of staff opens the convention and signs with a fresh code from their authenticator app."""
    page.goto(convention_url)
    page.fill("main input[name=code]", phone.code())
    page.screenshot(path=tmp_path / f"{name}-code-typed.png", full_page=True)
    with page.expect_navigation() as signed:
        page.locator("main form:has(input[name=code]) button[type=submit]").click()
    assert signed.value.ok, f"the signature was answered with {signed.value.status}"
    assert page.url == convention_url, messages_of(page)
    assert page.locator("main input[name=code]").count() == 0, messages_of(page)
    page.screenshot(path=tmp_path / f"{name}-signed.png", full_page=True)


def test_the_four_parties_sign_a_convention_in_turn_and_the_verification_page_shows_four_valid_signatures(
    site_server, browser, tmp_path
):
    manager, manager_phone = staff_page(browser, site_server, MANAGER, tmp_path)
    language = manager.locator("html").get_attribute("lang")
    guest_email = email_of(manager, site_server, GUEST, language)
    host_email = email_of(manager, site_server, HOST, language)

    # From the host's file, the manager proposes the guest the suggestions put first.
    manager.locator(f"main a[href^='{admin_prefix('pairings_pairing:suggestions')}']").click()
    manager.wait_for_url(admin_path_pattern("pairings_pairing:suggestions"))
    best = manager.locator("main article.suggestion").first
    assert GUEST in best.locator("h2").inner_text(), manager.locator("main").inner_text()
    with manager.expect_navigation():
        best.locator("form button[type=submit]").click()
    assert admin_path_pattern("pairings_pairing:inspect").search(manager.url), messages_of(manager)
    pairing_url = manager.url
    pairing_path = reverse("applicant_pairing", args=[int(pairing_url.rstrip("/").split("/")[-1])])

    # Both accept from their spaces; the manager moves the pairing on to the signatures.
    guest = applicant_page(browser, site_server, guest_email)
    accept_the_proposal(guest, tmp_path, "1-guest")
    host = applicant_page(browser, site_server, host_email)
    accept_the_proposal(host, tmp_path, "2-host")
    manager.goto(pairing_url)
    actions = manager.locator("main section[aria-labelledby=actions-heading]")
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        with manager.expect_navigation():
            actions.locator(f"button[name=action][value={action}]").click()
        assert manager.url == pairing_url, messages_of(manager)
        assert actions.locator(f"button[name=action][value={action}]").count() == 0, messages_of(manager)
    convention_link = manager.locator(f"main a[href^='{admin_prefix('convention_admin')}']")
    for _attempt in range(20):
        if convention_link.count():
            break
        time.sleep(0.5)
        manager.reload()
    assert convention_link.count() == 1, "the convention was not rendered"
    convention_url = site_server + convention_link.get_attribute("href")
    with manager.expect_navigation():
        actions.locator("button[name=action][value=open_signing]").click()
    assert shown_value(manager, Pairing, "state", language) == label_of(PairingState.SIGNING, language)
    manager.screenshot(path=tmp_path / "3-signing-opened.png", full_page=True)

    # In turn: the host may not sign before the guest.
    host.goto(f"{site_server}{pairing_path}")
    host.locator("main a[href*='/conventions/my-convention/']").click()
    host.wait_for_url(re.compile(r".*/fr/conventions/my-convention/\d+/$"))
    assert host.locator("main input[name=code]").count() == 0, host.locator("main").inner_text()
    applicant_signs(guest, site_server, guest_email, pairing_path, tmp_path, "4-guest")
    applicant_signs(host, site_server, host_email, pairing_path, tmp_path, "5-host")

    staff_signs(manager, manager_phone, convention_url, tmp_path, "6-association")
    officer, officer_phone = staff_page(browser, site_server, OFFICER, tmp_path)
    staff_signs(officer, officer_phone, convention_url, tmp_path, "7-officer")

    # The last signature sealed the convention and made the homesharing active.
    manager.goto(pairing_url)
    assert shown_value(manager, Pairing, "state", language) == label_of(PairingState.ACTIVE, language)
    manager.goto(convention_url)
    verification = manager.locator("main a[href*='/conventions/verify/']").get_attribute("href")

    # Anyone may check the signatures, without signing in.
    visitor = browser.new_context(locale="fr-FR").new_page()
    visitor.goto(f"{site_server}{verification}")
    visitor.screenshot(path=tmp_path / "8-verification.png", full_page=True)
    report = visitor.locator("main #report")
    assert report.locator("tr.signature").count() == 4, report.inner_text()
    assert report.locator("tr.signature.valid").count() == 4, report.inner_text()
    assert "PAdES B-LTA" in report.inner_text()

    for page in (manager, officer, guest, host, visitor):
        page.context.close()
