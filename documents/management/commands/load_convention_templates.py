"""Demo convention templates for the demo countries (safe to run twice)."""

from django.core.management.base import BaseCommand

from documents.conventions.demo import build_demo_convention_templates


class Command(BaseCommand):
    help = (
        "Create the demo convention templates (France and Spain, each in fr, en, es, it, de, pt) that do not exist yet."
    )

    def handle(self, *args, **options):
        created = build_demo_convention_templates()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{created} convention template(s) created."))
