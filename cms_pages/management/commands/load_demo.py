from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms_pages.demo.builder import build_demo
from conversations.demo import load_canned_replies


class Command(BaseCommand):
    help = "Load the demo content: six home pages, two national programmes, their teams. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--no-images", action="store_true", help="Skip the demo images (faster).")

    def handle(self, *args, no_images=False, **options):
        # The platform's signing authorities (documents app) first: a missing passphrase stops
        # the command before any content is written.
        call_command("pki_init", verbosity=0)
        result = build_demo(with_images=not no_images)
        call_command("load_convention_templates", verbosity=0)
        load_canned_replies()
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({result.created_pages} pages published in this run).")
        )
        self.stdout.write(f"Demo logins for /admin/ (password: {settings.DEMO_PASSWORD}):")
        for account in result.accounts:
            self.stdout.write(f"  {account.username:<22} {account.role}")
