"""``manage.py clear_page_cache``: every cached page stale, in every language (and the front-end cache purged).

Publication, unpublication, moves, deletion, privacy and approved snippets invalidate on their own
(pagecache/invalidation.py), and so does every ``migrate``. This is for what they cannot see: a change made in the
database by hand, a Site or Locale edited, templates deployed without a migrate.
"""

from django.core.management.base import BaseCommand

from pagecache.invalidation import invalidate_everything


class Command(BaseCommand):
    help = "Make every cached public page stale, in every language, and purge the front-end cache if configured."

    def handle(self, *args, **options):
        invalidate_everything()
        self.stdout.write("Page cache cleared: every language starts a new generation.")
