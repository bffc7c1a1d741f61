"""Read the permission matrix from docs/permissions.md and list the project's URLs and methods.

The table in the docs is the specification *and* the test (format: "Matrix" in
docs/permissions.md): every URL of the URLconf needs a row for every method its view
accepts, and every row is sent as every role.
"""

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

DOC = Path(settings.BASE_DIR) / "docs" / "permissions.md"
ROLES = ["anonymous", "member", "coordinator", "owner", "admin"]
COLUMNS = ["URL", "method", "arguments", "body", *ROLES, "same for all"]
METHODS = ("GET", "POST")
CHANGES = "✓"
NOT_SENT = {"–", "-", ""}
#: Words a redirect cell may name: where the redirect goes (``302 login``).
REDIRECTS = {"login": "account_login", "reauth": "account_reauthenticate"}
#: ``ORGANISATION`` (its URL value) or ``ORGANISATION.pk`` (an attribute of the object).
PLACEHOLDER = re.compile(r"^(?P<name>[A-Z][A-Z0-9_]*)(?:\.(?P<attribute>[a-z_]+))?$")


class MatrixFormatError(ValueError):
    pass


@dataclass(frozen=True)
class Answer:
    """What one role gets: the status, where a redirect goes (a REDIRECTS word) and whether data changed."""

    status: int
    redirect: str | None = None
    changes: bool = False

    def __str__(self) -> str:
        return " ".join(
            part for part in (str(self.status), self.redirect or "", CHANGES if self.changes else "") if part
        )

    @classmethod
    def parse(cls, cell: str, where: str) -> "Answer | None":
        if cell in NOT_SENT:
            return None
        words = cell.split()
        if not words[0].isdigit():
            raise MatrixFormatError(f"{where}: a cell starts with a status code, not {cell!r}")
        redirect, changes = None, False
        for word in words[1:]:
            if word == CHANGES:
                changes = True
            elif word in REDIRECTS and redirect is None:
                redirect = word
            else:
                raise MatrixFormatError(
                    f"{where}: unknown word {word!r} in {cell!r} (allowed: {', '.join(REDIRECTS)}, {CHANGES})"
                )
        if redirect and not 300 <= int(words[0]) < 400:
            raise MatrixFormatError(f"{where}: {redirect!r} only follows a redirect status")
        return cls(int(words[0]), redirect, changes)


@dataclass
class Row:
    key: str
    methods: tuple[str, ...]
    kwargs: dict[str, str]
    objects: tuple[str, ...]  # placeholders the URL does not name (the body refers to them)
    body: str | None
    expected: dict[str, Answer | None]
    same_for_all: str
    line: int

    @property
    def placeholders(self) -> list[str]:
        names = [match["name"] for value in self.kwargs.values() if (match := PLACEHOLDER.match(value))]
        return names + list(self.objects)

    @property
    def id(self) -> str:
        args = _arguments(self)
        return " ".join(part for part in (self.key, "+".join(self.methods), args, self.body or "") if part)

    def cells(self) -> str:
        """The row as it would be written in the table, with these answers."""
        return row_line(self, self.expected)


def _arguments(row: Row) -> str:
    return ",".join([*(f"{name}={value}" for name, value in row.kwargs.items()), *row.objects])


def row_line(row: Row, answers: dict[str, Answer | None]) -> str:
    cells = [
        f"`{row.key}`",
        ", ".join(row.methods),
        _arguments(row),
        row.body or "",
        *(str(answers[role]) if answers.get(role) else "–" for role in ROLES),
        row.same_for_all,
    ]
    return "| " + " | ".join(cells) + " |"


def _table(text: str, name: str) -> list[tuple[int, list[str]]]:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    before, rest = text.split(start, 1)
    table = rest.split(end, 1)[0]
    first_line = before.count("\n") + 1
    lines = []
    for offset, line in enumerate(table.splitlines()):
        if not line.strip().startswith("|"):
            continue
        lines.append((first_line + offset, [cell.strip() for cell in line.strip().strip("|").split("|")]))
    return lines[2:]  # header and separator


def _code(cell: str) -> str:
    return cell.strip().strip("`").strip()


def read_matrix() -> list[Row]:
    text = DOC.read_text(encoding="utf-8")
    rows = []
    for line, cells in _table(text, "matrix"):
        where = f"docs/permissions.md:{line}"
        if len(cells) != len(COLUMNS):
            raise MatrixFormatError(
                f"{where}: {len(cells)} cells, the matrix has {len(COLUMNS)} ({', '.join(COLUMNS)})"
            )
        key, methods, args, body, *statuses, same = cells
        method_list = tuple(method.strip().upper() for method in methods.split(",") if method.strip())
        if not method_list or set(method_list) - set(METHODS):
            raise MatrixFormatError(f"{where}: methods are {' or '.join(METHODS)}, not {methods!r}")
        pairs = [pair.strip() for pair in args.split(",") if pair.strip()]
        kwargs = dict(pair.split("=", 1) for pair in pairs if "=" in pair)
        objects = tuple(pair for pair in pairs if "=" not in pair)
        if any(not PLACEHOLDER.match(name) for name in objects):
            raise MatrixFormatError(f"{where}: arguments are name=value or an OBJECT placeholder, not {args!r}")
        body = None if _code(body) in NOT_SENT else _code(body)
        if method_list == ("POST",) and body is None:
            raise MatrixFormatError(f"{where}: a POST row names the body it sends")
        if "POST" not in method_list and body is not None:
            raise MatrixFormatError(f"{where}: only a POST row has a body")
        expected = {role: Answer.parse(_code(cell), where) for role, cell in zip(ROLES, statuses, strict=True)}
        if "GET" in method_list and any(answer and answer.changes for answer in expected.values()):
            raise MatrixFormatError(f"{where}: a GET never changes data ({CHANGES})")
        rows.append(Row(_code(key), method_list, kwargs, objects, body, expected, same.strip(), line))
    return rows


@dataclass
class Exemption:
    pattern: str
    method: str
    reason: str

    def covers(self, key: str, method: str) -> bool:
        return method == self.method and fnmatch.fnmatchcase(key, self.pattern)


def read_exemptions() -> list[Exemption]:
    """Methods a view accepts that have no row, with the reason why ("Methods without a row")."""
    exemptions = []
    for line, cells in _table(DOC.read_text(encoding="utf-8"), "unsent"):
        if len(cells) != 3 or not cells[2]:
            raise MatrixFormatError(f"docs/permissions.md:{line}: URL | method | why — the reason is required")
        exemptions.append(Exemption(_code(cells[0]), cells[1].strip().upper(), cells[2]))
    return exemptions


# --- The URLconf ---------------------------------------------------------------------------------


def url_views() -> dict[str, object]:
    """Every URL as 'namespace:name' (or its route when unnamed) → its view; admin URLs as 'admin:*'."""
    views: dict[str, object] = {}

    def walk(patterns, namespace: str | None, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin" or route.lstrip("^").startswith(settings.ADMIN_URL):
                    views["admin:*"] = None
                    continue
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, inner, "" if _is_language_prefix(pattern) else route)
            elif isinstance(pattern, URLPattern):
                if pattern.name:
                    views.setdefault(f"{namespace}:{pattern.name}" if namespace else pattern.name, pattern.callback)
                else:
                    views.setdefault("/" + re.sub(r"[\^$]", "", route), pattern.callback)

    walk(get_resolver().url_patterns, None, "")
    return views


def url_keys() -> set[str]:
    return set(url_views())


def accepted_methods(view) -> set[str]:
    """GET and/or POST, as far as the view lets them through.

    Class-based views: the handlers the class defines. Function views: the list of
    ``require_http_methods`` (also ``require_POST``/``require_GET``) anywhere in the chain
    of decorators; a function view without one answers every method.
    """
    if view is None:
        return set(METHODS)
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return {method.upper() for method in view_class.http_method_names if hasattr(view_class, method)} & set(METHODS)
    function = view
    while function is not None:
        closure = getattr(function, "__closure__", None) or ()
        names = getattr(getattr(function, "__code__", None), "co_freevars", ())
        for name, cell in zip(names, closure, strict=False):
            if name == "request_method_list":
                return set(cell.cell_contents) & set(METHODS)
        function = getattr(function, "__wrapped__", None)
    return set(METHODS)


def _is_language_prefix(resolver: URLResolver) -> bool:
    return type(resolver.pattern).__name__ == "LocalePrefixPattern"
