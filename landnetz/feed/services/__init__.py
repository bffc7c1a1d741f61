"""Writes of the feed: posts, comments, reactions, follows, link previews.

Every function is keyword-only and runs in one transaction (see each module).
"""

from landnetz.feed.services.comments import (
    Gone,
    add_comment,
    delete_comment,
    delete_comment_rows,
    set_comment_hidden,
    update_comment,
)
from landnetz.feed.services.posts import (
    PIN_DAYS,
    Written,
    create_post,
    delete_post,
    delete_post_rows,
    pin_post,
    set_hidden,
    unpin_post,
    update_post,
)
from landnetz.feed.services.social import follow, toggle_reaction, unfollow

__all__ = [
    "PIN_DAYS",
    "Gone",
    "Written",
    "add_comment",
    "create_post",
    "delete_comment",
    "delete_comment_rows",
    "delete_post",
    "delete_post_rows",
    "follow",
    "pin_post",
    "set_comment_hidden",
    "set_hidden",
    "toggle_reaction",
    "unfollow",
    "unpin_post",
    "update_comment",
    "update_post",
]
