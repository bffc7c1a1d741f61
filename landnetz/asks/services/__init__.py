"""Writes of the OpenMIC: keyword-only, one transaction each, permission checked first."""

from landnetz.asks.services.answers import (
    delete_answer,
    delete_answer_rows,
    edit_answer,
    post_answer,
    set_answer_hidden,
    set_helpful,
    toggle_vote,
)
from landnetz.asks.services.follow_up import escalate_unanswered, follow_up, widen_unanswered
from landnetz.asks.services.questions import (
    ask_question,
    delete_question,
    delete_question_rows,
    edit_question,
    preview_first_wave,
    set_closed,
    set_question_hidden,
)

__all__ = [
    "ask_question",
    "delete_answer",
    "delete_answer_rows",
    "delete_question",
    "delete_question_rows",
    "edit_answer",
    "edit_question",
    "escalate_unanswered",
    "follow_up",
    "post_answer",
    "preview_first_wave",
    "set_answer_hidden",
    "set_closed",
    "set_helpful",
    "set_question_hidden",
    "toggle_vote",
    "widen_unanswered",
]
