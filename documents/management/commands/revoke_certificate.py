"""Revoke a signing party's certificate, or the platform's seal: it is listed on the CRL and a new
one is issued at the party's next signature, or at the platform's next sealed document."""

from django.core.management.base import BaseCommand, CommandError

from documents.conventions import authority
from documents.enums import CertificateHolder
from documents.models import SignerCertificate


class Command(BaseCommand):
    help = (
        "Revoke a signer's certificate by its SHA-256 fingerprint (or a unique prefix of it), "
        "or the platform's current seal certificate with --platform-seal."
    )

    def add_arguments(self, parser):
        parser.add_argument("fingerprint", nargs="?", default="")
        parser.add_argument(
            "--platform-seal", action="store_true", help="Revoke the platform's seal certificate now in use."
        )
        parser.add_argument("--reason", required=True)

    def handle(self, *args, fingerprint, reason, platform_seal=False, **options):
        if platform_seal == bool(fingerprint):
            raise CommandError("Give either a fingerprint or --platform-seal.")
        if platform_seal:
            current = authority.current_platform_seal()
            if current is None:
                raise CommandError("The platform has no seal certificate in use.")
            found = [current]
        else:
            found = list(SignerCertificate.objects.filter(fingerprint__startswith=fingerprint.lower())[:2])
        if len(found) != 1:
            raise CommandError("No certificate, or several, start with this fingerprint.")
        authority.revoke(found[0], reason=reason)
        self.stdout.write(self.style.SUCCESS(f"Revoked: {found[0]}"))
        if found[0].party == CertificateHolder.PLATFORM:
            self.stdout.write("A new seal certificate will be issued for the next document the platform seals.")
