"""The pairing state machine drawn from the code, for docs/architecture.md (kept true by a test)."""

from .models import Pairing


def pairing_state_diagram() -> str:
    transitions = set()
    for t in Pairing().get_all_state_transitions():
        targets = t.target.allowed_states if hasattr(t.target, "allowed_states") else [t.target]
        for target in targets:
            if str(target) != str(t.source):
                transitions.add((str(t.source), str(target), t.name))
    lines = ["stateDiagram-v2", "    [*] --> proposed"]
    lines += [f"    {source} --> {target}: {name}" for source, target, name in sorted(transitions)]
    return "\n".join(lines)
