"""Shared helpers of the feed services: rate limits, the index, notifications, files."""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from landnetz.core import ratelimits
from landnetz.feed import notifications as kinds
from landnetz.feed.models import Post
from landnetz.feed.search import POST
from landnetz.notifications.models import Notification
from landnetz.search import index as search_index

RATE_LIMITED = _("You have written a lot in a short time. Please wait a while and try again.")


def limit(action: str, actor, field: str = "body") -> None:
    if not ratelimits.consume(action, actor.pk):
        raise ValidationError({field: ValidationError(RATE_LIMITED, code="rate_limited")})


def reindex(*posts: Post) -> None:
    posts = [post for post in posts if post is not None and post.pk is not None]
    if posts:
        search_index.reindex(POST, Post.objects.filter(pk__in=[post.pk for post in posts]))


def forget_notifications(*, post_ids=(), comment_ids=()) -> None:
    """Deleted content leaves no notification that points to it."""
    post_ids, comment_ids = [int(pk) for pk in post_ids], [int(pk) for pk in comment_ids]
    mine = Notification.objects.filter(kind__in=kinds.ALL)
    if post_ids:
        mine.filter(url_kwargs__post_id__in=post_ids).delete()
    if comment_ids:
        mine.filter(data__comment__in=comment_ids).delete()


def delete_files_later(files) -> None:
    """Remove stored files once the transaction that deleted their rows has committed."""
    for file in files:
        if file and file.name:
            transaction.on_commit(partial(file.storage.delete, file.name))


def files_of(posts) -> list:
    """The stored pictures and attachments of these posts (before their rows go)."""
    found = []
    for post in posts:
        found.extend(image.image for image in post.images.all())
        found.extend(attachment.file for attachment in post.attachments.all())
    return found
