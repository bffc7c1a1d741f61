"""The kinds of notification, registered by the apps that send them.

A feature app registers its kinds in ``AppConfig.ready`` and calls
``notifications.services.notify(...)``; the seam knows no feature app. Each member
chooses per kind how e-mails come (at once, daily or weekly digest, none); the in-app
list always shows everything.
"""

from collections.abc import Callable
from dataclasses import dataclass

IMMEDIATELY, DAILY, WEEKLY, OFF = "immediately", "daily", "weekly", "off"
CHANNELS = (IMMEDIATELY, DAILY, WEEKLY, OFF)


@dataclass(frozen=True)
class Kind:
    key: str  # "<app>.<what>", stored with every notification
    label: str  # lazy: what the member chooses e-mails for, e.g. "Requests to join my organisations"
    # The sentence shown and mailed: a lazy string with %(actor)s and the keys of the
    # notification's data, or a callable(data) returning one (e.g. approved or declined).
    message: object
    default: str = IMMEDIATELY
    emails: bool = True  # False: in-app only (the app sends its own e-mail, e.g. an invitation link)

    def message_for(self, data: dict):
        return self.message(data) if isinstance(self.message, Callable) else self.message


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    if kind.default not in CHANNELS:
        raise ValueError(f"unknown channel {kind.default!r}")
    _kinds[kind.key] = kind


def get(key: str) -> Kind | None:
    return _kinds.get(key)


def kinds() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda kind: kind.key)
