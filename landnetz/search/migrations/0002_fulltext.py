"""Full-text structures that Django's schema editor cannot express, per database.

SQLite: an FTS5 table (rowid = SearchEntry.id) with a text and a filter column, its
vocabulary (typo tolerance) and a trigger that deletes a full-text row with its entry
(entries also go by cascades and bulk deletes, which no Python code sees).
PostgreSQL: pg_trgm, a GIN index on the search vector and a trigram GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(stemmed, filters, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts_vocab USING fts5vocab(search_fts, 'row')",
    "CREATE TRIGGER IF NOT EXISTS search_fts_follows_delete AFTER DELETE ON search_searchentry "
    "BEGIN DELETE FROM search_fts WHERE rowid = old.id; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_follows_delete",
    "DROP TABLE IF EXISTS search_fts_vocab",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_vector_gin ON search_searchentry USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_document_trgm ON search_searchentry USING gin (document gin_trgm_ops)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_document_trgm", "DROP INDEX IF EXISTS search_vector_gin"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
