"""On PostgreSQL only: the GIN index over the vector is updated at once, without a pending list (fastupdate off).

With fastupdate on (PostgreSQL's default) new rows wait in a pending list that every search scans in full until a
vacuum merges it into the index. After a rebuild of the index that list held all the rows: measured at 10,000 pages,
8 ms more per query before any row was ranked (docs/benchmarks.md). Pages are published a few at a time, so the
slightly slower insert costs nothing noticeable, and a search never depends on when the last vacuum ran.
"""

from django.db import migrations


def direct_updates(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER INDEX search_searchdocument_vector SET (fastupdate = off)")
    schema_editor.execute("SELECT gin_clean_pending_list('search_searchdocument_vector'::regclass)")


def pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER INDEX search_searchdocument_vector RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_excerpt_source")]
    operations = [migrations.RunPython(direct_updates, pending_list)]
