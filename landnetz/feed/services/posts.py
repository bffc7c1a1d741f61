"""Writing, editing, pinning and deleting posts.

Every function is keyword-only and runs in one transaction: check the rule
(``feed.permissions``), validate, save, mention and notify, keep the search index in step,
and schedule the link preview and file deletions for after the commit.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image

from landnetz.core.languages import WRITTEN_LANGUAGES
from landnetz.core.permissions import is_member
from landnetz.core.services import audit
from landnetz.feed import mentions, permissions, queries, rendering
from landnetz.feed import notifications as kinds
from landnetz.feed.models import MAX_BODY, Mention, Post, PostAttachment, PostImage
from landnetz.feed.services.common import delete_files_later, files_of, forget_notifications, limit, reindex
from landnetz.feed.tasks import fetch_link_preview
from landnetz.feed.uploads import CleanFile
from landnetz.notifications.services import notify

MAX_PICTURES = 4
MAX_FILES = 4
PIN_DAYS = (7, 14, 30)
ADDED_LATER = 100

EMPTY = _("Please write something.")
TOO_LONG = _("Your text has %(length)s characters. Please shorten it to at most %(limit)s characters.")
TOO_MANY_MENTIONS = _("Please mention at most %(limit)s members in one text.")
NOT_IN_GROUP = _("You can post only in groups you are a member of. Please choose one of your groups.")
NOT_ADMIN = _("You can post on behalf of an organisation only if you are one of its administrators.")


@dataclass
class Written:
    """A saved post or comment and what its author should be told about the mentions."""

    obj: object
    unresolved: list[str] = field(default_factory=list)  # names that mention nobody
    unreached: list = field(default_factory=list)  # members mentioned who cannot read it


def check_text(text: str, *, maximum: int = MAX_BODY, name: str = "body") -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({name: ValidationError(EMPTY, code="required")})
    if len(text) > maximum:
        raise ValidationError(
            {name: ValidationError(TOO_LONG, params={"length": len(text), "limit": maximum}, code="max_length")}
        )
    if mentions.count(text) > mentions.MAX_MENTIONS:
        raise ValidationError(
            {name: ValidationError(TOO_MANY_MENTIONS, params={"limit": mentions.MAX_MENTIONS}, code="mentions")}
        )
    return text


def _check_language(language: str) -> str:
    if language not in dict(WRITTEN_LANGUAGES):
        raise ValidationError(
            {"body_language": ValidationError(_("Please choose a language from the list."), code="invalid_choice")}
        )
    return language


def _check_kind(kind: str) -> str:
    if kind not in Post.Kind.values:
        raise ValidationError(
            {"kind": ValidationError(_("Please choose a kind from the list."), code="invalid_choice")}
        )
    return kind


def _check_target(actor, target: str, region, group) -> tuple:
    if target == Post.Target.NETWORK:
        return None, None
    if target == Post.Target.REGION:
        if region is None:
            raise ValidationError({"region": ValidationError(_("Please choose a region."), code="required")})
        return region, None
    if target == Post.Target.GROUP:
        if group is None:
            raise ValidationError({"group": ValidationError(_("Please choose a group."), code="required")})
        if not permissions.may_post_to_group(actor, group):
            raise ValidationError({"group": ValidationError(NOT_IN_GROUP, code="not_member")})
        return None, group
    raise ValidationError({"target": ValidationError(_("Please choose who can read your post."), code="invalid")})


def _check_organisation(actor, organisation):
    if organisation is not None and not permissions.may_speak_for(actor, organisation):
        raise ValidationError({"organisation": ValidationError(NOT_ADMIN, code="not_admin")})
    return organisation


def _check_files(actor, pictures, attachments, *, keeping_pictures: int = 0, keeping_files: int = 0) -> None:
    if keeping_pictures + len(pictures) > MAX_PICTURES:
        raise ValidationError(
            {
                "pictures": ValidationError(
                    _("A post can have at most %(limit)s pictures."), params={"limit": MAX_PICTURES}
                )
            }
        )
    if keeping_files + len(attachments) > MAX_FILES:
        raise ValidationError(
            {"attachments": ValidationError(_("A post can have at most %(limit)s files."), params={"limit": MAX_FILES})}
        )
    if attachments:
        used = PostAttachment.objects.filter(post__author=actor).aggregate(total=Sum("size"))["total"] or 0
        quota = settings.LANDNETZ_FEED_FILE_QUOTA_BYTES
        if used + sum(item.size for item in attachments) > quota:
            raise ValidationError(
                {
                    "attachments": ValidationError(
                        _(
                            "Your files would take more than %(quota)s. Please delete files of older posts "
                            "or attach smaller ones."
                        ),
                        params={"quota": filesizeformat(quota)},
                        code="quota",
                    )
                }
            )


def _save_files(post: Post, pictures, attachments: list[CleanFile], saved: list, *, start: int = 0) -> None:
    for position, (content, description) in enumerate(pictures, start=start):
        width, height = _size_of(content)
        picture = PostImage(post=post, description=description, position=position, width=width, height=height)
        picture.image.save("picture.jpg", content, save=True)
        saved.append(picture.image)
    for position, item in enumerate(attachments, start=start):
        attachment = PostAttachment(
            post=post, name=item.name, content_type=item.content_type, size=item.size, position=position
        )
        attachment.file.save(item.name, item.content, save=True)
        saved.append(attachment.file)


def _size_of(content) -> tuple[int, int]:
    content.seek(0)
    with Image.open(content) as image:
        size = image.size
    content.seek(0)
    return size


def _readers(post: Post, users) -> tuple[list, list]:
    """(members who may read the post, members who may not) among ``users``."""
    readers, others = [], []
    for user in users:
        (readers if queries.posts_visible_to(user).filter(pk=post.pk).exists() else others).append(user)
    return readers, others


def _mention(*, actor, post: Post, comment=None, users, before: set[int] = frozenset()) -> list:
    """Store the mentions of a text and notify the newly mentioned who can read it;
    return the mentioned who cannot (the author is told)."""
    rows = Mention.objects.filter(post=post, comment=comment)
    rows.exclude(user__in=[user.pk for user in users]).delete()
    new = [user for user in users if user.pk not in before]
    Mention.objects.bulk_create([Mention(post=post, comment=comment, user=user) for user in new])
    readers, others = _readers(post, [user for user in new if user.pk != actor.pk])
    data = {"post": post.pk}
    if comment is not None:
        data |= {"comment": comment.pk, "in_comment": True}
    notify(recipients=readers, kind=kinds.MENTION, actor=actor, data=data, url=("feed:detail", {"post_id": post.pk}))
    return others


def _schedule_preview(post: Post, *, wanted: bool) -> None:
    url = rendering.first_url(post.body)
    if url == post.link_url and post.link_checked_at is not None:
        return
    post.link_url, post.link_title, post.link_description, post.link_checked_at = url, "", "", None
    if url and wanted and settings.LANDNETZ_LINK_PREVIEWS:
        # The post may not be saved yet: its id is read when the transaction has committed.
        transaction.on_commit(lambda: fetch_link_preview.enqueue(post.pk))


@transaction.atomic
def create_post(
    *,
    actor,
    body: str,
    body_language: str,
    kind: str = Post.Kind.NEWS,
    target: str = Post.Target.NETWORK,
    region=None,
    group=None,
    organisation=None,
    pictures=(),
    attachments=(),
    link_preview: bool = True,
) -> Written:
    """Publish a post. ``pictures``: (re-encoded content, description) pairs;
    ``attachments``: checked files (``uploads.clean_attachment``)."""
    if not is_member(actor):
        raise PermissionDenied
    body = check_text(body)
    body_language, kind = _check_language(body_language), _check_kind(kind)
    region, group = _check_target(actor, target, region, group)
    organisation = _check_organisation(actor, organisation)
    pictures, attachments = list(pictures), list(attachments)
    _check_files(actor, pictures, attachments)
    limit("post", actor)
    resolved = mentions.resolve(actor, body)
    saved: list = []
    try:
        post = Post(
            author=actor,
            organisation=organisation,
            kind=kind,
            body=resolved.text,
            body_language=body_language,
            target=target,
            region=region,
            group=group,
        )
        _schedule_preview(post, wanted=link_preview)
        post.save()
        _save_files(post, pictures, attachments, saved)
        unreached = _mention(actor=actor, post=post, users=resolved.users)
        reindex(post)
    except BaseException:
        for file in saved:
            file.storage.delete(file.name)
        raise
    return Written(post, unresolved=resolved.unresolved, unreached=unreached)


@transaction.atomic
def update_post(
    *,
    actor,
    post: Post,
    body: str,
    body_language: str,
    kind: str,
    organisation=None,
    remove_pictures=(),
    remove_attachments=(),
    pictures=(),
    attachments=(),
) -> Written:
    """The author changes the text, kind, language, organisation and files (the audience
    stays). A changed text or kind shows "edited"."""
    post = Post.objects.select_for_update(of=("self",)).select_related("group", "region").filter(pk=post.pk).first()
    if post is None:
        raise ValidationError(_("This post has been deleted."), code="gone")
    if not permissions.can_edit_post(actor, post):
        raise PermissionDenied
    body = check_text(body)
    body_language, kind = _check_language(body_language), _check_kind(kind)
    if organisation is not None and organisation.pk != post.organisation_id:
        _check_organisation(actor, organisation)
    pictures, attachments = list(pictures), list(attachments)
    gone_pictures = list(post.images.filter(pk__in=[item.pk for item in remove_pictures]))
    gone_files = list(post.attachments.filter(pk__in=[item.pk for item in remove_attachments]))
    _check_files(
        actor,
        pictures,
        attachments,
        keeping_pictures=post.images.count() - len(gone_pictures),
        keeping_files=post.attachments.count() - len(gone_files),
    )
    resolved = mentions.resolve(actor, body)
    before = set(Mention.objects.filter(post=post, comment__isnull=True).values_list("user_id", flat=True))
    if resolved.text != post.body or kind != post.kind:
        post.edited_at = timezone.now()
    post.body, post.body_language, post.kind, post.organisation = resolved.text, body_language, kind, organisation
    _schedule_preview(post, wanted=True)
    saved: list = []
    try:
        post.save()
        delete_files_later([picture.image for picture in gone_pictures] + [file.file for file in gone_files])
        PostImage.objects.filter(pk__in=[picture.pk for picture in gone_pictures]).delete()
        PostAttachment.objects.filter(pk__in=[file.pk for file in gone_files]).delete()
        # Added later: after the first ones (same position: by id, i.e. in the order added).
        _save_files(post, pictures, attachments, saved, start=ADDED_LATER)
        unreached = _mention(actor=actor, post=post, users=resolved.users, before=before)
        reindex(post)
    except BaseException:
        for file in saved:
            file.storage.delete(file.name)
        raise
    return Written(post, unresolved=resolved.unresolved, unreached=unreached)


def delete_post_rows(*, actor, post: Post) -> None:
    """Delete a post with its comments, reactions, pictures and files (files after the
    commit) and the notifications pointing to it. No permission check: for callers that
    decided (the erasure, moderation)."""
    files = files_of([post])
    forget_notifications(post_ids=[post.pk])
    if actor is not None and actor.pk != post.author_id:
        audit(actor=actor, verb="post.deleted", obj=post, region=_region(post))
    post.delete()
    delete_files_later(files)


def _region(post: Post):
    region_id = permissions.moderation_region_id(post)
    if region_id is None:
        return None
    return post.region if post.target == Post.Target.REGION else post.group.region


@transaction.atomic
def delete_post(*, actor, post: Post) -> None:
    post = (
        Post.objects.select_for_update(of=("self",))
        .select_related("group__region", "region")
        .filter(pk=post.pk)
        .first()
    )
    if post is None:
        return
    if not permissions.can_delete_post(actor, post):
        raise PermissionDenied
    delete_post_rows(actor=actor, post=post)


@transaction.atomic
def pin_post(*, actor, post: Post, days: int) -> Post:
    """A coordinator of the region pins a region post: its region's members see it first."""
    post = Post.objects.select_for_update(of=("self",)).select_related("region").get(pk=post.pk)
    if not permissions.can_pin_post(actor, post):
        raise PermissionDenied
    if days not in PIN_DAYS:
        raise ValidationError({"days": ValidationError(_("Please choose how long from the list."), code="invalid")})
    if post.hidden:
        raise ValidationError(_("A hidden post cannot be pinned."), code="hidden")
    post.pinned_until = timezone.now() + timedelta(days=days)
    post.save(update_fields=["pinned_until"])
    audit(actor=actor, verb="post.pinned", obj=post, region=post.region, data={"days": days})
    return post


@transaction.atomic
def unpin_post(*, actor, post: Post) -> Post:
    post = Post.objects.select_for_update(of=("self",)).select_related("region").get(pk=post.pk)
    if not permissions.can_pin_post(actor, post):
        raise PermissionDenied
    post.pinned_until = None
    post.save(update_fields=["pinned_until"])
    audit(actor=actor, verb="post.unpinned", obj=post, region=post.region)
    return post


@transaction.atomic
def set_hidden(*, post: Post, hidden: bool) -> None:
    """Moderation: hide (only the author still reads it) or restore a post."""
    Post.objects.filter(pk=post.pk).update(hidden=hidden, **({"pinned_until": None} if hidden else {}))
    post.hidden = hidden
    reindex(post)
