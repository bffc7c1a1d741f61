"""Forms of the privacy app for the permission matrix (docs/permissions.md)."""

from tests.factories import TEST_PASSWORD

BODIES = {
    # "Delete my account": the member's own password and the confirmation box.
    "DELETE_ACCOUNT": lambda ctx: {"password": TEST_PASSWORD, "confirm": "on"},
}
