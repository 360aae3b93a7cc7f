"""Write a backup of the database and the uploaded media to a new folder (``make backup``)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from home.backups import write_backup


class Command(BaseCommand):
    help = "Back up the PostgreSQL database (custom format) and MEDIA_ROOT into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("--to", default="", help="the folder to create (default backups/<date-time>)")

    def handle(self, *args, to="", **options):
        target = Path(to or f"backups/{timezone.localtime():%Y%m%d-%H%M%S}")
        manifest = write_backup(target)
        self.stdout.write(
            f"Backup written to {target}: {sum(manifest['tables'].values())} rows in {len(manifest['tables'])} "
            f"tables, {manifest['media_files']} media files."
        )
