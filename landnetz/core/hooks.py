"""Hooks: how a lower app tells higher apps that something changed, without importing them.

``core`` and ``accounts`` sit below the directory and the feature apps. When a topic is
renamed or a profile changes, the directory's derived search entries are stale; the lower
app calls ``stale(profiles=…, organisations=…)`` and the directory, which registered its
indexers in ``AppConfig.ready``, brings them up to date inside the same transaction.
Likewise, the profile card asks ``ask("organisations_of_member", …)`` and the
organisations app answers. Unanswered questions get the default.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

_stale_listeners: list[Callable] = []
_providers: dict[str, Callable] = {}
_worklist_providers: list[Callable] = []
_panel_providers: dict[str, list[Callable]] = {}


@dataclass(frozen=True)
class WorkItem:
    """One line of a member's work list on the start page: what waits, how many, where."""

    label: str
    count: int
    url: str


@dataclass(frozen=True)
class Panel:
    """One section of a page that a higher app fills: a member's own start page ("start"),
    a group's page ("group"). The page includes ``template`` with ``panel`` set to
    ``context``; ``order`` places it (lower first; on the start page: the feed 10,
    messages 20, questions 30, groups 40).
    """

    order: int
    template: str
    context: dict


def on_stale(listener: Callable) -> None:
    """``listener(profiles=[…], organisations=[…], groups=[…])`` runs whenever derived data
    is stale (a listener takes ``**_`` for the kinds of objects it does not care about)."""
    _stale_listeners.append(listener)


def stale(*, profiles: Iterable = (), organisations: Iterable = (), groups: Iterable = ()) -> None:
    """Derived data about these objects is out of date: a profile's text, an organisation's
    name, a group's kind or moderation state (whose posts' search audience follows it)."""
    profiles, organisations, groups = list(profiles), list(organisations), list(groups)
    for listener in _stale_listeners:
        listener(profiles=profiles, organisations=organisations, groups=groups)


def provide(question: str, answer: Callable) -> None:
    _providers[question] = answer


def ask(question: str, *args, default=None, **kwargs):
    answer = _providers.get(question)
    return default if answer is None else answer(*args, **kwargs)


def add_to_worklist(provider: Callable) -> None:
    """``provider(user)`` returns the ``WorkItem``s waiting for this member (often none)."""
    _worklist_providers.append(provider)


def worklist(user) -> list[WorkItem]:
    """Everything waiting for ``user``, from every app that registered a provider."""
    return [item for provider in _worklist_providers for item in provider(user) if item.count]


def add_panel(place: str, provider: Callable) -> None:
    """``provider(viewer, **objects)`` returns a ``Panel`` for the page ``place`` or ``None``
    ("start": ``provider(user)``; "group": ``provider(viewer, group=group)``). A provider
    costs a constant number of queries."""
    _panel_providers.setdefault(place, []).append(provider)


def panels(place: str, viewer, **objects) -> list[Panel]:
    """The panels of the page ``place`` for ``viewer`` from every app that provides one, in order."""
    found = [panel for provider in _panel_providers.get(place, []) if (panel := provider(viewer, **objects))]
    return sorted(found, key=lambda panel: panel.order)
