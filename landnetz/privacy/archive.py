"""Write a member's data export: everything that refers to them, as JSON plus their files.

What goes in is decided by the registry (``privacy.registry.register_export``): each
app names its models and how they refer to a member; relations deliberately left out
are registered with a reason (``register_exclusion``). ``tests/test_export.py`` fails when
a model relates to users and is in neither list. Rows are read in chunks and written to
the zip as they come, so a member with many rows does not fill the memory.
"""

import datetime
import decimal
import json
import zipfile
from pathlib import PurePosixPath

from django.apps import apps
from django.db import models
from django.utils import timezone

from landnetz.privacy import registry

CHUNK = 1000


def _value(field, instance):
    value = getattr(instance, field.attname)
    if isinstance(field, models.FileField):
        return str(value) if value else ""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _rows(spec: registry.ExportSpec, user):
    model = apps.get_model(spec.model)
    fields = [field for field in model._meta.concrete_fields if field.name not in spec.exclude]
    queryset = model._default_manager.filter(**{spec.relation: user.pk}).order_by("pk")
    for instance in queryset.iterator(chunk_size=CHUNK):
        files = [
            getattr(instance, field.name)
            for field in fields
            if isinstance(field, models.FileField) and getattr(instance, field.attname)
        ]
        yield {field.name: _value(field, instance) for field in fields}, files


def write_export(user, target) -> int:
    """Write the zip for ``user`` into the binary file object ``target``; return the row count."""
    count, stored = 0, []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("landnetz-data.json", "w") as raw:
            raw.write(
                json.dumps({"generated_at": timezone.now().isoformat(), "member": user.pk})[:-1].encode()
                + b', "sections": {'
            )
            for index, spec in enumerate(sorted(registry.exports(), key=lambda spec: spec.title)):
                raw.write((", " if index else "").encode() + json.dumps(spec.title).encode() + b": [")
                for position, (row, files) in enumerate(_rows(spec, user)):
                    raw.write((", " if position else "").encode() + json.dumps(row, default=str).encode())
                    count += 1
                    stored.extend((spec.model, file) for file in files)
                raw.write(b"]")
            raw.write(b"}}")
        # Files after the JSON (a zip member is written as a whole): photos, logos.
        for label, file in stored:
            if not file.storage.exists(file.name):
                continue
            member = f"files/{label}/{PurePosixPath(file.name).name}"
            with file.storage.open(file.name, "rb") as source, archive.open(member, "w") as out:
                while chunk := source.read(1 << 16):
                    out.write(chunk)
    return count
