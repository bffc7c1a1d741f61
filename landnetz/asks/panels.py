"""The OpenMIC's section of a member's start page (``core.hooks`` place "start", order 30)."""

from landnetz.asks import queries
from landnetz.core.hooks import Panel
from landnetz.core.permissions import is_member

ORDER = 30
SHOWN = 5


def start_panel(user) -> Panel | None:
    """Questions the member may be able to answer, and their own open questions (four
    queries, however many questions there are)."""
    if not is_member(user):
        return None
    return Panel(
        order=ORDER,
        template="asks/panel_start.html",
        context={
            "may_answer": queries.may_answer_for_me(user, limit=SHOWN),
            "mine": queries.open_questions_of(user, limit=SHOWN),
            "mine_total": queries.count_open_questions_of(user),
        },
    )
