"""The feed's panels: "News for you" on a member's start page, the posts on a group's page."""

from landnetz.core.hooks import Panel
from landnetz.core.permissions import is_member
from landnetz.feed import permissions, queries, rendering
from landnetz.feed.forms import PostForm
from landnetz.groups.permissions import can_read_content

START_ORDER = 10
GROUP_ORDER = 10
GROUP_SIZE = 10
GROUP_PANEL_PREFIX = "group-post"  # the create view knows it (views.GROUP_PANEL_PREFIX)


def start_panel(user) -> Panel | None:
    """The first posts of the member's feed (pinned ones of their regions first)."""
    if not is_member(user):
        return None
    page = queries.feed_page(user, size=queries.PANEL_SIZE)
    posts = [*page.pinned, *page.posts][: queries.PANEL_SIZE + len(page.pinned)]
    for post in posts:
        post.summary = rendering.excerpt(post.body, 240)
    return Panel(
        order=START_ORDER, template="feed/panels/start.html", context={"posts": posts, "more": bool(page.next_cursor)}
    )


def group_panel(viewer, *, group) -> Panel | None:
    """A group's own feed on its page, and a short form to post there for its members."""
    if not is_member(viewer) or not can_read_content(viewer, group):
        return None
    page = queries.feed_page(viewer, group=group, size=GROUP_SIZE)
    may_post = permissions.may_post_to_group(viewer, group)
    return Panel(
        order=GROUP_ORDER,
        template="feed/panels/group.html",
        context={
            "group": group,
            "posts": page.posts,
            "more": bool(page.next_cursor),
            "form": PostForm(user=viewer, group=group, prefix=GROUP_PANEL_PREFIX) if may_post else None,
            "next_url": group.get_absolute_url(),
        },
    )
