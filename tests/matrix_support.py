"""What the permission matrix (docs/permissions.md) needs from each app, and the database snapshot.

An app describes the objects its URLs name and the forms its POST rows send in
``landnetz/<app>/tests/matrix.py``::

    from tests.matrix_support import MatrixObject

    def _club(users) -> MatrixObject:
        organisation, admin = ...                 # created through the app's services
        return MatrixObject(organisation.slug, owner=admin, obj=organisation)

    OBJECTS = {"ORGANISATION": _club}             # placeholder → factory(users)
    BODIES = {"JOIN": lambda ctx: {}}             # body name → builder(ctx) → POST data

Every factory is called again for every single request of a row (each method × each
role), so a successful POST by one role never changes what the next role sees. A
builder gets a :class:`Context`: the user who sends the request (``None`` for the
anonymous visitor) and the objects of this request, and returns the data a person's
browser would send (files as ``SimpleUploadedFile``). Builders that need unique values
(names, addresses) take them from :func:`unique`.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import connection

_counter = itertools.count(1)


def unique(prefix: str = "matrix") -> str:
    """A short value never used before in this test run (names, slugs, e-mail local parts)."""
    return f"{prefix}{next(_counter)}"


@dataclass
class MatrixObject:
    """One object a matrix URL names by an UPPER_CASE placeholder.

    ``value`` goes into the URL; ``owner`` is the member the column "owner" logs in as
    (the profile's member, the organisation's administrator, the invitation's addressee;
    ``None`` when the object belongs to nobody, e.g. a topic); ``obj`` and ``extra`` are
    for body builders (``extra``: related rows, e.g. a join request to approve).
    """

    value: str
    owner: Any = None
    obj: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    user: Any  # who sends the request; None for the anonymous visitor
    role: str
    users: dict[str, Any]
    objects: dict[str, MatrixObject]  # by placeholder

    @property
    def object(self) -> MatrixObject:
        """The row's first object (the one its URL names)."""
        return next(iter(self.objects.values()))


ObjectFactory = Callable[[dict[str, Any]], MatrixObject]
BodyBuilder = Callable[[Context], dict[str, Any]]


# --- Database snapshot ------------------------------------------------------------------------

#: Compared by row count only. A session row is written on every request of a logged-in
#: member (idle timeout); a login adds one, a logout removes one.
COUNTED_ONLY = {"django_session"}


def _tables() -> list[tuple[str, str]]:
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        tables[meta.db_table] = meta.pk.column
    return sorted(tables.items())


def database_snapshot() -> dict[str, Any]:
    """Every row of every table of the project (sessions: their number), ordered by key."""
    quote = connection.ops.quote_name
    snapshot: dict[str, Any] = {}
    with connection.cursor() as cursor:
        for table, pk in _tables():
            if table in COUNTED_ONLY:
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (names from the models)
                snapshot[table] = cursor.fetchone()[0]
            else:
                cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {quote(pk)}")  # noqa: S608
                snapshot[table] = [_hashable_row(row) for row in cursor.fetchall()]
    return snapshot


def _hashable_row(row) -> tuple:
    row = tuple(row)
    try:
        hash(row)
    except TypeError:  # PostgreSQL arrays and JSON come back as lists and dicts
        return tuple(_hashable(value) for value in row)
    return row


def _hashable(value):
    if isinstance(value, memoryview):
        return value.tobytes()
    if isinstance(value, list | dict):
        return repr(value)
    return value


def changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What differs between two snapshots: one short line per changed table (none: nothing changed)."""
    lines = []
    for table in sorted(before.keys() | after.keys()):
        old, new = before.get(table), after.get(table)
        if old == new:
            continue
        if isinstance(old, int) or isinstance(new, int):
            lines.append(f"{table}: {old} → {new} rows")
            continue
        old_rows, new_rows = set(old or []), set(new or [])
        added, removed = len(new_rows - old_rows), len(old_rows - new_rows)
        counts = f"{len(old or [])} → {len(new or [])} rows"
        lines.append(f"{table}: {counts} ({added} new or changed, {removed} gone or changed)")
    return lines
