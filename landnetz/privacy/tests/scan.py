"""Scan every text column of the database for a string (the deletion check of DSGVO Art. 17)."""

from django.apps import apps
from django.db import connection, models

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def places_holding(needle: str) -> list[str]:
    """``model.field`` (and raw tables) whose value contains ``needle``, case-insensitively."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS):
                continue
            lookup = f"{field.name}__icontains"
            if isinstance(field, models.JSONField):
                rows = model.objects.filter(**{f"{field.name}__isnull": False}).values_list(field.name, flat=True)
                if any(needle.lower() in str(value).lower() for value in rows):
                    found.append(f"{model._meta.label}.{field.name}")
            elif model.objects.filter(**{lookup: needle}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # Tables that are not Django models: the full-text index.
            cursor.execute("SELECT count(*) FROM search_fts WHERE stemmed LIKE %s", [f"%{needle}%"])
            if cursor.fetchone()[0]:
                found.append("search_fts")
    return found
