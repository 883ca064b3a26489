"""Background tasks of the workflow app (django-q2). Each is idempotent: run twice, it acts once."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_q.tasks import async_task

from .models import ApplicationTransitionLog
from .notifications import BODIES, SUBJECTS


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
