from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from workflow.seeding import seed_applications


class Command(BaseCommand):
    help = "Create realistic demo applicants in every state across territories and countries. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--seniors", type=int, default=40, help="Number of host (senior) files.")
        parser.add_argument("--youths", type=int, default=60, help="Number of guest (young person) files.")

    def handle(self, *args, seniors, youths, **options):
        if seniors < 0 or youths < 0:
            raise CommandError("--seniors and --youths must be zero or more.")

        def progress(items):
            return tqdm(items, desc="Applicants", unit="file", disable=options["verbosity"] == 0, file=self.stderr)

        try:
            counts = seed_applications(seniors=seniors, youths=youths, progress=progress)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{counts['created']} files created, {counts['kept']} already there."))
