"""Objects and forms of the privacy app for the permission matrix (docs/permissions.md).

- ``EXPORT``: a finished data export (a zip file) of its "owner", offered for 7 days.
"""

import io
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from landnetz.privacy.models import DataExport
from tests.factories import TEST_PASSWORD, UserFactory
from tests.matrix_support import MatrixObject


def _export(users) -> MatrixObject:
    owner = UserFactory(display_name="Matrix Auskunft")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("profile.json", '{"display_name": "Matrix Auskunft"}')
    now = timezone.now()
    export = DataExport.objects.create(
        user=owner, status=DataExport.Status.READY, finished_at=now, expires_at=now + timedelta(days=7)
    )
    export.file.save("export.zip", ContentFile(buffer.getvalue()), save=True)
    return MatrixObject(str(export.pk), owner=owner, obj=export)


OBJECTS = {"EXPORT": _export}

BODIES = {
    # "Delete my account": the member's own password and the confirmation box.
    "DELETE_ACCOUNT": lambda ctx: {"password": TEST_PASSWORD, "confirm": "on"},
    # "Prepare a copy of my data": only the button.
    "REQUEST_EXPORT": lambda ctx: {},
}
