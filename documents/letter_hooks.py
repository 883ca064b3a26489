"""Letters by post in the back office: a day's letters as one PDF, marking letters posted, and the
dashboard panel of the letters waiting too long to be posted."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks

from workflow.dashboard import TaskLine, TaskListPanel, TaskSection

from . import letter_views
from .letters import LATE_AFTER, letters_late, recipient_name

#: Lines shown on the dashboard panel; the rest is counted.
LINES = 10


@hooks.register("register_admin_urls")
def register_letter_batch_urls():
    return [
        path(
            "letters/batch/<int:organisation_id>/<str:day>/letters.pdf",
            letter_views.letter_batch_pdf,
            name="letter_batch_pdf",
        ),
        path("letters/posted/", letter_views.letters_posted, name="letters_posted"),
    ]


def _waiting_for(days: int) -> str:
    return ngettext("waiting for %(days)d day", "waiting for %(days)d days", days) % {"days": days}


def late_letters_panel(user) -> TaskListPanel | None:
    """The letters of ``user``'s associations not posted :data:`LATE_AFTER` after they were ready;
    None when there is none."""
    late = letters_late(user)
    lines = [
        TaskLine(
            label=f"{recipient_name(letter)} — {letter.notification.subject or letter.notification.kind}",
            detail=f"{_waiting_for((timezone.now() - letter.created_at).days)} · {letter.organisation.name}",
            url=reverse("print_queue") + f"#letter-{letter.pk}",
        )
        for letter in late[:LINES]
    ]
    if not lines:
        return None
    total = late.count() if len(lines) == LINES else len(lines)
    section = TaskSection(
        key="letters-late",
        title=str(
            ngettext(
                "Letters waiting to be posted for more than %(days)d day",
                "Letters waiting to be posted for more than %(days)d days",
                LATE_AFTER.days,
            )
            % {"days": LATE_AFTER.days}
        ),
        lines=lines,
        total=total,
        empty="",
        more_url=reverse("print_queue"),
    )
    return TaskListPanel(name="letters-late", heading=_("Letters to post"), sections=[section], order=20)


@hooks.register("construct_homepage_panels")
def add_late_letters_panel(request, panels):
    panel = late_letters_panel(request.user)
    if panel is not None:
        panels.append(panel)
