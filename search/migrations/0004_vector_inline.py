"""On PostgreSQL only: keep the ranking vector inside the table row rather than in TOAST.

Every match is ranked (``ts_rank`` reads the vector of each matching row), so a vector stored out of line costs a
TOAST index lookup and chunk reads per match: about two thirds of a worst-case query at 10,000 pages
(docs/benchmarks.md). With storage MAIN, PostgreSQL compresses the vector and keeps it in the row, moving the long
``body`` and ``text_norm`` out of line first; those are read only for the ten hits of a page or never. A vector
too large for any row still goes out of line, as before.

Existing rows are rewritten (the generated column is recomputed on update) so they take the new storage at once.
"""

from django.db import migrations


def inline_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE MAIN")
    schema_editor.execute("UPDATE search_searchdocument SET title_norm = title_norm")


def external_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_url_text")]
    operations = [migrations.RunPython(inline_vector, external_vector)]
