"""Comments and replies (one level), edited and deleted like posts."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.core.services import audit
from landnetz.feed import mentions, permissions
from landnetz.feed import notifications as kinds
from landnetz.feed.models import MAX_COMMENT, Comment, Mention, Post
from landnetz.feed.services.common import forget_notifications, limit, reindex
from landnetz.feed.services.posts import Written, _check_language, _mention, _readers, _region, check_text
from landnetz.moderation.queries import blocking_ids
from landnetz.notifications.services import notify

POST_GONE = _("This post has been deleted. Your comment was not saved.")
COMMENT_GONE = _("The comment you replied to has been deleted. Your reply was not saved.")


class Gone(ValidationError):
    """The post or the comment replied to no longer exists (or the writer cannot read it)."""


@transaction.atomic
def add_comment(*, actor, post: Post, body: str, body_language: str, parent: Comment | int | None = None) -> Written:
    """Comment on a post, or reply to a comment of it. A reply to a reply answers the
    comment above it (one level of replies)."""
    locked = (
        Post.objects.select_for_update(of=("self",))
        .select_related("group__region", "region")
        .filter(pk=post.pk)
        .first()
    )
    if locked is None:
        raise Gone(POST_GONE, code="post_gone")
    post = locked
    if not permissions.may_take_part(actor, post):
        raise PermissionDenied
    body = check_text(body, maximum=MAX_COMMENT)
    body_language = _check_language(body_language)
    replied = None
    if parent is not None:
        parent_id = getattr(parent, "pk", parent)
        replied = (
            Comment.objects.select_for_update(of=("self",))
            .filter(Q(hidden=False) | Q(author=actor), pk=parent_id, post=post)
            .select_related("author", "parent__author")
            .first()
        )
        if replied is None:
            raise Gone(COMMENT_GONE, code="comment_gone")
        if replied.parent_id is not None:
            replied = replied.parent
    limit("comment", actor)
    resolved = mentions.resolve(actor, body)
    comment = Comment.objects.create(
        post=post, parent=replied, author=actor, body=resolved.text, body_language=body_language
    )
    unreached = _mention(actor=actor, post=post, comment=comment, users=resolved.users)
    told = {user.pk for user in resolved.users} | {actor.pk}
    blocked = blocking_ids(actor)
    data = {"post": post.pk, "comment": comment.pk}
    url = ("feed:detail", {"post_id": post.pk})
    if replied is not None and replied.author_id not in told and replied.author_id not in blocked:
        readers, _others = _readers(post, [replied.author])
        notify(recipients=readers, kind=kinds.REPLY, actor=actor, data=data, url=url)
        told.add(replied.author_id)
    if post.author_id not in told and post.author_id not in blocked:
        readers, _others = _readers(post, [post.author])
        notify(recipients=readers, kind=kinds.COMMENT, actor=actor, data=data, url=url)
    reindex(post)
    return Written(comment, unresolved=resolved.unresolved, unreached=unreached)


def _locked(comment: Comment) -> Comment:
    current = (
        Comment.objects.select_for_update(of=("self",))
        .select_related("post__group__region", "post__region")
        .filter(pk=comment.pk)
        .first()
    )
    if current is None:
        raise Gone(_("This comment has been deleted."), code="comment_gone")
    return current


@transaction.atomic
def update_comment(*, actor, comment: Comment, body: str, body_language: str) -> Written:
    comment = _locked(comment)
    if not permissions.can_edit_comment(actor, comment):
        raise PermissionDenied
    body = check_text(body, maximum=MAX_COMMENT)
    body_language = _check_language(body_language)
    resolved = mentions.resolve(actor, body)
    before = set(Mention.objects.filter(comment=comment).values_list("user_id", flat=True))
    if resolved.text != comment.body:
        comment.edited_at = timezone.now()
    comment.body, comment.body_language = resolved.text, body_language
    comment.save(update_fields=["body", "body_language", "edited_at"])
    unreached = _mention(actor=actor, post=comment.post, comment=comment, users=resolved.users, before=before)
    reindex(comment.post)
    return Written(comment, unresolved=resolved.unresolved, unreached=unreached)


def delete_comment_rows(*, actor, comment: Comment) -> None:
    """Delete a comment with its replies and the notifications pointing to them."""
    ids = [comment.pk, *Comment.objects.filter(parent=comment).values_list("pk", flat=True)]
    forget_notifications(comment_ids=ids)
    post = comment.post
    if actor is not None and actor.pk != comment.author_id:
        audit(actor=actor, verb="comment.deleted", obj=comment, region=_region(post))
    comment.delete()
    reindex(post)


@transaction.atomic
def delete_comment(*, actor, comment: Comment) -> None:
    try:
        comment = _locked(comment)
    except Gone:
        return
    if not permissions.can_delete_comment(actor, comment):
        raise PermissionDenied
    delete_comment_rows(actor=actor, comment=comment)


@transaction.atomic
def set_comment_hidden(*, comment: Comment, hidden: bool) -> None:
    Comment.objects.filter(pk=comment.pk).update(hidden=hidden)
    comment.hidden = hidden
    reindex(comment.post)
