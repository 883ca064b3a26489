"""Each country sets its checklist, extra questions and required documents; a file keeps the rules it was sent under."""

import pytest
from django.urls import reverse

from workflow.applicants import application_export
from workflow.exceptions import ActionNotPermitted, TransitionRefused
from workflow.forms import HostLifeForm, extra_questions_for
from workflow.models import ApplicationRules, ChecklistItem, ExtraQuestion
from workflow.services import application_add_note, application_applicant_act, application_tick

from .factories import ApplicationFactory, OrganisationFactory, StaffMembershipFactory, association_covering, set_state


@pytest.fixture
def rules_and_file():
    application = ApplicationFactory()
    rules = ApplicationRules.objects.create(country=application.country, kind="guest", required_documents=["identity"])
    ChecklistItem.objects.create(rules=rules, label="Identité vérifiée", sort_order=0)
    ChecklistItem.objects.create(rules=rules, label="Références contactées", sort_order=1)
    ExtraQuestion.objects.create(rules=rules, label="Avez-vous le permis de conduire ?", required=True)
    return rules, application


def test_a_sent_file_keeps_the_rules_it_was_sent_under(rules_and_file):
    rules, application = rules_and_file
    application = application_applicant_act(application_id=application.pk, action="submit")

    rules.required_documents = ["identity", "criminal_record"]
    rules.save()
    ChecklistItem.objects.create(rules=rules, label="Nouvelle vérification", sort_order=2)

    application.refresh_from_db()
    assert application.missing_documents() == ["identity"]
    assert application.rules_snapshot["checklist"] == ["Identité vérifiée", "Références contactées"]
    assert ApplicationFactory(country=application.country, territory=application.territory).missing_documents() == [
        "identity",
        "criminal_record",
    ]


def test_the_countrys_extra_questions_are_asked_on_the_last_step(rules_and_file):
    rules, application = rules_and_file
    questions = extra_questions_for(application.country, "guest")

    form = HostLifeForm({}, country=application.country, kind="guest", extra_questions=questions)

    field_name = f"extra_{questions[0].pk}"
    assert form.fields[field_name].label == "Avez-vous le permis de conduire ?"
    assert not form.is_valid()
    assert field_name in form.errors


def test_an_advisor_ticks_the_checklist_with_a_note(rules_and_file):
    rules, application = rules_and_file
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user

    application_tick(application_id=application.pk, item="Identité vérifiée", by=advisor, note="Passeport vu")
    application_tick(application_id=application.pk, item="Identité vérifiée", by=advisor)

    (tick,) = application.checklist_ticks.all()
    assert (tick.done_by, tick.note) == (advisor, "Passeport vu")
    with pytest.raises(TransitionRefused):
        application_tick(application_id=application.pk, item="Pas sur la liste", by=advisor)


def test_a_pension_officer_sees_but_neither_ticks_nor_writes_notes():
    office = OrganisationFactory(pension_office=True)
    application = ApplicationFactory()
    application.territory.pension_office = office
    application.territory.save()
    officer = StaffMembershipFactory(organisation=office, role="pension_officer").user

    with pytest.raises(ActionNotPermitted):
        application_add_note(application_id=application.pk, by=officer, text="Vu")


def test_private_notes_are_never_shown_to_the_applicant(rules_and_file):
    _rules, application = rules_and_file
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user

    application_add_note(application_id=application.pk, by=advisor, text="Entretien : très motivée, parle peu.")

    assert "très motivée" not in str(application_export(application))


def test_the_file_page_shows_the_checklist_and_notes_and_records_them(client, rules_and_file):
    _rules, application = rules_and_file
    set_state(application, "in_review")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    client.force_login(advisor)

    client.post(reverse("workflow_application:tick", args=[application.pk]), {"item": "Références contactées"})
    client.post(reverse("workflow_application:note", args=[application.pk]), {"text": "Visite prévue mardi."})
    page = client.get(reverse("workflow_application:inspect", args=[application.pk])).content.decode()

    assert "Références contactées" in page and "Visite prévue mardi." in page
    assert application.checklist_ticks.count() == 1


def test_an_empty_note_is_refused_with_a_message(client, rules_and_file):
    _rules, application = rules_and_file
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    client.force_login(advisor)

    response = client.post(reverse("workflow_application:note", args=[application.pk]), {"text": "  "})

    assert response.status_code == 400
    assert not application.staff_notes.exists()
