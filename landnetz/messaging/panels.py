"""The member's start page: "Your messages" (``core.hooks.add_panel("start", …)``)."""

from landnetz.core.hooks import Panel
from landnetz.messaging import cards, queries

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
