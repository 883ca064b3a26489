"""A file's page shows the answers to vet step by step, with the form's own questions and the
labels of the choices, never a code or "None"; dates and times read in the staff member's time zone."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from wagtail.users.models import UserProfile

from workflow.models import Application

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state

ANSWERS = {
    "programme": "erasmus",
    "languages": ["fr", "es"],
    "budget": "120",
    "smoker": False,
    "start_date": "2026-09-01",
}


def advisor_of(application, *, time_zone=""):
    user = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.current_time_zone = time_zone
    profile.save()
    return user


def test_the_answers_are_grouped_by_step_in_words(client):
    application = set_state(ApplicationFactory(answers=ANSWERS, phone=""), "in_review")
    client.force_login(advisor_of(application))

    page = client.get(reverse("workflow_application:inspect", args=[application.pk])).content.decode()
    answers = page[page.index('id="answers-heading"') : page.index('id="documents-heading"')]

    for step in ("About you", "Your studies or work", "Living together"):
        assert step in answers
    assert "an Erasmus+ student" in answers and ">erasmus<" not in answers
    assert "Français, Español" in answers
    assert "Monthly budget for charges" in answers and "120.00" in answers
    assert "I smoke</dt>" in answers and ">No<" in answers
    assert "Why do you want to live with a senior?" in answers
    assert "not answered" in answers  # the phone, the motivation
    assert "None" not in re.sub(r"<[^>]*>", " ", page)  # no "None" a reader could see


def test_times_are_shown_in_the_staff_members_time_zone(client):
    application = set_state(ApplicationFactory(), "submitted")
    Application.objects.filter(pk=application.pk).update(
        submitted_at=datetime(2026, 3, 10, 23, 30, tzinfo=ZoneInfo("UTC"))
    )
    client.force_login(advisor_of(application, time_zone="Asia/Tokyo"))

    page = client.get(reverse("workflow_application:inspect", args=[application.pk])).content.decode()

    submitted = page[page.index("<dt>Submitted</dt>") :][:200]
    assert "March 11, 2026, 8:30" in submitted  # 23:30 UTC is the next morning in Tokyo
