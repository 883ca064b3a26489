"""Check the whole audit chain and its anchors; name the first broken entry or the failed anchor."""

import re

from django.core.management.base import BaseCommand, CommandError

from audit.chain import verify_chain

EXPECTED = re.compile(r"^(\d+):([0-9a-f]{64})$")


def expected_anchor(value: str) -> tuple[int, str]:
    match = EXPECTED.match(value.strip().lower())
    if match is None:
        raise CommandError(f"--expect takes LENGTH:HASH, as logged at each anchoring (not {value!r}).")
    return int(match[1]), match[2]


class Command(BaseCommand):
    help = (
        "Recompute every keyed hash of the audit chain and check it against every anchor (position, length, "
        "timestamp token); exit 1 and name the first broken entry or the failed anchor."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--expect",
            action="append",
            default=[],
            metavar="LENGTH:HASH",
            help="an anchoring as logged outside the database ('Audit chain anchored: …'): the chain must "
            "still have this hash at this length (repeatable)",
        )

    def handle(self, *args, **options):
        report = verify_chain(expected=[expected_anchor(value) for value in options["expect"]])
        if report.ok:
            self.stdout.write(self.style.SUCCESS(report.message))
            return
        self.stdout.write(self.style.ERROR(report.message))
        raise SystemExit(1)
