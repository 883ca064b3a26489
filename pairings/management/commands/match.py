from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from pairings.selectors import territory_proposal
from pairings.services import pairing_propose
from workflow.enums import TerritoryLevel
from workflow.exceptions import WorkflowError
from workflow.models import Territory


class Command(BaseCommand):
    help = (
        "Print the optimal proposal of pairs for a territory, with scores (approved, free files only); "
        "with --apply, propose them to the people on behalf of an advisor of the territory."
    )

    def add_arguments(self, parser):
        parser.add_argument("--territory", required=True, help="Code of the department, e.g. 33.")
        parser.add_argument("--country", help="Country code, when the territory code exists in several countries.")
        parser.add_argument("--apply", action="store_true", help="Propose every pair of the proposal.")
        parser.add_argument("--as", dest="username", help="The advisor proposing the pairs (required with --apply).")

    def handle(self, *args, territory, country=None, apply=False, username=None, **options):
        territories = Territory.objects.filter(code=territory, level=TerritoryLevel.DEPARTMENT)
        if country:
            territories = territories.filter(country__code=country.upper())
        if territories.count() != 1:
            raise CommandError(f"No single department with code {territory!r}; add --country.")
        advisor = None
        if apply:
            advisor = get_user_model().objects.filter(username=username or "").first()
            if advisor is None:
                raise CommandError("--apply needs --as USERNAME, an advisor of the territory.")
        chosen = territories.select_related("country").get()
        pairs = territory_proposal(chosen)
        self.stdout.write(f"{chosen} — {len(pairs)} pairs proposed")
        for host, guest, score in pairs:
            self.stdout.write(f"  {score:5.1f}  {host}  ↔  {guest}")
        if not apply:
            return
        made = 0
        progress = tqdm(pairs, desc="Proposing", unit="pair", file=self.stderr, disable=options["verbosity"] == 0)
        for host, guest, _score in progress:
            try:
                pairing_propose(host=host, guest=guest, by=advisor)
                made += 1
            except WorkflowError as refusal:
                self.stderr.write(f"  {host} ↔ {guest}: {refusal.message}")
        self.stdout.write(self.style.SUCCESS(f"{made} pairings proposed to the people concerned."))
