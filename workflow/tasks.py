"""Background tasks of the workflow app (django-q2). Each is idempotent: run twice, it acts once."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_q.tasks import async_task

from .access import vetting_staff_for
from .enums import WAITING_FOR_ASSOCIATION_STATES
from .models import Application, ApplicationRules, ApplicationTransitionLog, ReminderSent
from .notifications import BODIES, SUBJECTS

#: Reminder delay of a country and kind that has no rules of its own.
DEFAULT_REMINDER_DAYS = 7


def queue_applicant_notification(log_id: int) -> None:
    async_task("workflow.tasks.notify_applicant", log_id, task_name=f"notify-applicant-{log_id}", group="notifications")


def notify_applicant(log_id: int) -> str:
    """Email the applicant about one change of their file, in their language, once."""
    with transaction.atomic():
        log = (
            ApplicationTransitionLog.objects.select_for_update()
            .select_related("application", "application__country")
            .filter(pk=log_id)
            .first()
        )
        if log is None:
            return "gone"
        if log.notified_at is not None:
            return "already notified"
        if log.to_state not in SUBJECTS:
            return "nothing to say"
        application = log.application
        with translation.override(application.language):
            context = {
                "application": application,
                "message": BODIES[log.to_state],
                "reason": application.status_reason if log.to_state in ("rejected", "sent_back", "withdrawn") else "",
            }
            subject = f"WeShare — {SUBJECTS[log.to_state]}"
            body = render_to_string("workflow/email/application_changed.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [application.email])
        log.notified_at = timezone.now()
        log.save(update_fields=["notified_at"])
    return "sent"


def remind_advisors_of_waiting_files() -> int:
    """Daily: each advisor gets one email listing the files waiting too long in their territories.

    A file is reminded about at most once a day (:class:`ReminderSent`), so a second run the
    same day sends nothing. Returns the number of emails sent.
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
            reminder.sent_to = [advisor.email for advisor in advisors]
            reminder.save(update_fields=["sent_to"])
        for advisor in advisors:
            per_advisor[advisor].append(application)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for advisor, applications in per_advisor.items():
        language = applications[0].country.main_language
        with translation.override(language):
            lines = [
                {
                    "application": a,
                    "days": a.waiting_days(),
                    "url": base_url + reverse("workflow_application:inspect", args=[a.pk]),
                }
                for a in applications
            ]
            subject = "WeShare — " + ngettext(
                "%(count)d file is waiting for you", "%(count)d files are waiting for you", len(lines)
            ) % {"count": len(lines)}
            body = render_to_string("workflow/email/waiting_files.txt", {"advisor": advisor, "lines": lines})
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [advisor.email])
    return len(per_advisor)
