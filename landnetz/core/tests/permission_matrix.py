"""Read the permission matrix from docs/permissions.md and list the project's URLs.

The table in the docs is the specification *and* the test: every URL of the URLconf
needs a row, and every row is requested as every role.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

DOC = Path(settings.BASE_DIR) / "docs" / "permissions.md"
ROLES = ["anonymous", "member", "coordinator", "admin"]


@dataclass
class Row:
    key: str
    kwargs: dict[str, str]
    expected: dict[str, int]


def read_matrix() -> list[Row]:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("<!-- matrix:start -->")[1].split("<!-- matrix:end -->")[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        key, args, *statuses = cells
        kwargs = dict(pair.split("=", 1) for pair in args.split(",") if "=" in pair)
        rows.append(Row(key, kwargs, {role: int(status) for role, status in zip(ROLES, statuses, strict=True)}))
    return rows


def url_keys() -> set[str]:
    """Every URL as 'namespace:name', or as its route when unnamed; admin URLs as 'admin:*'."""
    keys: set[str] = set()

    def walk(patterns, namespace: str | None, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin" or route.lstrip("^").startswith(settings.ADMIN_URL):
                    keys.add("admin:*")
                    continue
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, inner, "" if _is_language_prefix(pattern) else route)
            elif isinstance(pattern, URLPattern):
                if pattern.name:
                    keys.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
                else:
                    keys.add("/" + re.sub(r"[\^$]", "", route))

    walk(get_resolver().url_patterns, None, "")
    return keys


def _is_language_prefix(resolver: URLResolver) -> bool:
    return type(resolver.pattern).__name__ == "LocalePrefixPattern"
