"""The back office's home page: what is waiting for the staff member, then the files counted.

The task lists come from :mod:`workflow.tasklist` (and ``pairings.tasklist`` for pairings),
scoped through :mod:`workflow.access`; each line links to the page where the work is done.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from laces.components import Component

from . import access, tasklist
from .enums import ApplicationKind, ApplicationState


def application_counts(user) -> dict:
    """{kind: {state: count}} over the files ``user`` may see (empty for anyone else)."""
    counts = {kind: dict.fromkeys(ApplicationState.values, 0) for kind in ApplicationKind.values}
    rows = access.applications_visible_to(user).values("kind", "state").annotate(n=Count("pk"))
    for row in rows:
        counts[row["kind"]][row["state"]] = row["n"]
    return counts


@dataclass(frozen=True)
class TaskLine:
    """One thing to do: what (``label``), how urgent or where it stands (``detail``), where to do it."""

    label: str
    detail: str
    url: str


@dataclass(frozen=True)
class TaskSection:
    """A kind of task: its lines (the most urgent first), how many there are in all, and an empty text."""

    key: str
    title: str
    lines: list[TaskLine]
    total: int
    empty: str
    more_url: str = ""

    @property
    def more(self) -> int:
        return max(self.total - len(self.lines), 0)


class TaskListPanel(Component):
    """A dashboard panel listing a staff member's tasks, section by section.

    Shared by the apps that add tasks (workflow for files, pairings for pairings): each builds its
    sections and this renders them the way Wagtail's own dashboard panels look.
    """

    template_name = "workflow/admin/task_list_panel.html"

    def __init__(self, *, name: str, heading, sections: list[TaskSection], order: int):
        self.name = name
        self.heading = heading
        self.sections = sections
        self.order = order

    def get_context_data(self, parent_context=None):
        return {"panel_id": self.name, "heading": self.heading, "sections": self.sections}


def days_waiting(days: int) -> str:
    if days == 0:
        return str(_("since today"))
    return ngettext("waiting for %(days)s day", "waiting for %(days)s days", days) % {"days": days}


def files_panel(user) -> TaskListPanel | None:
    """The files waiting for ``user``'s association, oldest first; None for who vets no file."""
    if not access.vets_somewhere(user):
        return None
    waiting = tasklist.waiting_files(user)
    lines = [
        TaskLine(
            label=f"{item.application.first_name} {item.application.last_name} — {item.application.get_kind_display()}",
            detail=f"{days_waiting(item.days)} · {item.application.get_state_display()} · "
            f"{item.application.territory.name}",
            url=reverse("workflow_application:inspect", args=[item.application.pk]),
        )
        for item in waiting
    ]
    total = tasklist.files_waiting_for_association(user).count() if len(lines) == tasklist.LINES else len(lines)
    section = TaskSection(
        key="files-waiting",
        title=str(_("Files waiting for your association")),
        lines=lines,
        total=total,
        empty=str(_("No file is waiting for you.")),
        more_url=reverse("workflow_application:index"),
    )
    return TaskListPanel(name="files-to-vet", heading=_("Files to vet"), sections=[section], order=10)


class ApplicationsPanel(Component):
    """Dashboard panel for staff who see files: how many, where in the vetting."""

    name = "applications_by_state"
    order = 50
    template_name = "workflow/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        counts = application_counts(self.user)
        rows = [
            {
                "label": ApplicationState(state).label,
                "url": reverse("workflow_application:index") + f"?state={state}",
                "hosts": counts[ApplicationKind.HOST][state],
                "guests": counts[ApplicationKind.GUEST][state],
            }
            for state in ApplicationState.values
        ]
        return {"rows": rows, "title": _("Applications in your territories")}
