"""Check the whole audit chain; name the first broken entry."""

from django.core.management.base import BaseCommand

from workflow.audit import verify_chain


class Command(BaseCommand):
    help = "Recompute every hash of the audit chain; exit 1 and name the first broken entry if any."

    def handle(self, *args, **options):
        report = verify_chain()
        if report.ok:
            self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {report.checked} entries checked."))
            return
        self.stdout.write(
            self.style.ERROR(
                f"Audit chain BROKEN at entry #{report.first_broken}: {report.reason} "
                f"({report.checked} entries before it are intact)."
            )
        )
        raise SystemExit(1)
