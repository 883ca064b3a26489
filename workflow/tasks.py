"""Background tasks of the workflow app (django-q2). Each is idempotent: run twice, it acts once."""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from . import mandates  # noqa: F401 - the mandates' kinds of notification and their preparers
from .access import vetting_staff_for
from .enums import WAITING_FOR_ASSOCIATION_STATES
from .models import Application, ApplicationRules, ReminderSent
from .notifications import admin_url, deliver, notify, register_preparer, retry_failed

#: Reminder delay of a country and kind that has no rules of its own.
DEFAULT_REMINDER_DAYS = 7


def deliver_notification(notification_id: int) -> str:
    """Send one queued notification (see :func:`workflow.notifications.deliver`)."""
    return deliver(notification_id)


def retry_failed_notifications() -> int:
    """Every ten minutes: notifications whose channel failed are tried again (with a growing delay)."""
    return retry_failed()


def remind_advisors_of_waiting_files() -> int:
    """Daily: each advisor gets one email listing the files waiting too long in their territories.

    A file is reminded about at most once a day (:class:`ReminderSent`), so a second run the
    same day sends nothing. Returns the number of advisors notified.
    """
    today = timezone.localdate()
    delays = {(r.country_id, r.kind): r.reminder_after_days for r in ApplicationRules.objects.all()}
    waiting = Application.objects.filter(state__in=WAITING_FOR_ASSOCIATION_STATES).select_related(
        "country", "territory"
    )
    due = [
        application
        for application in waiting
        if application.waiting_days() >= delays.get((application.country_id, application.kind), DEFAULT_REMINDER_DAYS)
    ]
    per_advisor: dict = defaultdict(list)
    for application in due:
        with transaction.atomic():
            reminder, created = ReminderSent.objects.get_or_create(application=application, day=today)
            if not created:
                continue
            advisors = list(vetting_staff_for(application.territory))
            reminder.sent_to = [advisor.pk for advisor in advisors]
            reminder.save(update_fields=["sent_to"])
        for advisor in advisors:
            per_advisor[advisor].append(application)
    for advisor, applications in per_advisor.items():
        ids = sorted(a.pk for a in applications)
        notify(
            advisor,
            "staff.waiting_files",
            {"lines": [{"application_id": pk} for pk in ids]},
            about=f"day:{today.isoformat()}",
            occasion="-".join(map(str, ids)),
            language=applications[0].country.main_language,
        )
    return len(per_advisor)


def _waiting_lines(notification) -> dict:
    """When the reminder leaves: each file with its name, state and waiting days, as they are then."""
    ids = [line["application_id"] for line in notification.context.get("lines", [])]
    files = Application.objects.in_bulk(ids)
    return {
        "lines": [
            {
                "application": files[pk],
                "days": files[pk].waiting_days(),
                "url": admin_url("workflow_application:inspect", pk),
            }
            for pk in ids
            if pk in files
        ]
    }


register_preparer("staff.waiting_files", _waiting_lines)


def remind_of_ending_mandates() -> int:
    """Daily: the person and their proxy are told once that a mandate ends within a week."""
    from .mandates import mandates_remind_of_expiry

    return mandates_remind_of_expiry()


def send_monthly_proxy_journals() -> int:
    """Monthly: each person acted for last month gets the journal "who acted for you"."""
    from .mandates import mandates_send_monthly_journal

    return mandates_send_monthly_journal()
