from django.core.management.base import BaseCommand

from documents.services import documents_reencrypt


class Command(BaseCommand):
    help = (
        "Re-encrypt every private document with the first key of DOCUMENTS_ENCRYPTION_KEYS. "
        "Put the new key first, keep the old ones after it, run this, then remove the old keys."
    )

    def handle(self, *args, **options):
        count = documents_reencrypt()
        self.stdout.write(self.style.SUCCESS(f"{count} documents re-encrypted with the newest key."))
