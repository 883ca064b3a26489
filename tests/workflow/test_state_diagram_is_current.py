"""docs/architecture.md shows the application state machine as the code defines it."""

from pathlib import Path

from workflow.diagrams import application_state_diagram

DOCS = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def test_the_documented_application_states_are_those_of_the_code():
    assert application_state_diagram() in DOCS.read_text()
