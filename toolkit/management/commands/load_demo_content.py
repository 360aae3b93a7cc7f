"""Load the demonstration content (an operator's action, logged in the audit log as this command's publication)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.models import HomePage
from toolkit.demo.loader import DATA_DIR, DemoLoader
from toolkit.demo.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Create and publish the demo content (regions, tools, guides, experiences, recommendations, benchmarks, and "
        "the legal notice, accessibility statement, privacy notice and contact page) in "
        "French with its Arabic and English translations. Idempotent: a second run creates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG=False (a demonstration server).")
        parser.add_argument("--data-dir", default=str(DATA_DIR), help="Folder of the demo JSON files.")

    def handle(self, *args, force=False, data_dir=None, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo content with DEBUG=False: it publishes pages outside partner approval. "
                "Use --force if this really is a demonstration server."
            )
        if not HomePage.objects.exists():
            raise CommandError("The portal is not bootstrapped: run `manage.py bootstrap_portal` first.")
        if not (Path(data_dir) / "site.json").exists():
            raise CommandError(f"There is no demo data in {data_dir} (site.json is missing).")
        loader = DemoLoader(data_dir=data_dir)
        bar = ProgressBar(self.stdout, loader.count(), enabled=options["verbosity"] > 0)
        loader.progress = bar.advance
        created = loader.run()
        bar.finish()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {len(created)} object(s) created."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already loaded: nothing changed."))
