"""What a staff member has to do next, for the back office's home page: read queries only.

Each function answers for one person and is scoped through :mod:`workflow.access`; the pairings
app adds its own lines (proposals, signatures, check-ins, notices) from ``pairings.tasklist``.
"""

from dataclasses import dataclass
from datetime import timedelta

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


#: The ages the dashboard counts waiting files by, in days: "more than a week", … (the files
#: list's ``waiting`` filter takes the same values).
WAITING_AGES = (7, 14, 30)


def waiting_files_by_state_and_age(user) -> dict[str, dict[int, int]]:
    """{state: {0: all, 7: more than a week, 14: …, 30: …}} of the files waiting for ``user``'s
    association, in one query."""
    from django.db.models import Count, Q

    now = timezone.now()
    ages = {
        f"n{days}": Count("pk", filter=Q(state_changed_at__lte=now - timedelta(days=days))) for days in WAITING_AGES
    }
    rows = files_waiting_for_association(user).order_by().values("state").annotate(n0=Count("pk"), **ages)
    found = {state: dict.fromkeys((0, *WAITING_AGES), 0) for state in WAITING_FOR_ASSOCIATION_STATES}
    for row in rows:
        found[row["state"]] = {days: row[f"n{days}"] for days in (0, *WAITING_AGES)}
    return found
