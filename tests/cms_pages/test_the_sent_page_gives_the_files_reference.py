"""Once sent, the applicant reads the file's reference and what happens next."""

import re
from datetime import datetime

import pytest

from workflow.models import ApplicationRules
from workflow.references import application_reference

from ..workflow.factories import ApplicationFactory
from ..workflow.test_applying_online import fill, form_page, guest_steps


@pytest.fixture
def client(committing_client):
    return committing_client


def test_a_reference_names_the_year_and_the_file():
    application = ApplicationFactory()
    application.created_at = datetime(2026, 3, 4, 10, 0)
    application.pk = 42

    assert application_reference(application) == "WS-2026-000042"


def test_the_sent_page_shows_the_reference_and_the_next_steps(client):
    page = form_page("guest", "es")
    fill(client, page, guest_steps())

    response = client.get(page.url + page.reverse_subpage("sent"))

    html = response.content.decode()
    reference = response.context["reference"]
    assert reference.startswith("WS-") and reference in html
    assert "lucia.martin@example.org" in html
    assert "None" not in html


def test_the_delay_promised_is_the_one_advisors_are_reminded_after(client):
    page = form_page("guest", "es")
    fill(client, page, guest_steps())
    sent = page.url + page.reverse_subpage("sent")
    application = client.get(sent).context["application"]
    ApplicationRules.objects.update_or_create(
        country=application.country, kind=application.kind, defaults={"reminder_after_days": 5}
    )

    response = client.get(sent)

    assert response.context["review_days"] == 5
    assert re.search(r"<li>[^<]*\b5\b[^<]*</li>", response.content.decode())
