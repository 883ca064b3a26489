"""Check every signature of a convention PDF, offline: against the platform's root as stored, or,
with ``--root``, against a root certificate whoever verifies brings (no database needed)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.signing import RootNotReadable, context_from_root, load_root, verify


class Command(BaseCommand):
    help = (
        "Report on each signature of a PDF; exit 1 unless every signature is valid, intact and trusted. "
        "--root ROOT.pem checks against that root certificate (downloadable from the public verification "
        "page) and the validation data the file carries, without the platform's database."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--root",
            metavar="ROOT.pem",
            help="the root certificate to trust (PEM or DER), instead of the one in the platform's database",
        )

    def handle(self, *args, file, root=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        pdf = path.read_bytes()
        if root:
            root_path = Path(root)
            if not root_path.is_file():
                raise CommandError(f"No such root certificate: {root}")
            try:
                context = context_from_root(pdf, load_root(root_path.read_bytes()))
            except RootNotReadable as error:
                raise CommandError(f"{root}: {error}") from None
            trusted_by = f"the root certificate {root_path.name}"
        else:
            from documents.conventions import authority

            context = authority.validation_context
            trusted_by = "the platform's root"
        report = verify(pdf, context)
        if report.error:
            self.stdout.write(f"Not a signed PDF that can be read ({report.error}).")
        for index, s in enumerate(report.signatures, start=1):
            self.stdout.write(
                f"{index}. {s.field}: {s.signer} — {s.role} — {s.organisation} — {s.signed_at:%Y-%m-%d %H:%M:%S %Z}"
                if s.signed_at
                else f"{index}. {s.field}: {s.signer}"
            )
            self.stdout.write(
                f"   intact: {'yes' if s.intact else 'NO'}; valid: {'yes' if s.valid else 'NO'}; "
                f"trusted: {'yes' if s.trusted else 'NO'}; timestamped: {'yes' if s.timestamped else 'no'}; "
                f"changes after it: {s.changes}{'' if s.unchanged_after else ' (NOT ALLOWED)'}"
            )
            for problem in s.problems:
                self.stdout.write(f"   problem: {problem}")
        if report.sealed:
            self.stdout.write(f"Document timestamp: {'valid' if report.seal_ok else 'NOT VALID'}")
        self.stdout.write(f"PAdES level: {report.level or 'none'}")
        self.stdout.write(f"Checked against {trusted_by}.")
        # The same verdicts as the public verification page.
        if not report.ok:
            self.stdout.write(self.style.ERROR("NOT VALID: this document cannot be trusted as it is."))
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS("VALID: every signature is valid (intact, unchanged after, trusted)."))
