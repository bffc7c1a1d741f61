"""Building and expiring data exports (run by the task worker and the daily schedule)."""

import tempfile
from datetime import timedelta
from functools import partial

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from landnetz.privacy import archive
from landnetz.privacy.models import DataExport

EXPORT_DAYS = 7


def build_export(export_id: int) -> bool:
    """Write the export file (runs in the task worker). Older exports of the member go."""
    export = DataExport.objects.select_related("user").filter(pk=export_id, status=DataExport.Status.PENDING).first()
    if export is None:
        return False
    try:
        with tempfile.TemporaryFile() as buffer:
            archive.write_export(export.user, buffer)
            buffer.seek(0)
            export.file.save("data.zip", File(buffer), save=False)
    except Exception:
        DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.FAILED, finished_at=timezone.now())
        raise
    now = timezone.now()
    export.status, export.finished_at, export.expires_at = (
        DataExport.Status.READY,
        now,
        now + timedelta(days=EXPORT_DAYS),
    )
    export.save(update_fields=["file", "status", "finished_at", "expires_at"])
    for old in DataExport.objects.filter(user=export.user).exclude(pk=export.pk):
        _delete_export(old)
    return True


def _delete_export(export: DataExport) -> None:
    if export.file:
        transaction.on_commit(partial(export.file.storage.delete, export.file.name))
    export.delete()


def delete_expired_exports() -> int:
    """Retention: exports are offered for 7 days, then deleted with their files."""
    expired = list(DataExport.objects.filter(expires_at__lt=timezone.now()))
    for export in expired:
        with transaction.atomic():
            _delete_export(export)
    return len(expired)
