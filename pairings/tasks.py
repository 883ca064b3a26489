"""Background tasks of pairings (django-q2). Each is idempotent: run twice, it acts once."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_q.tasks import async_task

from .models import PairingTransitionLog
from .services import SUBJECTS


def queue_pairing_notification(log_id: int) -> None:
    async_task("pairings.tasks.notify_pair", log_id, task_name=f"notify-pair-{log_id}", group="notifications")


def notify_pair(log_id: int) -> str:
    """Email the host and the guest about one change of their pairing, each in their language, once."""
    with transaction.atomic():
        log = (
            PairingTransitionLog.objects.select_for_update(of=("self",))
            .select_related("pairing__host", "pairing__guest")
            .filter(pk=log_id)
            .first()
        )
        if log is None:
            return "gone"
        if log.notified_at is not None:
            return "already notified"
        if log.action not in SUBJECTS:
            return "nothing to say"
        for application in (log.pairing.host, log.pairing.guest):
            with translation.override(application.language):
                subject = SUBJECTS[log.action]
                body = render_to_string(
                    "pairings/email/pairing_changed.txt",
                    {"application": application, "pairing": log.pairing, "subject": subject},
                )
                send_mail(f"WeShare — {subject}", body, settings.DEFAULT_FROM_EMAIL, [application.email])
        log.notified_at = timezone.now()
        log.save(update_fields=["notified_at"])
    return "sent"
