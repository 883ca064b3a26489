"""Background tasks of the documents app (django-q2). Each is idempotent: run twice, it acts once."""

from .conventions.services import convention_render


def render_convention(pairing_id: int) -> str:
    """Render the pairing's convention; a second run finds it rendered and returns its reference."""
    return convention_render(pairing_id=pairing_id).reference
