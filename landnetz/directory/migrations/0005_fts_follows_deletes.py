"""SQLite: a full-text row never outlives its entry (hardening issue #6, item 6).

Entries are deleted by cascades too (a profile or organisation deleted in the admin
area, an account erased); the FTS5 table is not a Django model, so only a trigger sees
every delete. Existing orphans are removed.
"""

from django.db import migrations

FORWARD = [
    "DELETE FROM directory_fts WHERE rowid NOT IN (SELECT id FROM directory_searchentry)",
    "CREATE TRIGGER IF NOT EXISTS directory_fts_follows_delete AFTER DELETE ON directory_searchentry "
    "BEGIN DELETE FROM directory_fts WHERE rowid = old.id; END",
]
BACKWARD = ["DROP TRIGGER IF EXISTS directory_fts_follows_delete"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_filters_column")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
