"""Check every signature of a convention PDF against the platform's root, offline."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.conventions import authority
from documents.signing import verify


class Command(BaseCommand):
    help = "Report on each signature of a PDF; exit 1 unless every signature is valid, intact and trusted."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        report = verify(path.read_bytes(), authority.validation_context)
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
        if not report.ok:
            self.stdout.write(self.style.ERROR("NOT VALID"))
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS("VALID: every signature is intact, valid and trusted."))
