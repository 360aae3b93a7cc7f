"""Operate the public search index: rebuild it, catch up queued engine updates, or report its state."""

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.engines import get_engine
from search.models import IndexQueueEntry, SearchDocument


class Command(BaseCommand):
    help = (
        "rebuild: reindex every live page; ensure: rebuild only if the index is empty (used by `make run`); "
        "catch-up: retry queued Elasticsearch updates; status: counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "ensure", "catch-up", "status"])

    def handle(self, *args, action, **options):
        if action == "ensure" and SearchDocument.objects.exists():
            self.stdout.write("Search index present.")
        elif action in ("rebuild", "ensure"):
            try:
                count = indexing.rebuild()
            except Exception as exc:
                raise CommandError(f"Rebuild failed: {exc}") from exc
            self.stdout.write(self.style.SUCCESS(f"Indexed {count} live public page(s)."))
        elif action == "catch-up":
            done, failed = indexing.catch_up()
            self.stdout.write(f"Caught up {done} queued update(s); {failed} still failing.")
            if failed:
                raise CommandError(f"{failed} update(s) could not be applied; see IndexQueueEntry.last_error.")
        else:
            engine = get_engine()
            by_language = {lang: SearchDocument.objects.filter(language=lang).count() for lang in ("fr", "ar", "en")}
            self.stdout.write(f"Engine: {engine.name}")
            self.stdout.write("Documents: " + ", ".join(f"{k} {v}" for k, v in by_language.items()))
            self.stdout.write(f"Queued engine updates: {IndexQueueEntry.objects.count()}")
