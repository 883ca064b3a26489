"""An advisor keeps a proposed pairing's page open; the host and the guest accept from elsewhere;
the button of the next step (scheduling the meeting) appears on the open page without a reload."""

import json
import subprocess
import sys
import uuid

import pytest
from django.urls import reverse

from .conftest import ROOT, staff_sign_in

pytestmark = pytest.mark.browser

#: Run in the server's own database: two approved files of Gironde, proposed to each other.
PROPOSE = """
import json
from datetime import date, timedelta
from django.contrib.auth import get_user_model
from pairings.services import pairing_propose
from workflow.models import Application, Territory

tag = {tag!r}
territory = Territory.objects.get(country__code="FR", code="33", level="department")
today = date.today()
answers = {{
    "languages": ["fr"], "evenings_per_week": 3, "contribution": "80", "budget": "120",
    "available_from": today.isoformat(), "start_date": today.isoformat(),
    "end_date": (today + timedelta(days=200)).isoformat(), "pets_ok": True,
    "postcode": "33200", "institution_postcode": "33405",
}}
files = {{}}
for kind, first, born in (("host", "Odile", 1950), ("guest", "Tom", 2004)):
    files[kind] = Application.objects.create(
        kind=kind, country=territory.country, territory=territory, first_name=first, last_name=f"Live{{tag}}",
        email=f"{{kind}}.{{tag}}@example.org", birth_date=date(born, 3, 1), language="fr", answers=answers,
    )
    Application.objects.filter(pk=files[kind].pk).update(state="approved")
    files[kind].refresh_from_db()
advisor = get_user_model().objects.get(username="advisor.gironde")
pairing = pairing_propose(
    host=files["host"], guest=files["guest"], by=advisor, manual_reason="Chosen by the advisor after the interviews."
)
print(json.dumps({{"pairing": pairing.pk}}))
"""

#: Run in the server's own database: both people say yes, as from their spaces.
ACCEPT = """
from pairings.services import pairing_answer
for party in ("host", "guest"):
    pairing_answer(pairing_id={pk}, party=party, accept=True)
"""


def run_on_the_server(server, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=server.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_meeting_button_appears_once_both_accept_without_a_reload(site_server, browser, tmp_path):
    output = run_on_the_server(site_server, PROPOSE.format(tag=uuid.uuid4().hex[:8]))
    pairing_pk = json.loads(output.strip().splitlines()[-1])["pairing"]
    page = browser.new_context(locale="en-GB").new_page()
    staff_sign_in(page, site_server, "advisor.gironde")

    path = reverse("pairings_pairing:inspect", args=[pairing_pk])
    page.goto(f"{site_server}{path}")
    meeting = page.locator("#pairing-next-actions button[name=action][value=schedule_meeting]")
    assert meeting.count() == 0
    assert page.locator("#pairing-next-actions").get_attribute("data-live") == "5"
    # A mark that a reload or a navigation would wipe out.
    page.evaluate("window.stillTheSamePage = true")

    run_on_the_server(site_server, ACCEPT.format(pk=pairing_pk))

    meeting.wait_for(state="visible", timeout=30_000)
    assert page.evaluate("window.stillTheSamePage === true")
    assert page.url == f"{site_server}{path}"
    assert page.locator("#pairing-next-actions input[name=expected_state]").get_attribute("value") == "accepted"
    assert page.locator(".live-sections-announcer").inner_text().strip()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"pairing-next-action-{width}.png", full_page=True)
    page.context.close()
