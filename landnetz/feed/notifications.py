"""The notification kinds of the feed (registered in ``apps.ready``).

Every one names the post it is about in ``url_kwargs`` (``post_id``) and, for comments,
``data["comment"]``: deleting a post or a comment deletes the notifications that point to
it (``services.common.forget_notifications``). No post text is copied into them.
"""

from django.utils.translation import gettext_lazy as _

from landnetz.notifications.registry import Kind

MENTION = "feed.mention"
COMMENT = "feed.comment"
REPLY = "feed.reply"


def _mention(data: dict):
    if data.get("in_comment"):
        return _("%(actor)s mentioned you in a comment.")
    return _("%(actor)s mentioned you in a post.")


KINDS = [
    Kind(key=MENTION, label=_("Mentions of me in posts and comments"), message=_mention),
    Kind(key=COMMENT, label=_("Comments on my posts"), message=_("%(actor)s commented on your post.")),
    Kind(key=REPLY, label=_("Replies to my comments"), message=_("%(actor)s replied to your comment.")),
]

ALL = [kind.key for kind in KINDS]
