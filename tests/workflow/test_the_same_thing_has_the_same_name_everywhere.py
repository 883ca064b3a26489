"""One name per thing: each action's button says a verb, and the file then shows the state that
verb announces ("Approve" → "Approved", never "Accepted"); the audit trail and the applicant's
space say what happened in the same words, in English as in French."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from workflow.admin_views import ACTION_LABELS
from workflow.audit_views import event_in_words
from workflow.enums import ACTION_RESULTS
from workflow.models import Application
from workflow.services import STAFF_ACTIONS
from workflow.space import HAPPENED

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state

#: For each action: the button, the state it leads to, the audit trail's sentence, and the line of
#: the applicant's timeline, as a reader of each language should find them.
SAME_WORDS = {
    "en": {
        "start_review": (
            "Start the review",
            "In review",
            "started the review of the file",
            "An advisor started reviewing your file",
        ),
        "schedule_interview": (
            "Schedule an interview",
            "Interview scheduled",
            "scheduled an interview",
            "Your advisor arranged to meet you",
        ),
        "record_home_visit": (
            "Record the home visit",
            "Home visit done",
            "recorded the home visit",
            "Your advisor visited you at home",
        ),
        "approve": ("Approve", "Approved", "approved the file", "Your application was approved"),
        "reject": ("Reject", "Rejected", "rejected the file", "Your application was rejected"),
        "send_back": (
            "Send back for completion",
            "Sent back for completion",
            "sent the file back for completion",
            "Your advisor asked you to complete your file",
        ),
        "archive": ("Archive", "Archived", "archived the file", "Your file was archived"),
    },
    "fr": {
        "start_review": (
            "Commencer l'examen",
            "En cours d'examen",
            "a commencé l'examen du dossier",
            "Un conseiller a commencé l'examen de votre dossier",
        ),
        "schedule_interview": (
            "Prévoir un entretien",
            "Entretien prévu",
            "a prévu un entretien",
            "Votre conseiller a prévu de vous rencontrer",
        ),
        "record_home_visit": (
            "Noter la visite à domicile",
            "Visite à domicile effectuée",
            "a noté la visite à domicile",
            "Votre conseiller vous a rendu visite à domicile",
        ),
        "approve": ("Approuver", "Approuvé", "a approuvé le dossier", "Votre dossier a été approuvé"),
        "reject": ("Refuser", "Refusé", "a refusé le dossier", "Votre dossier a été refusé"),
        "send_back": (
            "Renvoyer pour complément",
            "Renvoyé pour complément",
            "a renvoyé le dossier pour complément",
            "Votre conseiller vous a demandé de compléter votre dossier",
        ),
        "archive": ("Archiver", "Archivé", "a archivé le dossier", "Votre dossier a été archivé"),
    },
}


def test_every_staff_action_has_a_button_and_a_resulting_state():
    assert set(ACTION_LABELS) == set(STAFF_ACTIONS)
    assert set(ACTION_RESULTS) == set(STAFF_ACTIONS)
    assert set(SAME_WORDS["en"]) == set(STAFF_ACTIONS)


@pytest.mark.parametrize("action", sorted(STAFF_ACTIONS))
def test_the_resulting_state_is_the_one_the_file_reaches(action):
    transitions = getattr(Application, action)._django_fsm.transitions.values()

    assert {transition.target for transition in transitions} == {ACTION_RESULTS[action]}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("action", sorted(STAFF_ACTIONS))
def test_the_button_the_state_the_audit_trail_and_the_space_say_the_same_thing(action, language):
    button, state, audit_sentence, timeline_line = SAME_WORDS[language][action]
    result = ACTION_RESULTS[action]

    with translation.override(language):
        assert str(ACTION_LABELS[action]) == button
        assert str(result.label) == state
        assert event_in_words(STAFF_ACTIONS[action]) == audit_sentence
        assert str(HAPPENED[result]) == timeline_line


def test_no_word_of_the_vetting_says_accepted_for_approved():
    with translation.override("fr"):
        words = [str(label) for label in ACTION_LABELS.values()]
        words += [str(state.label) for state in ACTION_RESULTS.values()]
        words += [event_in_words(dotted) for dotted in STAFF_ACTIONS.values()]
        words += [str(line) for line in HAPPENED.values()]

    assert not [word for word in words if "accept" in word.lower()]


def test_after_an_action_the_file_page_says_the_state_it_reached(client):
    application = set_state(ApplicationFactory(), "interview_scheduled")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory), role="advisor").user
    client.force_login(advisor)

    page = client.get(reverse("workflow_application:inspect", args=[application.pk])).content.decode()
    response = client.post(
        reverse("workflow_application:act", args=[application.pk]),
        {"action": "approve", "expected_state": "interview_scheduled"},
    )

    assert ">Approuver</button>" in page
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["C'est fait. État du dossier : Approuvé."]


def test_the_audit_trail_shows_a_change_of_state_by_the_states_names():
    from workflow.audit_views import details_in_words

    with translation.override("fr"):
        assert details_in_words({"from": "home_visit_done", "to": "approved"}) == (
            "Visite à domicile effectuée → Approuvé"
        )
