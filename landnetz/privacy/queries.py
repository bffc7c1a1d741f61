"""Reads of the privacy seam: a member's own exports only."""

from django.utils import timezone

from landnetz.privacy.models import DataExport


def latest_export(user) -> DataExport | None:
    return DataExport.objects.filter(user=user).order_by("-requested_at", "-id").first()


def downloadable_export(user, export_id: int) -> DataExport | None:
    """The member's own, finished, not yet expired export, else None (answered with 404)."""
    return (
        DataExport.objects.filter(
            pk=export_id, user=user, status=DataExport.Status.READY, expires_at__gt=timezone.now()
        )
        .exclude(file="")
        .first()
    )
