"""Thin task wrappers; the work is in ``privacy.exports``."""

from django.tasks import task

from landnetz.privacy import exports


@task()
def build_data_export(export_id: int) -> bool:
    return exports.build_export(export_id)
