"""Create the platform's root, issuing and timestamp authorities (once), and its seal certificate."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.conventions import authority
from documents.pki import fingerprint


def require_passphrase() -> None:
    """The authorities' keys are encrypted with PKI_KEY_PASSPHRASE: without it, stop and say so."""
    if not settings.PKI_KEY_PASSPHRASE:
        raise CommandError(
            "The environment variable PKI_KEY_PASSPHRASE must be set: the signing authorities' keys are "
            "encrypted with it."
        )


class Command(BaseCommand):
    help = (
        "Create the platform's certificate authorities and timestamp authority, and the platform's seal "
        "certificate, keys encrypted with PKI_KEY_PASSPHRASE (the seal's in the HSM when one is configured)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace existing authorities (every signer certificate becomes untrusted).",
        )
        parser.add_argument("--root-out", help="Also write the root certificate (PEM) to this file.")

    def handle(self, *args, force=False, root_out=None, **options):
        require_passphrase()
        created = authority.initialise(force=force)
        root = authority.root_certificate()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created: {', '.join(created)}."))
        else:
            self.stdout.write("The authorities already exist; nothing changed (use --force to replace them).")
        self.stdout.write(f"Root: {root.subject.rfc4514_string()} — SHA-256 {fingerprint(root)}")
        self.stdout.write(f"Platform seal: SHA-256 {authority.platform_seal().fingerprint}")
        if root_out:
            from documents.pki import cert_pem

            with open(root_out, "wb") as file:
                file.write(cert_pem(root))
            self.stdout.write(f"Root certificate written to {root_out}.")
