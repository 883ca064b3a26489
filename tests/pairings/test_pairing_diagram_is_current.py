"""docs/architecture.md shows the pairing state machine as the code defines it."""

from pathlib import Path

from pairings.diagrams import pairing_state_diagram

DOCS = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def test_the_documented_pairing_states_are_those_of_the_code():
    assert pairing_state_diagram() in DOCS.read_text()
