"""On PostgreSQL only: the GIN index over the vector is updated at once, without a pending list (fastupdate off).

With fastupdate on (PostgreSQL's default) new rows wait in a pending list that every search scans in full until a
vacuum merges it into the index (the list is flushed only past gin_pending_list_limit, 4 MB). Measured at 10,000
pages just after a rebuild, 1,856 rows still waiting: matching one French word took 15 ms instead of 3 ms. Inserting
the 10,000 rows took 2.6 s longer, 0.3 ms a page; pages are published a few at a time, so that costs nothing
noticeable, and a search no longer depends on when the last vacuum ran.
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
