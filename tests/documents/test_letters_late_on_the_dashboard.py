"""A letter not posted three days after it was ready is flagged on the dashboard of its
association's staff, and in the print queue; a posted letter, or another association's, is not."""

from datetime import timedelta

from django.urls import reverse

from documents.letters import letters_mark_posted
from tests.workflow.factories import StaffMembershipFactory

from .factories_letters import advisor_of, by_post, letter_for

PANEL = 'id="letters-late-heading"'


def _panel(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index(PANEL) :] if PANEL in page else ""


def test_a_letter_waiting_more_than_three_days_is_flagged_on_the_dashboard(clock, client, private_storage):
    application = by_post(last_name="Durand")
    letter = letter_for(application)
    advisor = advisor_of(application)

    clock.shift(timedelta(days=3) - timedelta(minutes=1))
    before = _panel(client, advisor)
    clock.shift(timedelta(minutes=2))
    after = _panel(client, advisor)
    queue = client.get(reverse("print_queue")).content.decode()

    assert before == ""
    assert "Durand" in after and f"{reverse('print_queue')}#letter-{letter.pk}" in after
    assert letter.organisation.name in after
    row = queue[queue.index(f'id="letter-{letter.pk}"') :]
    assert "w-status" in row[: row.index("</tr>")]


def test_a_posted_letter_is_no_longer_flagged(clock, client, private_storage):
    application = by_post(last_name="Durand")
    letter = letter_for(application)
    advisor = advisor_of(application)
    clock.shift(timedelta(days=4))

    letters_mark_posted(user=advisor, letter_ids=[letter.pk])

    assert _panel(client, advisor) == ""


def test_another_associations_staff_never_see_the_late_letter(clock, client, private_storage):
    application = by_post(last_name="Durand")
    letter_for(application)
    elsewhere = advisor_of(by_post(last_name="Ailleurs"))
    officer = StaffMembershipFactory(
        organisation__kind="national_body", organisation__country=application.country, role="national_officer"
    ).user
    clock.shift(timedelta(days=5))

    assert _panel(client, elsewhere) == ""
    assert _panel(client, officer) == ""
