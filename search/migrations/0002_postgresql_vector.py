"""On PostgreSQL only: the per-language tsvector column and its GIN index.

The column is generated from the normalised title (weight A) and text (weight B) with the configuration of the row's
language, so it can never disagree with them. SQLite (`make run` without DATABASE_URL) has no such column; the
database engine then matches the normalised text directly.
"""

from django.db import migrations

VECTOR = """
CASE language
    WHEN 'fr' THEN setweight(to_tsvector('french'::regconfig, title_norm), 'A')
                || setweight(to_tsvector('french'::regconfig, text_norm), 'B')
    WHEN 'ar' THEN setweight(to_tsvector('arabic'::regconfig, title_norm), 'A')
                || setweight(to_tsvector('arabic'::regconfig, text_norm), 'B')
    WHEN 'en' THEN setweight(to_tsvector('english'::regconfig, title_norm), 'A')
                || setweight(to_tsvector('english'::regconfig, text_norm), 'B')
    ELSE setweight(to_tsvector('simple'::regconfig, title_norm), 'A')
      || setweight(to_tsvector('simple'::regconfig, text_norm), 'B')
END
"""


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute("CREATE INDEX search_searchdocument_vector ON search_searchdocument USING GIN (vector)")


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(add_vector, drop_vector)]
