"""An advisor has a file open while its applicant sends it: the file's state and the button of the
next action appear on the page without a reload, and the comment being written stays."""

import subprocess
import sys

import pytest

from .conftest import ROOT, staff_sign_in

pytestmark = pytest.mark.browser

A_CONFIRMED_DRAFT_IN_GIRONDE = """
from workflow.models import Territory
from tests.workflow.factories import ApplicationFactory
territory = Territory.objects.filter(associations__memberships__user__username="advisor.gironde").first()
print(ApplicationFactory(territory=territory).pk)
"""

THE_APPLICANT_SENDS_IT = """
from workflow.services import application_applicant_act
application_applicant_act(application_id={pk}, action="submit")
"""


def on_the_server(site_server, code: str) -> str:
    """Run Python in the server's project, on its database, as a background change would."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=site_server.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def test_the_advisor_sees_the_next_action_appear_when_the_applicant_sends_the_file(site_server, browser_page, tmp_path):
    page = browser_page
    pk = on_the_server(site_server, A_CONFIRMED_DRAFT_IN_GIRONDE)
    staff_sign_in(page, site_server, "advisor.gironde")
    page.goto(f"{site_server}/admin/application/inspect/{pk}/")
    assert "Brouillon" in page.locator("#file-state").inner_text()
    assert "Aucune action" in page.locator("#next-actions").inner_text()
    page.fill("#id_comment", "Appeler mardi matin")
    page.locator("#id_comment").blur()
    # Marks this very page: a reload or a navigation would lose it.
    page.evaluate("window.stillTheSamePage = true")

    on_the_server(site_server, THE_APPLICANT_SENDS_IT.format(pk=pk))

    button = page.locator("#next-actions button[value=start_review]")
    button.wait_for(timeout=20_000)
    assert button.inner_text() == "Commencer l'examen"
    assert "Déposé" in page.locator("#file-state").inner_text()
    assert page.evaluate("window.stillTheSamePage") is True
    assert page.input_value("#id_comment") == "Appeler mardi matin"
    assert page.locator("#next-actions input[name=expected_state]").get_attribute("value") == "submitted"
    announced = page.locator("#next-actions").get_attribute("data-live-message")
    assert page.locator(".live-sections-announcer").text_content() == announced
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"file-live-{width}.png", full_page=True)

    button.click()
    page.wait_for_load_state()
    assert "En cours d'examen" in page.locator("#file-state").inner_text()
