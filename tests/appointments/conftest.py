"""Files, a pairing and their advisor, for the appointment tests; and a way to read the invitations sent."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from icalendar import Calendar

from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.pairings.conftest import approved
from tests.workflow.factories import (
    ApplicationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    set_state,
)

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def territory():
    return TerritoryFactory(department=True)


@pytest.fixture
def advisor(territory):
    association = association_covering(territory)
    association.email = "contact@association.example"
    association.save()
    return StaffMembershipFactory(organisation=association, user__first_name="Claire", user__last_name="Martin").user


@pytest.fixture
def other_advisor():
    elsewhere = TerritoryFactory(department=True)
    return StaffMembershipFactory(organisation=association_covering(elsewhere)).user


@pytest.fixture
def host_file(territory):
    application = ApplicationFactory(territory=territory, country=territory.country, host=True, language="fr")
    return set_state(application, "in_review")


@pytest.fixture
def guest_file(territory):
    return set_state(ApplicationFactory(territory=territory, country=territory.country), "in_review")


@pytest.fixture
def pairing(territory, advisor):
    pairing = pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    return pairing_act(pairing_id=pairing.pk, action="schedule_meeting", by=advisor)


@pytest.fixture
def tomorrow_afternoon(clock) -> datetime:
    """Tomorrow at 14:00 in Paris."""
    from django.utils import timezone

    day = timezone.localdate() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, 14, 0, tzinfo=PARIS)


def invitations(kind_subject: str = "") -> list:
    """The emails sent, each with its parsed ``.ics`` (or None), optionally those whose subject holds a text."""
    found = []
    for message in mail.outbox:
        if kind_subject and kind_subject not in message.subject:
            continue
        calendars = [
            Calendar.from_ical(content)
            for name, content, mimetype in message.attachments
            if name.endswith(".ics") and mimetype.startswith("text/calendar")
        ]
        found.append((message, calendars[0] if calendars else None))
    return found


def event_of(calendar):
    return next(iter(calendar.walk("VEVENT")))
