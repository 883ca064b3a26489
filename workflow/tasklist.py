"""What a staff member has to do next, for the back office's home page: read queries only.

Each function answers for one person and is scoped through :mod:`workflow.access`; the pairings
app adds its own lines (proposals, signatures, check-ins, notices) from ``pairings.tasklist``.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from . import access
from .enums import WAITING_FOR_ASSOCIATION_STATES
from .models import Application

#: How many lines a task list shows before pointing to the full list.
LINES = 10


@dataclass(frozen=True)
class WaitingFile:
    application: Application
    days: int


def files_waiting_for_association(user) -> QuerySet[Application]:
    """The files ``user`` vets that wait for their association to act, the longest waiting first."""
    return (
        access.applications_visible_to(user)
        .filter(state__in=WAITING_FOR_ASSOCIATION_STATES, territory__in=access.territories_vetted_by(user))
        .select_related("territory")
        .order_by("state_changed_at", "pk")
    )


def waiting_files(user, limit: int = LINES) -> list[WaitingFile]:
    """The first ``limit`` files waiting for ``user``'s association, each with its whole days of waiting."""
    today = timezone.localdate()
    return [
        WaitingFile(application, (today - timezone.localdate(application.state_changed_at)).days)
        for application in files_waiting_for_association(user)[:limit]
    ]
