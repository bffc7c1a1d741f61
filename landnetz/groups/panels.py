"""The groups app's panel on a member's own start page ("Your groups")."""

from landnetz.core.hooks import Panel
from landnetz.core.permissions import is_member
from landnetz.groups import queries

START_ORDER = 40
SHOWN = 8


def start_panel(user) -> Panel | None:
    """The member's groups (the first few, by name) with links; one query."""
    if not is_member(user):
        return None
    groups = list(queries.groups_of(user)[: SHOWN + 1])
    return Panel(
        order=START_ORDER,
        template="groups/panels/start.html",
        context={"groups": groups[:SHOWN], "more": len(groups) > SHOWN},
    )
