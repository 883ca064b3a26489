"""An association vets a file through guarded, permission-checked and recorded transitions."""

import pytest
from django.utils import timezone, translation

from workflow.exceptions import (
    ActionNotPermitted,
    ApplicationNotFound,
    ReasonRequired,
    StaleState,
    TransitionRefused,
)
from workflow.models import ApplicationTransitionLog
from workflow.services import application_act, application_applicant_act, available_staff_actions

from .factories import (
    ApplicationFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    set_state,
)


def advisor_for(application):
    return StaffMembershipFactory(organisation=association_covering(application.territory), role="advisor").user


def act(application, action, by, **kwargs):
    return application_act(application_id=application.pk, action=action, by=by, **kwargs)


def test_a_guest_file_goes_from_submission_to_approval_and_every_step_is_recorded():
    application = ApplicationFactory()
    advisor = advisor_for(application)

    application_applicant_act(application_id=application.pk, action="submit")
    for action in ("start_review", "schedule_interview", "approve"):
        application = act(application, action, advisor)

    assert application.state == "approved"
    assert application.decided_at is not None
    log = list(ApplicationTransitionLog.objects.filter(application=application))
    assert [(e.action, e.from_state, e.to_state) for e in log] == [
        ("application.submitted", "draft", "submitted"),
        ("application.review_started", "submitted", "in_review"),
        ("application.interview_scheduled", "in_review", "interview_scheduled"),
        ("application.approved", "interview_scheduled", "approved"),
    ]
    assert log[0].user is None
    assert {e.user for e in log[1:]} == {advisor}
    assert all(e.created_at <= timezone.now() for e in log)


def test_a_host_is_approved_only_after_the_home_visit():
    application = set_state(ApplicationFactory(host=True), "interview_scheduled")
    advisor = advisor_for(application)

    with pytest.raises(TransitionRefused):
        act(application, "approve", advisor)

    act(application, "record_home_visit", advisor)
    assert act(application, "approve", advisor).state == "approved"


def test_a_guest_has_no_home_visit():
    application = set_state(ApplicationFactory(), "interview_scheduled")

    with pytest.raises(TransitionRefused):
        act(application, "record_home_visit", advisor_for(application))


def test_an_applicant_outside_the_countrys_age_rules_cannot_be_approved():
    application = set_state(ApplicationFactory(), "interview_scheduled")
    application.birth_date = application.birth_date.replace(year=application.birth_date.year - 10)  # 32 years old
    application.save()

    with pytest.raises(TransitionRefused):
        act(application, "approve", advisor_for(application))
    application.refresh_from_db()
    assert application.state == "interview_scheduled"


@pytest.mark.parametrize("action", ["reject", "send_back"])
def test_rejecting_or_sending_back_needs_a_reason_the_applicant_will_read(action):
    application = set_state(ApplicationFactory(), "in_review")
    advisor = advisor_for(application)

    with pytest.raises(ReasonRequired):
        act(application, action, advisor, comment="   ")

    application = act(application, action, advisor, comment="Il manque le justificatif d'inscription.")
    assert application.status_reason == "Il manque le justificatif d'inscription."


def test_a_file_sent_back_is_completed_and_submitted_again():
    application = set_state(ApplicationFactory(), "in_review")
    act(application, "send_back", advisor_for(application), comment="Ajoutez votre certificat de scolarité.")

    application = application_applicant_act(application_id=application.pk, action="submit")

    assert application.state == "submitted"
    assert application.status_reason == ""


def test_an_action_not_allowed_from_the_current_state_is_refused_and_changes_nothing():
    application = set_state(ApplicationFactory(), "submitted")

    with pytest.raises(TransitionRefused):
        act(application, "approve", advisor_for(application))

    application.refresh_from_db()
    assert application.state == "submitted"
    assert not ApplicationTransitionLog.objects.filter(application=application).exists()


def test_an_advisor_of_another_territory_does_not_even_find_the_file():
    application = set_state(ApplicationFactory(), "submitted")
    stranger = advisor_for(ApplicationFactory())

    with pytest.raises(ApplicationNotFound):
        act(application, "start_review", stranger)


def test_a_pension_officer_of_the_region_sees_the_file_but_may_not_vet_it():
    office = OrganisationFactory(pension_office=True)
    territory = TerritoryFactory(department=True, country=office.country, pension_office=office)
    application = set_state(ApplicationFactory(territory=territory), "submitted")
    officer = StaffMembershipFactory(organisation=office, role="pension_officer").user

    with pytest.raises(ActionNotPermitted):
        act(application, "start_review", officer)


def test_an_action_on_a_state_the_advisor_did_not_see_is_refused_as_stale():
    application = set_state(ApplicationFactory(), "in_review")
    advisor = advisor_for(application)
    act(application, "schedule_interview", advisor)

    with pytest.raises(StaleState) as refused:
        act(application, "send_back", advisor, comment="Pièce manquante", expected_state="in_review")

    with translation.override("en"):
        assert "nothing was lost" in str(refused.value.message)
    with translation.override("fr"):
        assert "rien n'a été perdu" in str(refused.value.message)


def test_an_unknown_action_is_refused():
    application = set_state(ApplicationFactory(), "submitted")

    with pytest.raises(TransitionRefused):
        act(application, "delete", advisor_for(application))


def test_the_admin_offers_only_the_actions_the_person_may_take_now():
    application = set_state(ApplicationFactory(host=True), "interview_scheduled")
    advisor = advisor_for(application)

    assert set(available_staff_actions(application=application, user=advisor)) == {
        "record_home_visit",
        "reject",
        "send_back",
    }
    officer = StaffMembershipFactory(role="national_officer", organisation__kind="national_body").user
    assert available_staff_actions(application=application, user=officer) == []


def test_an_applicant_withdraws_their_file_with_a_reason():
    application = set_state(ApplicationFactory(), "in_review")

    application = application_applicant_act(application_id=application.pk, action="withdraw", comment="J'ai trouvé")

    assert application.state == "withdrawn"
    assert application.transitions.get().comment == "J'ai trouvé"
