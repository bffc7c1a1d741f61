"""Filter words move out of the text into a column of their own (hardening issue #6).

Before, the filter words ("zzaudpublic", "zzregion13" …) were appended to ``stemmed``, so
a name or topic containing such a word could act as a filter. Now:

- ``SearchEntry.filters`` holds them; ``stemmed`` holds only the text.
- SQLite: the FTS5 table gets a second column ``filters``; queries name the column.
- PostgreSQL: the text is weight D of the search vector, the filter words weight A;
  queries ask for the weight they mean.

Existing rows are split at the last " zzkind" (the filter words were always appended
last, starting with the kind word) and the full-text structures rebuilt.
"""

from django.db import migrations, models

SQLITE_FTS = [
    "DROP TABLE IF EXISTS directory_fts_vocab",
    "DROP TABLE IF EXISTS directory_fts",
    "CREATE VIRTUAL TABLE directory_fts USING fts5(stemmed, filters, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE directory_fts_vocab USING fts5vocab(directory_fts, 'row')",
]
SQLITE_FTS_BACKWARD = [
    "DROP TABLE IF EXISTS directory_fts_vocab",
    "DROP TABLE IF EXISTS directory_fts",
    "CREATE VIRTUAL TABLE directory_fts USING fts5(stemmed, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE directory_fts_vocab USING fts5vocab(directory_fts, 'row')",
]


def split_filters(apps, schema_editor):
    SearchEntry = apps.get_model("directory", "SearchEntry")
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_FTS:
            schema_editor.execute(statement)
    for entry in SearchEntry.objects.only("pk", "stemmed").iterator(chunk_size=2000):
        cut = entry.stemmed.rfind(" zzkind")
        if cut < 0:
            continue
        text, filters = entry.stemmed[:cut], entry.stemmed[cut + 1 :]
        SearchEntry.objects.filter(pk=entry.pk).update(stemmed=text, filters=filters)
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("INSERT INTO directory_fts (rowid, stemmed, filters) SELECT id, stemmed, filters FROM directory_searchentry")
        elif vendor == "postgresql":
            cursor.execute(
                "UPDATE directory_searchentry SET search_vector = to_tsvector('german', document) "
                "|| setweight(to_tsvector('simple', filters), 'A')"
            )


def join_filters(apps, schema_editor):
    SearchEntry = apps.get_model("directory", "SearchEntry")
    for entry in SearchEntry.objects.only("pk", "stemmed", "filters").iterator(chunk_size=2000):
        SearchEntry.objects.filter(pk=entry.pk).update(stemmed=f"{entry.stemmed} {entry.filters}".strip())
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_FTS_BACKWARD:
            schema_editor.execute(statement)
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("INSERT INTO directory_fts (rowid, stemmed) SELECT id, stemmed FROM directory_searchentry")


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_fulltextrow")]

    operations = [
        migrations.AddField(model_name="searchentry", name="filters", field=models.TextField(default="")),
        migrations.RunPython(split_filters, join_filters),
    ]
