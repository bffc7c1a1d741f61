"""Full-text structures that Django's schema editor cannot express, per database.

SQLite: an FTS5 table (rowid = SearchEntry.id) and its vocabulary, used for typo tolerance.
PostgreSQL: pg_trgm, a GIN index on the German search vector and a trigram GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS directory_fts USING fts5(stemmed, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS directory_fts_vocab USING fts5vocab(directory_fts, 'row')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS directory_fts_vocab", "DROP TABLE IF EXISTS directory_fts"]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS directory_search_vector_gin ON directory_searchentry USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS directory_document_trgm ON directory_searchentry USING gin (document gin_trgm_ops)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS directory_document_trgm", "DROP INDEX IF EXISTS directory_search_vector_gin"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
