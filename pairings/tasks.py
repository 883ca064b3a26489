"""Background tasks of pairings (django-q2). Each is idempotent: run twice, it acts once."""

from django.db import transaction
from django.utils import timezone

from workflow.access import vetting_staff_for
from workflow.notifications import admin_url, notify, register_preparer

from .enums import FOLLOWED_STATES
from .models import CheckIn
from .services import pairings_close_due
from .wellbeing import wellbeing_checks_ask


def close_finished_pairings() -> int:
    """Daily: pairings past their last day end, or terminate after a notice. Returns how many closed."""
    return len(pairings_close_due())


def remind_advisors_of_check_ins() -> int:
    """Daily: the advisors of the pair's territory are told of each check-in that falls due.

    A check-in is reminded about once (``reminded_at``, set under a row lock in the same
    transaction as the notification), so a second run sends nothing. Returns the number of
    notifications queued.
    """
    today = timezone.localdate()
    due = CheckIn.objects.filter(
        due_on__lte=today, done_at__isnull=True, reminded_at__isnull=True, pairing__state__in=FOLLOWED_STATES
    ).values_list("pk", flat=True)
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
            for advisor in vetting_staff_for(check_in.pairing.host.territory):
                sent += len(
                    notify(
                        advisor,
                        "staff.check_ins_due",
                        {"lines": [{"check_in_id": check_in.pk}]},
                        about=check_in,
                        language=check_in.pairing.host.country.main_language,
                    )
                )
            check_in.reminded_at = timezone.now()
            check_in.save(update_fields=["reminded_at"])
    return sent


def ask_how_lonely_host_and_guest_feel() -> int:
    """Daily: the well-being questionnaires that fall due (moving in, 3 and 6 months on) are
    created and each person is told once that theirs waits in their space. Returns how many
    people were told."""
    return wellbeing_checks_ask()


def _check_in_lines(notification) -> dict:
    """When the reminder leaves: each check-in with its pair and due date, and where to record it."""
    ids = [line["check_in_id"] for line in notification.context.get("lines", [])]
    found = CheckIn.objects.select_related("pairing__host", "pairing__guest").in_bulk(ids)
    return {
        "lines": [
            {"check_in": found[pk], "url": admin_url("pairings_pairing:inspect", found[pk].pairing_id)}
            for pk in ids
            if pk in found
        ]
    }


register_preparer("staff.check_ins_due", _check_in_lines)
