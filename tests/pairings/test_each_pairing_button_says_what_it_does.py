"""The pairing page's buttons say what the advisor does, never the state a pairing is in: a
button reading "Meeting scheduled" would look like a fact, not an action."""

import pytest
from django.utils import translation

from pairings.admin_views import ACTION_LABELS
from pairings.enums import PairingState
from pairings.models import Pairing


@pytest.mark.parametrize("language", ["en", "fr", "es", "it", "de", "pt"])
def test_no_button_reads_as_a_state(language):
    with translation.override(language):
        states = {str(label) for label in PairingState.labels}
        buttons = {action: str(label) for action, label in ACTION_LABELS.items()}

    assert not {action: label for action, label in buttons.items() if label in states}


def test_every_action_of_the_pairing_has_a_button():
    transitions = {transition.name for transition in Pairing._meta.get_field("state").get_all_transitions(Pairing)}

    assert set(ACTION_LABELS) <= transitions


def test_the_meeting_and_the_convention_are_verbs():
    with translation.override("en"):
        assert str(ACTION_LABELS["schedule_meeting"]) == "Schedule the meeting"
        assert str(ACTION_LABELS["draft_convention"]) == "Draft the convention"
