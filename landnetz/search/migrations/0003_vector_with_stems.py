"""PostgreSQL: the search vector also holds the stemmed text with compound-word tails.

Typo tolerance by trigram similarity now runs only for words the index does not know, so
"Ärztin" must find "Hausärztin" through the vector itself (see ``index._write``).
"""

from django.db import migrations

FORWARD = (
    "UPDATE search_searchentry SET search_vector = to_tsvector('german', document) "
    "|| to_tsvector('simple', stemmed) || setweight(to_tsvector('simple', filters), 'A')"
)
BACKWARD = (
    "UPDATE search_searchentry SET search_vector = to_tsvector('german', document) "
    "|| setweight(to_tsvector('simple', filters), 'A')"
)


def run(statement):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
