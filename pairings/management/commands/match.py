from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from pairings.selectors import territory_proposal
from workflow.enums import TerritoryLevel
from workflow.models import Territory


class Command(BaseCommand):
    help = "Print the optimal proposal of pairs for a territory, with scores (approved, free files only)."

    def add_arguments(self, parser):
        parser.add_argument("--territory", required=True, help="Code of the department, e.g. 33.")
        parser.add_argument("--country", help="Country code, when the territory code exists in several countries.")

    def handle(self, *args, territory, country=None, **options):
        territories = Territory.objects.filter(code=territory, level=TerritoryLevel.DEPARTMENT)
        if country:
            territories = territories.filter(country__code=country.upper())
        if territories.count() != 1:
            raise CommandError(f"No single department with code {territory!r}; add --country.")
        chosen = territories.select_related("country").get()
        steps = tqdm(total=1, desc="Matching", unit="territory", file=self.stderr, disable=options["verbosity"] == 0)
        pairs = territory_proposal(chosen)
        steps.update(1)
        steps.close()
        self.stdout.write(f"{chosen} — {len(pairs)} pairs proposed")
        for host, guest, score in pairs:
            self.stdout.write(f"  {score:5.1f}  {host}  ↔  {guest}")
