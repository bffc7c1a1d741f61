"""The directory's search index becomes the site search (``search`` app, issue #7).

The rows are derived data: the ``search`` app's own tables start empty and
``manage.py rebuild_search`` fills them from profiles and organisations (see the
README's upgrade note). Here the old tables, the FTS5 table and its trigger go.
"""

from django.db import migrations

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS directory_fts_follows_delete",
    "DROP TABLE IF EXISTS directory_fts_vocab",
    "DROP TABLE IF EXISTS directory_fts",
]


def drop_fulltext(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_fts_follows_deletes")]

    operations = [
        migrations.RunPython(drop_fulltext, migrations.RunPython.noop),
        migrations.DeleteModel(name="FullTextRow"),
        migrations.DeleteModel(name="SearchEntryLanguage"),
        migrations.DeleteModel(name="SearchEntry"),
    ]
