"""Posts and comments are reportable (registered with the moderation seam in ``apps.ready``).

The region that decides is the post's region (a group post: the group's region); network
posts are decided by network admins (``moderation`` treats "no region" so).
"""

from django.utils.translation import gettext_lazy as _

from landnetz.feed import queries, rendering
from landnetz.feed.models import Comment, Post
from landnetz.feed.services import delete_comment_rows, delete_post_rows, set_comment_hidden, set_hidden
from landnetz.moderation.registry import Reportable, register


def _region_of_post(post: Post):
    if post.target == Post.Target.REGION:
        return post.region
    if post.target == Post.Target.GROUP:
        return post.group.region
    return None


def _visible_comment(viewer, pk):
    return (
        Comment.objects.filter(post__in=queries.posts_visible_to(viewer), hidden=False, pk=pk)
        .select_related("post__region", "post__group__region", "author")
        .first()
    )


def register_reportables() -> None:
    register(
        Reportable(
            kind="feed.post",
            label=_("Post"),
            visible=lambda viewer, pk: (
                queries.posts_visible_to(viewer)
                .filter(pk=pk, hidden=False)
                .select_related("region", "group__region", "author")
                .first()
            ),
            get=lambda pk: Post.objects.select_related("region", "group__region", "author").filter(pk=pk).first(),
            region_of=_region_of_post,
            owners_of=lambda post: [post.author],
            title_of=lambda post: rendering.excerpt(post.body, 80),
            url_of=lambda post: ("feed:detail", {"post_id": post.pk}),
            hide=lambda post: set_hidden(post=post, hidden=True),
            restore=lambda post: set_hidden(post=post, hidden=False),
            delete=lambda post, actor: delete_post_rows(actor=actor, post=post),
        )
    )
    register(
        Reportable(
            kind="feed.comment",
            label=_("Comment"),
            visible=_visible_comment,
            get=lambda pk: (
                Comment.objects.select_related("post__region", "post__group__region", "author").filter(pk=pk).first()
            ),
            region_of=lambda comment: _region_of_post(comment.post),
            owners_of=lambda comment: [comment.author],
            title_of=lambda comment: rendering.excerpt(comment.body, 80),
            url_of=lambda comment: ("feed:detail", {"post_id": comment.post_id}),
            hide=lambda comment: set_comment_hidden(comment=comment, hidden=True),
            restore=lambda comment: set_comment_hidden(comment=comment, hidden=False),
            delete=lambda comment, actor: delete_comment_rows(actor=actor, comment=comment),
        )
    )
