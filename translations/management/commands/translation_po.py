"""PO files in bulk, for professional translators who work outside the admin.

``export`` writes one PO file per page translation of a language (those awaiting work by default); ``import`` reads
PO files back, each recorded in the audit log under the named user, checked against that user's language, and never
published: the translator (or an editor) then submits each page for partner approval in the translation editor.
"""

from pathlib import Path

import polib
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify
from wagtail_localize.models import Translation

from translations.po import InvalidPOFile, import_po, parse_po
from translations.roles import may_work_in
from translations.status import todo_for


class Command(BaseCommand):
    help = "Export a language's page translations to PO files, or import translated PO files (never publishes)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        export = commands.add_parser("export", help="Write one PO file per page translation.")
        export.add_argument("--language", required=True, help="Target language code (ar, en).")
        export.add_argument("--out", required=True, type=Path, help="Directory for the PO files.")
        export.add_argument("--all", action="store_true", help="Every translation, not only those awaiting work.")
        imports = commands.add_parser("import", help="Import translated PO files.")
        imports.add_argument("files", nargs="+", type=Path)
        imports.add_argument("--user", required=True, help="Username the import is recorded under.")

    def handle(self, *args, action, **options):
        if action == "export":
            self.export(options["language"], options["out"], options["all"])
        else:
            self.import_files(options["files"], options["user"])

    def export(self, language, out, everything):
        translations = Translation.objects.filter(target_locale__language_code=language, enabled=True)
        if not everything:
            keys = {target.translation_key for _code, _source, target, _cell in todo_for({language})}
            translations = translations.filter(source__object_id__in=keys)
        out.mkdir(parents=True, exist_ok=True)
        count = 0
        for translation in translations.select_related("source"):
            name = f"{slugify(translation.source.object_repr) or translation.source.pk}-{language}.po"
            (out / name).write_text(str(translation.export_po()), encoding="utf-8")
            count += 1
        self.stdout.write(self.style.SUCCESS(f"Wrote {count} PO file(s) to {out}."))

    def import_files(self, files, username):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        failures = 0
        for path in files:
            try:
                translation = translation_for(path.read_bytes())
                if not may_work_in(user, translation.target_locale.language_code):
                    raise InvalidPOFile(f"{username} does not translate into {translation.target_locale}.")
                count = import_po(translation, parse_po(path.read_bytes(), translation), user)
            except (OSError, InvalidPOFile) as error:
                failures += 1
                self.stderr.write(f"{path}: {error}")
                continue
            self.stdout.write(f"{path}: {count} translated string(s) imported.")
        if failures:
            raise CommandError(f"{failures} file(s) not imported.")


def translation_for(data):
    """The translation a PO file was exported from (wagtail-localize writes its id into the file's header)."""
    try:
        header = polib.pofile(data.decode("utf-8")).metadata
    except (UnicodeDecodeError, OSError, ValueError) as error:
        raise InvalidPOFile("not a UTF-8 PO file") from error
    translation = (
        Translation.objects.filter(uuid=header.get("X-WagtailLocalize-TranslationID") or None)
        .select_related("target_locale", "source")
        .first()
    )
    if translation is None:
        raise InvalidPOFile("no translation matches this file's X-WagtailLocalize-TranslationID")
    return translation
