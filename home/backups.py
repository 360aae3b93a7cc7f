"""Backups of a whole installation: the PostgreSQL database (pg_dump's custom format) and the uploaded media together.

Pages, revisions, translations and the partners' approval trail live in the database; documents and images in
``MEDIA_ROOT``. Restoring one without the other leaves links to files that do not exist (or files nobody approved),
so both are written to one folder, with a manifest of what it holds, and restored together. The search index is
derived data: rebuild it after a restore (``manage.py search_index rebuild``).
"""

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


def libpq_environment():
    """The database settings as libpq's environment variables, so no password appears on a command line."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise CommandError("Backups need PostgreSQL (DATABASE_URL); the embedded SQLite file is a plain file to copy.")
    values = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def run(command):
    executable = shutil.which(command[0])
    if executable is None:
        raise CommandError(f"{command[0]} not found: install PostgreSQL's client programs (postgresql-client).")
    result = subprocess.run(  # noqa: S603  (PostgreSQL's own programs, arguments built here)
        [executable, *command[1:]], env=libpq_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")
    return result


def write_backup(target):
    """Write the database and the media to the new folder ``target``; return the manifest."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=False)
    run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target / DUMP}"])
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / MEDIA, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": settings.DATABASES["default"]["NAME"],
        "media_files": sum(1 for path in media_root.rglob("*") if path.is_file()) if media_root.exists() else 0,
        "tables": table_counts(),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return manifest


def restore_backup(source):
    """Replace the database's content and ``MEDIA_ROOT`` with the backup in ``source``."""
    source = Path(source)
    for name in (DUMP, MEDIA, MANIFEST):
        if not (source / name).is_file():
            raise CommandError(f"{source} is not a portal backup: {name} is missing.")
    connection.close()
    run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
         f"--dbname={libpq_environment()['PGDATABASE']}", str(source / DUMP)])  # fmt: skip
    media_root = Path(settings.MEDIA_ROOT)
    staging = media_root.with_name(media_root.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(source / MEDIA, "r:gz") as archive:
        archive.extractall(staging, filter="data")
    if media_root.exists():
        shutil.rmtree(media_root)
    extracted = staging / "media"
    if extracted.exists():
        extracted.rename(media_root)
    else:
        media_root.mkdir(parents=True)
    shutil.rmtree(staging, ignore_errors=True)
    return json.loads((source / MANIFEST).read_text(encoding="utf-8"))


def table_counts():
    """Rows per table of the portal's database (for the manifest and a quick check after a restore)."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608  (names from the database's own catalogue)
            counts[table] = cursor.fetchone()[0]
    return counts
