"""Compile the portal's .po catalogues into .mo files with polib.

Django's compilemessages needs GNU gettext's msgfmt, which a newcomer's machine may lack; polib is a pure-Python
dependency already installed, so `make run` and `make test` compile the same way everywhere. Fuzzy entries are left
out of the .mo, as msgfmt would.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files."

    def handle(self, *args, **options):
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                for entry in catalogue.fuzzy_entries():
                    catalogue.remove(entry)
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")
