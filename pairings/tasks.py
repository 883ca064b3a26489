"""Background tasks of pairings (django-q2). Each is idempotent: run twice, it acts once."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_q.tasks import async_task

from workflow.access import vetting_staff_for

from .enums import FOLLOWED_STATES
from .models import CheckIn, PairingTransitionLog
from .services import SUBJECTS, pairings_close_due


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


def close_finished_pairings() -> int:
    """Daily: pairings past their last day end, or terminate after a notice. Returns how many closed."""
    return len(pairings_close_due())


def remind_advisors_of_check_ins() -> int:
    """Daily: the advisors of the pair's territory are emailed about each check-in that falls due.

    A check-in is reminded about once (``reminded_at``, set under a row lock in the same
    transaction as the email), so a second run sends nothing. Returns the number of emails sent.
    """
    today = timezone.localdate()
    due = CheckIn.objects.filter(
        due_on__lte=today, done_at__isnull=True, reminded_at__isnull=True, pairing__state__in=FOLLOWED_STATES
    ).values_list("pk", flat=True)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    sent = 0
    for check_in_id in due:
        with transaction.atomic():
            check_in = (
                CheckIn.objects.select_for_update(of=("self",))
                .select_related("pairing__host__territory", "pairing__host__country", "pairing__guest")
                .filter(pk=check_in_id, reminded_at__isnull=True)
                .first()
            )
            if check_in is None:
                continue
            per_advisor = defaultdict(list)
            for advisor in vetting_staff_for(check_in.pairing.host.territory):
                per_advisor[advisor].append(check_in)
            for advisor, check_ins in per_advisor.items():
                sent += _send_check_ins(advisor, check_ins, check_in.pairing.host.country.main_language, base_url)
            check_in.reminded_at = timezone.now()
            check_in.save(update_fields=["reminded_at"])
    return sent


def _send_check_ins(advisor, check_ins, language, base_url) -> int:
    with translation.override(language):
        lines = [
            {"check_in": c, "url": base_url + reverse("pairings_pairing:inspect", args=[c.pairing_id])}
            for c in check_ins
        ]
        subject = "WeShare — " + ngettext("%(count)d check-in is due", "%(count)d check-ins are due", len(lines)) % {
            "count": len(lines)
        }
        body = render_to_string("pairings/email/check_ins_due.txt", {"advisor": advisor, "lines": lines})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [advisor.email])
    return 1
