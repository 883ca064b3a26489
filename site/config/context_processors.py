"""Values every template may need, from the settings."""

from django.conf import settings


def live_refresh(request) -> dict:
    """How often the parts of a page marked ``data-live`` are refreshed, in seconds."""
    return {"live_refresh_seconds": settings.LIVE_REFRESH_SECONDS}
