"""After the signatures the pension office activates the pairing; it ends at its date or after a notice."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import translation

from documents.models import Convention
from pairings.exceptions import PairingNotFound
from pairings.models import Pairing
from pairings.selectors import free_applications
from pairings.services import pairing_act, pairings_close_due
from tests.workflow.factories import OrganisationFactory, StaffMembershipFactory, TerritoryFactory
from workflow.exceptions import ActionNotPermitted, ReasonRequired, TransitionRefused, WorkflowError
from workflow.notifications import PAIRING_SUBJECTS as SUBJECTS


def test_the_pension_office_of_the_region_counter_signs_and_the_pairing_becomes_active(active, today, end):
    assert active.state == "active"
    assert (active.active_since, active.planned_end) == (today, end)
    assert active.transitions.last().action == "pairing.activated"


def test_neither_the_advisor_nor_another_regions_office_may_activate(signing, advisor):
    other_office = OrganisationFactory(pension_office=True, country=signing.host.country)
    stranger = StaffMembershipFactory(organisation=other_office, role="pension_officer").user
    TerritoryFactory(country=signing.host.country, pension_office=other_office)
    Convention.objects.filter(pairing=signing).update(state="sealed")

    with pytest.raises(ActionNotPermitted):
        pairing_act(pairing_id=signing.pk, action="activate", by=advisor)
    with pytest.raises(PairingNotFound):
        pairing_act(pairing_id=signing.pk, action="activate", by=stranger)
    assert Pairing.objects.get(pk=signing.pk).state == "signing"


def test_a_pairing_ends_by_itself_at_its_planned_date_and_frees_both_people(active, end):
    assert pairings_close_due() == []

    with time_machine.travel(end + timedelta(days=1)):
        closed = pairings_close_due()
        again = pairings_close_due()

    pairing = Pairing.objects.get(pk=active.pk)
    assert (closed, again) == ([pairing.pk], [])
    assert (pairing.state, pairing.ended_on) == ("ended", end)
    assert pairing.transitions.filter(action="pairing.ended").count() == 1
    assert pairing.transitions.get(action="pairing.ended").user is None
    assert pairing.host in free_applications(kind="host")
    assert pairing.guest in free_applications(kind="guest")


def test_a_notice_needs_a_reason_and_who_asked(active, advisor):
    with pytest.raises(ReasonRequired):
        pairing_act(pairing_id=active.pk, action="give_notice", by=advisor, requested_by="guest")
    with pytest.raises(WorkflowError):
        pairing_act(pairing_id=active.pk, action="give_notice", by=advisor, comment="Départ", requested_by="")


def test_after_a_notice_the_pairing_terminates_when_the_countrys_notice_runs_out(active, advisor, today):
    notice = active.host.country.notice_period_days
    pairing = pairing_act(
        pairing_id=active.pk,
        action="give_notice",
        by=advisor,
        comment="Stage à l'étranger",
        requested_by="guest",
    )
    assert (pairing.state, pairing.notice_requested_by, pairing.planned_end) == (
        "active",
        "guest",
        today + timedelta(days=notice),
    )
    with pytest.raises(TransitionRefused):
        pairing_act(pairing_id=active.pk, action="give_notice", by=advisor, comment="Encore", requested_by="host")
    with pytest.raises(TransitionRefused):
        pairing_act(pairing_id=active.pk, action="terminate", by=advisor)

    with time_machine.travel(today + timedelta(days=notice)):
        pairings_close_due()

    pairing.refresh_from_db()
    assert (pairing.state, pairing.ended_on, pairing.reason) == (
        "terminated",
        today + timedelta(days=notice),
        "Stage à l'étranger",
    )


def test_a_serious_breach_terminates_the_same_day(active, advisor, today, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pairing = pairing_act(
            pairing_id=active.pk,
            action="give_notice",
            by=advisor,
            comment="Comportement violent",
            requested_by="association",
            immediately=True,
        )

    assert (pairing.state, pairing.ended_on) == ("terminated", today)
    assert [t.action for t in pairing.transitions.all()][-2:] == ["pairing.notice_given", "pairing.terminated"]
    for person in (pairing.host, pairing.guest):
        with translation.override(person.language):
            subject = str(SUBJECTS["pairing.terminated"])
        assert [m for m in mail.outbox if m.to == [person.email] and subject in m.subject]


def test_only_the_pairs_advisors_give_notice(active, officer):
    with pytest.raises(ActionNotPermitted):
        pairing_act(pairing_id=active.pk, action="give_notice", by=officer, comment="x", requested_by="host")
