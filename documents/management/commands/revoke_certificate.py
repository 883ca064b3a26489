"""Revoke a signing party's certificate: it is listed on the CRL and a new one is issued at their next signature."""

from django.core.management.base import BaseCommand, CommandError

from documents.conventions import authority
from documents.models import SignerCertificate


class Command(BaseCommand):
    help = "Revoke a signer's certificate by its SHA-256 fingerprint (or a unique prefix of it)."

    def add_arguments(self, parser):
        parser.add_argument("fingerprint")
        parser.add_argument("--reason", required=True)

    def handle(self, *args, fingerprint, reason, **options):
        found = list(SignerCertificate.objects.filter(fingerprint__startswith=fingerprint.lower())[:2])
        if len(found) != 1:
            raise CommandError("No certificate, or several, start with this fingerprint.")
        authority.revoke(found[0], reason=reason)
        self.stdout.write(self.style.SUCCESS(f"Revoked: {found[0]}"))
