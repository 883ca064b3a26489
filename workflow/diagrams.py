"""State diagrams drawn from the code, for docs/architecture.md (kept true by a test)."""

from .models import Application


def application_state_diagram() -> str:
    """The application state machine as a Mermaid diagram, one line per transition."""
    transitions = sorted({(str(t.source), str(t.target), t.name) for t in Application().get_all_state_transitions()})
    lines = ["stateDiagram-v2", "    [*] --> draft"]
    lines += [f"    {source} --> {target}: {name}" for source, target, name in transitions]
    return "\n".join(lines)
