"""Objects and forms of the notifications app for the permission matrix (docs/permissions.md).

- ``NOTIFICATION``: an unread notification of its "owner" (the first registered kind,
  linking to the start page).
- ``UNSUBSCRIBE_TOKEN``: the one-click unsubscribe link of the "owner" for a kind that
  sends e-mails (RFC 8058).
"""

from landnetz.notifications import registry, services
from landnetz.notifications.tokens import unsubscribe_token
from tests.factories import UserFactory
from tests.matrix_support import MatrixObject


def _mailed_kind() -> registry.Kind:
    return next(kind for kind in registry.kinds() if kind.emails)


def _notification(users) -> MatrixObject:
    owner = UserFactory(display_name="Matrix Benachrichtigte")
    kind = registry.kinds()[0]
    (notification,) = services.notify(recipients=[owner], kind=kind.key, data={}, url=("core:home", {}))
    assert notification.read_at is None
    return MatrixObject(str(notification.pk), owner=owner, obj=notification)


def _unsubscribe_token(users) -> MatrixObject:
    owner = UserFactory(display_name="Matrix Abbestellerin")
    return MatrixObject(unsubscribe_token(owner, _mailed_kind().key), owner=owner)


OBJECTS = {"NOTIFICATION": _notification, "UNSUBSCRIBE_TOKEN": _unsubscribe_token}

BODIES = {
    # The buttons "Mark all as read", a notification's link (a form) and "Unsubscribe".
    "MARK_ALL_READ": lambda ctx: {},
    "OPEN": lambda ctx: {},
    "UNSUBSCRIBE": lambda ctx: {},
    # E-mail settings: a weekly summary for every kind that sends e-mails.
    "CHANNELS": lambda ctx: {kind.key: registry.WEEKLY for kind in registry.kinds() if kind.emails},
}
