"""Anonymise closed files past their country's retention period and destroy their documents."""

import json

from django.core.management.base import BaseCommand

from documents.privacy import purge_expired_files


class Command(BaseCommand):
    help = "Anonymise expired closed files and destroy their documents (signed conventions are kept)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be done.")

    def handle(self, *args, dry_run=False, **options):
        report = purge_expired_files(dry_run=dry_run)
        for line in report:
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(self.style.SUCCESS(f"{len(report)} file(s) {verb}."))
