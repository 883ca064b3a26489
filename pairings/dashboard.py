"""The pairings' part of the back office's home page: proposals, signatures, check-ins, notices.

Lines come from :mod:`pairings.tasklist` and are drawn by workflow's task-list panel, so that
every task on the dashboard looks the same; each links to the page where the work is done.
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workflow import access
from workflow.dashboard import TaskLine, TaskListPanel, TaskSection, days_waiting
from workflow.tasklist import LINES

from . import tasklist
from .models import Pairing


def _pair(pairing: Pairing) -> str:
    return _("%(host)s and %(guest)s") % {
        "host": f"{pairing.host.first_name} {pairing.host.last_name}",
        "guest": f"{pairing.guest.first_name} {pairing.guest.last_name}",
    }


def _inspect(pairing: Pairing) -> str:
    return reverse("pairings_pairing:inspect", args=[pairing.pk])


def _date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else "—"


def _section(key: str, title: str, lines: list[TaskLine], total: int, empty: str) -> TaskSection:
    return TaskSection(
        key=key, title=title, lines=lines, total=total, empty=empty, more_url=reverse("pairings_pairing:index")
    )


#: Whose answer a proposal waits for, by (host yet to answer, guest yet to answer).
AWAITED = {
    (True, True): gettext_lazy("answer awaited from the host and the guest"),
    (True, False): gettext_lazy("answer awaited from the host"),
    (False, True): gettext_lazy("answer awaited from the guest"),
    (False, False): gettext_lazy("both have answered"),
}


def _proposals(user) -> TaskSection:
    today = timezone.localdate()
    waiting = tasklist.proposals_waiting_for_an_answer(user)
    lines = []
    for pairing in waiting[:LINES]:
        awaited = AWAITED[(pairing.host_accepted_at is None, pairing.guest_accepted_at is None)]
        age = days_waiting((today - timezone.localdate(pairing.created_at)).days)
        lines.append(TaskLine(label=_pair(pairing), detail=f"{awaited} · {age}", url=_inspect(pairing)))
    return _section(
        "proposals-waiting",
        _("Proposals waiting for an answer"),
        lines,
        waiting.count(),
        _("No proposal is waiting for an answer."),
    )


PARTY_LABELS = {
    "association": gettext_lazy("for the association"),
    "pension_office": gettext_lazy("for the pension office"),
}


def _signatures(user) -> TaskSection:
    found = tasklist.signatures_to_give(user)
    lines = [
        TaskLine(
            label=_pair(pairing),
            detail=_("Convention %(reference)s, to sign %(party)s")
            % {"reference": convention.reference, "party": PARTY_LABELS[party]},
            url=reverse("convention_admin", args=[convention.pk]),
        )
        for pairing, convention, party in found[:LINES]
    ]
    return _section(
        "signatures", _("Signatures to give"), lines, len(found), _("No convention waits for your signature.")
    )


def _check_ins(user) -> TaskSection:
    today = timezone.localdate()
    due = tasklist.check_ins_due(user)
    lines = []
    for check_in in due[:LINES]:
        when = (
            _("late since %(date)s") % {"date": _date(check_in.due_on)}
            if check_in.due_on < today
            else _("due on %(date)s") % {"date": _date(check_in.due_on)}
        )
        lines.append(
            TaskLine(
                label=_pair(check_in.pairing),
                detail=f"{check_in.get_kind_display()} · {when}",
                url=_inspect(check_in.pairing),
            )
        )
    return _section("check-ins-due", _("Check-ins due this week"), lines, due.count(), _("No check-in is due."))


def _notices(user) -> TaskSection:
    running = tasklist.notices_running(user)
    lines = [
        TaskLine(
            label=_pair(pairing),
            detail=_("notice given on %(given)s, the pair parts on %(end)s")
            % {"given": _date(pairing.notice_given_on), "end": _date(pairing.planned_end)},
            url=_inspect(pairing),
        )
        for pairing in running[:LINES]
    ]
    return _section("notices-running", _("Notices running"), lines, running.count(), _("No notice is running."))


def pairings_panel(user) -> TaskListPanel | None:
    """The pairings' tasks of ``user``: all four kinds for who leads pairings; for other staff
    (a pension office's officers) the signatures, when one waits for them; None otherwise."""
    if access.vets_somewhere(user):
        sections = [_proposals(user), _signatures(user), _check_ins(user), _notices(user)]
    elif access.may_open_files_area(user) and (signatures := _signatures(user)).total:
        sections = [signatures]
    else:
        return None
    return TaskListPanel(
        name="pairings-to-follow", heading=gettext_lazy("Pairings to follow"), sections=sections, order=20
    )
