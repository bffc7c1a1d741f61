"""Panels (``core.hooks.add_panel``): "Your messages" on the start page; "Write a message"
and "Block" on another member's profile page."""

from landnetz.core.hooks import Panel
from landnetz.messaging import cards, queries
from landnetz.messaging.permissions import unreachable
from landnetz.moderation.queries import blocked_ids

ORDER = 20


def start_panel(user) -> Panel | None:
    """Up to five unread conversations and how many there are (three queries)."""
    unread = queries.unread_count(user)
    rows = list(queries.unread_conversations_of(user)[: queries.PANEL_SIZE]) if unread else []
    return Panel(
        order=ORDER,
        template="messaging/start_panel.html",
        context={"cards": [cards.card(row) for row in rows], "unread": unread},
    )


def person_panel(viewer, *, member) -> Panel | None:
    """On another member's profile page: write to them (when they accept it), block or unblock."""
    if not viewer.is_authenticated or viewer.pk == member.pk:
        return None
    blocked = member.pk in blocked_ids(viewer)
    return Panel(
        order=ORDER,
        template="messaging/person_panel.html",
        context={"member": member, "can_write": not unreachable(viewer, [member]), "blocked": blocked},
    )
