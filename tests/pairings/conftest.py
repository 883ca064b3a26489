"""Pairings at every stage of their life, for the tests of this folder."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.workflow.factories import (
    ApplicationFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    set_state,
)

#: How long the pairs of this folder plan to live together.
STAY = timedelta(days=200)


def answers() -> dict:
    """Answers that fit both sides, for a stay starting today (the test's date)."""
    today = timezone.localdate()
    return {
        "languages": ["fr"],
        "evenings_per_week": 3,
        "contribution": "80",
        "budget": "120",
        "available_from": today.isoformat(),
        "start_date": today.isoformat(),
        "end_date": (today + STAY).isoformat(),
        "pets_ok": True,
    }


@pytest.fixture
def end(today):
    """The planned end of the pairs' stay."""
    return today + STAY


@pytest.fixture
def territory():
    territory = TerritoryFactory(department=True)
    office = OrganisationFactory(pension_office=True, country=territory.country)
    territory.parent.pension_office = office
    territory.parent.save()
    return territory


@pytest.fixture
def advisor(territory):
    return StaffMembershipFactory(organisation=association_covering(territory)).user


@pytest.fixture
def officer(territory):
    return StaffMembershipFactory(organisation=territory.parent.pension_office, role="pension_officer").user


def approved(kind, territory):
    extra = {"host": True} if kind == "host" else {}
    application = ApplicationFactory(territory=territory, country=territory.country, answers=answers(), **extra)
    return set_state(application, "approved")


@pytest.fixture
def signing(territory, advisor):
    pairing = pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        pairing = pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
    rendered_convention(pairing)
    return pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)


def rendered_convention(pairing):
    """What the documents app's task does after drafting: the convention, from a template of the country."""
    from documents.conventions.services import convention_render
    from documents.models import ConventionTemplate
    from tests.documents.conftest import make_template

    if not ConventionTemplate.objects.filter(country=pairing.host.country).exists():
        make_template(pairing.host.country, "fr").save()
    return convention_render(pairing_id=pairing.pk)


@pytest.fixture
def active(signing, officer):
    """Signed by the four parties (set up directly: the documents tests sign for real), then activated."""
    from documents.models import Convention

    Convention.objects.filter(pairing=signing).update(state="sealed")
    return pairing_act(pairing_id=signing.pk, action="activate", by=officer)
