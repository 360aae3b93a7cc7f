"""Restore a backup written by ``backup_portal``: the database and MEDIA_ROOT are replaced (``make restore``)."""

from django.core.management.base import BaseCommand, CommandError

from home.backups import restore_backup
from pagecache.invalidation import invalidate_everything


class Command(BaseCommand):
    help = "Replace the database and MEDIA_ROOT with a backup folder written by backup_portal."

    def add_arguments(self, parser):
        parser.add_argument("source", help="the backup folder")
        parser.add_argument("--yes", action="store_true", help="confirm that the current content is replaced")

    def handle(self, *args, source, yes=False, **options):
        if not yes:
            raise CommandError("This replaces the whole database and the media: run it again with --yes.")
        manifest = restore_backup(source)
        invalidate_everything()  # pages cached before the restore show content the database no longer holds
        self.stdout.write(
            f"Restored {source} (written {manifest['created_at']}). Rebuild the search index: "
            "manage.py search_index rebuild"
        )
