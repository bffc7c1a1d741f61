"""The curated starting vocabulary (professions and services in every interface language).

Reads the copy shipped with this migration's app; coordinators edit the terms afterwards.
Only fills an empty vocabulary, so coordinators' work is never overwritten. Existing
search entries pick the words up with ``manage.py rebuild_search`` (see README).
"""

import json
from pathlib import Path

from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "data" / "vocabulary.json"


def seed(apps, schema_editor):
    Term = apps.get_model("search", "Term")
    if Term.objects.exists():
        return
    rows = json.loads(SEED.read_text(encoding="utf-8"))
    terms = {
        row["name"]: Term.objects.create(name=row["name"], kind=row["kind"], synonyms=row["synonyms"]) for row in rows
    }
    for row in rows:
        if row["broader"]:
            Term.objects.filter(pk=terms[row["name"]].pk).update(broader=terms[row["broader"]])


class Migration(migrations.Migration):
    dependencies = [("search", "0004_vocabulary")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
