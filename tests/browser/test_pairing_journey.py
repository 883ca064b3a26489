"""An advisor of Gironde proposes the best suggested guest to an approved host; both accept the
proposal from their own spaces; the advisor then moves the pairing on up to the convention."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from pairings.enums import PairingState
from pairings.models import Pairing
from workflow.models import Application

from .conftest import staff_sign_in

pytestmark = pytest.mark.browser

HOST = "Monique Lafargue"
GUEST = "Léa Moreau"
ANY_PK = 987654321


def sign_in(page, server, username):
    staff_sign_in(page, server, username)


def admin_path_pattern(name):
    """A regular expression for an admin URL whose only argument is a primary key."""
    return re.compile(re.escape(reverse(name, args=[ANY_PK])).replace(str(ANY_PK), r"\d+") + "$")


def open_file(page, server, full_name):
    """The advisor searches the files for a person and opens theirs."""
    page.goto(f"{server}/admin/application/?q={full_name.split()[-1]}")
    page.get_by_role("link", name=re.compile(full_name)).first.click()
    page.wait_for_url(admin_path_pattern("workflow_application:inspect"))


def shown_value(page, model, field, language):
    """What an admin inspect page shows for a field, found by its label in the admin's language."""
    with translation.override(language):
        label = str(capfirst(model._meta.get_field(field).verbose_name))
    term = page.locator("main dl dt").filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    return term.locator("xpath=following-sibling::dd[1]").inner_text().strip()


def label_of(state, language):
    with translation.override(language):
        return str(state.label)


def accept_from_own_space(browser, server, email, tmp_path, name):
    """The applicant asks for a link to their space, follows it and accepts the proposal."""
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
    page.wait_for_url(f"{server}/fr/my-application/")
    page.locator("main a[href*='/my-pairing/']").click()
    page.wait_for_url(re.compile(r".*/fr/my-pairing/\d+/$"))
    page.screenshot(path=tmp_path / f"{name}-proposal.png", full_page=True)
    with page.expect_navigation():
        page.locator("main button[name=answer][value=accept]").click()
    assert re.search(r"/fr/my-pairing/\d+/$", page.url)
    assert page.locator("main .messages[role=status]").count() == 1
    page.screenshot(path=tmp_path / f"{name}-accepted.png", full_page=True)
    page.context.close()


def test_an_advisor_proposes_the_best_guest_to_a_host_both_accept_and_the_pairing_reaches_the_convention(
    site_server, browser, tmp_path
):
    advisor = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    sign_in(advisor, site_server, "advisor.gironde")
    language = advisor.locator("html").get_attribute("lang")

    # The advisor reads each person's address from their file.
    open_file(advisor, site_server, GUEST)
    guest_email = shown_value(advisor, Application, "email", language)
    open_file(advisor, site_server, HOST)
    host_email = shown_value(advisor, Application, "email", language)

    # From the host's file, the suggestions: the best guest comes first.
    suggestions = reverse("pairings_pairing:suggestions", args=[ANY_PK]).split(str(ANY_PK))[0]
    advisor.locator(f"main a[href^='{suggestions}']").click()
    advisor.wait_for_url(admin_path_pattern("pairings_pairing:suggestions"))
    found = advisor.locator("main article.suggestion")
    assert found.count() > 0, advisor.locator("main").inner_text()
    best = found.first
    assert GUEST in best.locator("h2").inner_text()
    advisor.screenshot(path=tmp_path / "1-suggestions.png", full_page=True)
    with advisor.expect_navigation():
        best.locator("form button[type=submit]").click()
    refusal = advisor.locator("main [role=alert]")
    assert refusal.count() == 0, f"the proposal was refused: {refusal.all_inner_texts()}"
    assert admin_path_pattern("pairings_pairing:inspect").search(advisor.url)
    pairing_url = advisor.url
    advisor.screenshot(path=tmp_path / "2-proposed.png", full_page=True)

    accept_from_own_space(browser, site_server, host_email, tmp_path, "3-host")
    accept_from_own_space(browser, site_server, guest_email, tmp_path, "4-guest")

    # Back on the pairing, accepted by both, the advisor moves it on step by step.
    advisor.goto(pairing_url)
    assert shown_value(advisor, Pairing, "state", language) == label_of(PairingState.ACCEPTED, language)
    actions = advisor.locator("main section[aria-labelledby=actions-heading]")
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        with advisor.expect_navigation():
            actions.locator(f"button[name=action][value={action}]").click()
        assert advisor.url == pairing_url
        assert actions.locator(f"button[name=action][value={action}]").count() == 0
    advisor.screenshot(path=tmp_path / "5-convention-drafted.png", full_page=True)

    assert shown_value(advisor, Pairing, "state", language) == label_of(PairingState.CONVENTION_DRAFTED, language)
