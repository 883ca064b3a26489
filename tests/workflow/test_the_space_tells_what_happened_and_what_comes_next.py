"""The applicant's space reads as a home: what happened to the file and when, what happens next
and how long it usually takes, who accompanies them, and the answers as they gave them."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from workflow.models import ApplicationRules
from workflow.services import application_act, application_applicant_act
from workflow.space import answers_shown, association_of, timeline, what_next

from .factories import ApplicationFactory, StaffMembershipFactory, UserFactory, association_covering, set_state


@pytest.fixture
def client(committing_client):
    return committing_client


def sign_in(client, application):
    client.post(reverse("applicant_space"), {"email": application.email})
    client.post(re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0))


def test_each_step_of_the_file_is_told_with_its_date(today):
    application = set_state(ApplicationFactory(), "draft")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    application_applicant_act(application_id=application.pk, action="submit")
    application_act(application_id=application.pk, action="start_review", by=advisor)

    with translation.override("en"):
        events = timeline(application)

    assert [event.text for event in events] == [
        "You started your application",
        "You sent your application",
        "An advisor started reviewing your file",
    ]
    assert all(event.on == today for event in events)


def test_a_sent_file_says_an_advisor_reads_it_within_the_countrys_delay():
    application = set_state(ApplicationFactory(), "submitted")
    ApplicationRules.objects.create(country=application.country, kind=application.kind, reminder_after_days=5)

    with translation.override("en"):
        assert what_next(application) == "An advisor of your association reads your file, usually within 5 days."


@pytest.mark.parametrize(
    "state",
    ["draft", "sent_back", "in_review", "interview_scheduled", "home_visit_done", "approved", "rejected", "withdrawn"],
)
def test_every_state_says_what_happens_next(state):
    application = set_state(ApplicationFactory(), state)

    assert what_next(application)


def test_the_association_of_the_region_accompanies_a_department_without_its_own():
    application = ApplicationFactory()
    association = association_covering(application.territory.parent)

    assert association_of(application) == association


def test_answers_are_shown_with_the_forms_labels_and_the_choices_labels():
    application = ApplicationFactory(answers={"programme": "student", "smoker": False, "languages": ["fr", "de"]})

    with translation.override("en"):
        rows = dict(row for section in answers_shown(application) for row in section.rows)

    assert "a student" in rows.values()
    assert "student" not in rows.values()
    assert "No" in rows.values()
    assert "French, German" in rows.values() or "Français, Deutsch" in rows.values()


def test_the_space_shows_the_timeline_the_next_step_and_the_association(client):
    application = set_state(ApplicationFactory(), "submitted")
    association = association_covering(application.territory)
    association.phone = "05 56 00 00 00"
    association.save()
    sign_in(client, application)

    page = client.get(reverse("applicant_space")).content.decode()

    assert "Ce qui va se passer" in page or "What happens next" in page
    assert association.name in page and 'href="tel:0556000000"' in page
    assert "None" not in page


def test_the_space_names_the_advisor_and_the_associations_opening_hours(client):
    application = ApplicationFactory()
    association = association_covering(application.territory)
    association.opening_hours = "Du lundi au vendredi, de 9 h à 17 h"
    association.save()
    advisor = UserFactory(first_name="Claire", last_name="Martin")
    set_state(application, "submitted")
    application.transitions.create(
        action="application.review_started", from_state="submitted", to_state="in_review", user=advisor
    )
    sign_in(client, application)

    page = client.get(reverse("applicant_space")).content.decode()

    assert "Claire Martin" in page
    assert "Du lundi au vendredi, de 9 h à 17 h" in page
