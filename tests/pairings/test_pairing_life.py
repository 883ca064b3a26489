"""A pairing goes from proposal to signing through permission-checked, recorded transitions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from pairings.exceptions import AlreadyPaired, PairingNotFound, PairingRefused
from pairings.models import Pairing
from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.workflow.factories import (
    ApplicationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    set_state,
)
from workflow.exceptions import ActionNotPermitted, ReasonRequired, TransitionRefused

from .conftest import rendered_convention


def answers_from_today() -> dict:
    today = timezone.localdate()
    return {
        "languages": ["fr"],
        "evenings_per_week": 3,
        "contribution": "80",
        "budget": "120",
        "available_from": today.isoformat(),
        "start_date": (today + timedelta(days=5)).isoformat(),
        "end_date": (today + timedelta(days=300)).isoformat(),
        "pets_ok": True,
    }


@pytest.fixture
def territory():
    return TerritoryFactory(department=True)


@pytest.fixture
def advisor(territory):
    return StaffMembershipFactory(organisation=association_covering(territory)).user


def approved(kind, territory, **answers):
    extra = {"host": True} if kind == "host" else {}
    return set_state(
        ApplicationFactory(
            territory=territory, country=territory.country, answers={**answers_from_today(), **answers}, **extra
        ),
        "approved",
    )


def propose(territory, advisor, **kwargs):
    return pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor, **kwargs)


def test_an_advisor_proposes_a_pair_and_both_people_are_told(territory, advisor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pairing = propose(territory, advisor)

    assert pairing.state == "proposed"
    assert pairing.transitions.get().action == "pairing.proposed"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([pairing.host.email, pairing.guest.email])


def test_a_person_already_in_a_live_pairing_cannot_be_proposed_again(territory, advisor):
    pairing = propose(territory, advisor)

    with pytest.raises(AlreadyPaired):
        pairing_propose(host=approved("host", territory), guest=pairing.guest, by=advisor)
    assert Pairing.objects.count() == 1


def test_a_pair_breaking_a_rule_or_unapproved_is_refused(territory, advisor):
    with pytest.raises(PairingRefused):
        pairing_propose(
            host=approved("host", territory, contribution="150"),
            guest=approved("guest", territory, budget="90"),
            by=advisor,
        )
    with pytest.raises(PairingRefused):
        pairing_propose(
            host=set_state(ApplicationFactory(host=True, territory=territory, country=territory.country), "in_review"),
            guest=approved("guest", territory),
            by=advisor,
        )


def test_a_manual_pairing_outside_the_suggestions_needs_its_reason(territory, advisor, monkeypatch):
    monkeypatch.setattr("pairings.selectors.SUGGESTIONS_SHOWN", 1)
    host = approved("host", territory, evenings_per_week=1)
    approved("guest", territory, evenings_per_week=1)
    outside = approved("guest", territory, evenings_per_week=5)
    with pytest.raises(ReasonRequired):
        pairing_propose(host=host, guest=outside, by=advisor)

    pairing = pairing_propose(
        host=host, guest=outside, by=advisor, manual_reason="Ils se connaissent déjà par le club de lecture."
    )

    assert pairing.manual_reason.startswith("Ils se connaissent")
    assert pairing.score is not None


def test_the_proposal_is_accepted_once_both_have_said_yes(territory, advisor):
    pairing = propose(territory, advisor)

    pairing = pairing_answer(pairing_id=pairing.pk, party="guest", accept=True)
    assert pairing.state == "proposed"
    pairing = pairing_answer(pairing_id=pairing.pk, party="host", accept=True)

    assert pairing.state == "accepted"
    assert [t.action for t in pairing.transitions.all()] == [
        "pairing.proposed",
        "pairing.accepted_by_one",
        "pairing.accepted",
    ]


def test_declining_needs_a_reason_and_frees_both_people(territory, advisor):
    pairing = propose(territory, advisor)
    with pytest.raises(ReasonRequired):
        pairing_answer(pairing_id=pairing.pk, party="host", accept=False)

    pairing = pairing_answer(pairing_id=pairing.pk, party="host", accept=False, reason="Horaires incompatibles")

    assert (pairing.state, pairing.declined_by) == ("declined", "host")
    again = pairing_propose(host=pairing.host, guest=approved("guest", territory), by=advisor)
    assert again.state == "proposed"


def test_the_advisor_leads_the_pair_from_meeting_to_signing(territory, advisor, today):
    pairing = propose(territory, advisor)
    pairing_answer(pairing_id=pairing.pk, party="guest", accept=True)
    pairing_answer(pairing_id=pairing.pk, party="host", accept=True)

    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        pairing = pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
    with pytest.raises(TransitionRefused):  # the convention is not rendered yet
        pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)
    rendered_convention(pairing)
    pairing = pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)

    assert pairing.state == "signing"
    assert pairing.trial_ends_on == today + timedelta(days=territory.country.trial_period_days)
    with pytest.raises(TransitionRefused):
        pairing_act(pairing_id=pairing.pk, action="start_trial", by=advisor)


def test_cancelling_needs_a_reason(territory, advisor):
    pairing = propose(territory, advisor)

    with pytest.raises(ReasonRequired):
        pairing_act(pairing_id=pairing.pk, action="cancel", by=advisor)
    pairing = pairing_act(pairing_id=pairing.pk, action="cancel", by=advisor, comment="Le jeune a trouvé ailleurs")

    assert pairing.state == "cancelled"


def test_advisors_of_other_territories_and_pension_officers_cannot_act(territory, advisor):
    pairing = propose(territory, advisor)
    stranger = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    national = StaffMembershipFactory(
        organisation__kind="national_body", organisation__country=territory.country, role="national_officer"
    ).user

    with pytest.raises(PairingNotFound):
        pairing_act(pairing_id=pairing.pk, action="cancel", by=stranger, comment="x")
    with pytest.raises(ActionNotPermitted):
        pairing_act(pairing_id=pairing.pk, action="cancel", by=national, comment="x")


def test_the_notification_task_run_twice_emails_once(territory, advisor, django_capture_on_commit_callbacks):
    from workflow.models import Notification
    from workflow.tasks import deliver_notification

    with django_capture_on_commit_callbacks(execute=True):
        propose(territory, advisor)
    emails = Notification.objects.filter(kind="pairing.changed", channel="email")

    assert [deliver_notification(n.pk) for n in emails] == ["already sent", "already sent"]
    assert len(mail.outbox) == 2
