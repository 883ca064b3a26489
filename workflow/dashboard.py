"""The back office's home page: files of one's territories counted by kind and state."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component

from . import access
from .enums import ApplicationKind, ApplicationState


def application_counts(user) -> dict:
    """{kind: {state: count}} over the files ``user`` may see (empty for anyone else)."""
    counts = {kind: dict.fromkeys(ApplicationState.values, 0) for kind in ApplicationKind.values}
    rows = access.applications_visible_to(user).values("kind", "state").annotate(n=Count("pk"))
    for row in rows:
        counts[row["kind"]][row["state"]] = row["n"]
    return counts


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
