"""Show that the audit trail holds no personal data: no email address, no applicant's name."""

import json
import re

from django.core.management.base import BaseCommand, CommandError

from audit.models import AuditEvent
from workflow.models import Application

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class Command(BaseCommand):
    help = (
        "Scan every audit entry for an email address or an applicant's first or last name; "
        "exit non-zero, naming the entries, if any is found."
    )

    def handle(self, *args, **options):
        names = set()
        for first, last in Application.objects.filter(anonymised_at__isnull=True).values_list(
            "first_name", "last_name"
        ):
            names.update(word for word in (first, last) if len(word) >= 3)
        pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None
        found = []
        for event in AuditEvent.objects.order_by("pk").iterator():
            written = f"{event.actor} {json.dumps(event.data, ensure_ascii=False)}"
            if EMAIL.search(written) or (pattern and pattern.search(written)):
                found.append(f"{event.pk} {event.action}")
        if found:
            raise CommandError(f"{len(found)} audit entries hold personal data: " + ", ".join(found[:20]))
        self.stdout.write(f"No personal data in {AuditEvent.objects.count()} audit entries.")
