"""What can be reported, registered by the apps that own it.

An app registers a ``Reportable`` in ``AppConfig.ready``: how to find an object as a
given viewer sees it, its region (whose moderators decide), its owner (who is told the
outcome), a title for the queue, its page, and how to hide, restore and delete it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reportable:
    kind: str  # "<app>.<model>", stored with every report
    label: str  # lazy: "Profile", "Organisation"
    visible: Callable  # (viewer, object_id) -> object or None
    get: Callable  # (object_id) -> object or None, regardless of visibility (for moderators)
    region_of: Callable  # (obj) -> Region | None
    owners_of: Callable  # (obj) -> list of users told about decisions
    title_of: Callable  # (obj) -> str
    url_of: Callable  # (obj) -> (url name, kwargs)
    hide: Callable  # (obj) -> None
    restore: Callable  # (obj) -> None
    delete: Callable  # (obj, actor) -> None


_reportables: dict[str, Reportable] = {}


def register(reportable: Reportable) -> None:
    _reportables[reportable.kind] = reportable


def get(kind: str) -> Reportable | None:
    return _reportables.get(kind)
