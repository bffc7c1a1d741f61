"""News and the personal feed: posts, comments, reactions, mentions, follows, pictures and files.

A post goes to exactly one audience: the whole network, one region or one group
(``target`` with ``region``/``group``; a check constraint keeps them consistent). Who may
read it is decided in one place, ``feed.queries.posts_visible_to``.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.core.languages import WRITTEN_LANGUAGES

MAX_BODY = 10_000
MAX_COMMENT = 3_000


class Post(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        ANNOUNCEMENT = "announcement", _("Announcement")
        REQUEST = "request", _("Request for help")
        OFFER = "offer", _("Offer")

    class Target(models.TextChoices):
        NETWORK = "network", _("The whole network")
        REGION = "region", _("A region")
        GROUP = "group", _("A group")

    # Composite indexes below start with these columns: no single-column index of their own.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posts", db_index=False)
    # Written on behalf of an organisation the author administers (shown with the post).
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("on behalf of"),
    )
    kind = models.CharField(_("kind of post"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    body = models.TextField(_("text"), max_length=MAX_BODY)
    # Pages mark the text with ``lang`` so that screen readers use the right voice.
    body_language = models.CharField(
        _("language of the text"), max_length=8, choices=WRITTEN_LANGUAGES, default=settings.LANGUAGE_CODE
    )
    target = models.CharField(_("who can read it"), max_length=10, choices=Target.choices)
    region = models.ForeignKey(
        "core.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False
    )
    group = models.ForeignKey(
        "groups.Group", on_delete=models.CASCADE, null=True, blank=True, related_name="+", db_index=False
    )
    # Pinned by a coordinator of the post's region (region posts only) until this moment.
    pinned_until = models.DateTimeField(_("pinned until"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Hidden by a moderator after a report: only its author still sees it.
    hidden = models.BooleanField(_("hidden by moderation"), default=False)
    # The link preview (fetched by a task from the first web address in the text).
    link_url = models.URLField(max_length=500, blank=True)
    link_title = models.CharField(max_length=300, blank=True)
    link_description = models.CharField(max_length=500, blank=True)
    link_checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        # Every source of the feed is read newest first through its own index (queries.py).
        indexes = [
            models.Index(fields=["created_at", "id"], name="feed_post_time"),
            models.Index(fields=["target", "created_at", "id"], name="feed_post_target"),
            models.Index(fields=["region", "created_at", "id"], name="feed_post_region"),
            models.Index(fields=["group", "created_at", "id"], name="feed_post_group"),
            models.Index(fields=["author", "created_at", "id"], name="feed_post_author"),
            models.Index(fields=["organisation", "created_at", "id"], name="feed_post_organisation"),
            models.Index(fields=["region", "pinned_until"], name="feed_post_pinned"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(target="network", region__isnull=True, group__isnull=True)
                    | Q(target="region", region__isnull=False, group__isnull=True)
                    | Q(target="group", region__isnull=True, group__isnull=False)
                ),
                name="feed_post_one_target",
            ),
            models.CheckConstraint(
                condition=Q(pinned_until__isnull=True) | Q(target="region"), name="feed_post_pinned_in_region"
            ),
        ]

    def __str__(self) -> str:
        # No names or text: audit entries keep this after the author's account is erased.
        return f"post {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("feed:detail", kwargs={"post_id": self.pk})

    def is_pinned(self, now=None) -> bool:
        return self.pinned_until is not None and self.pinned_until > (now or timezone.now())


class Comment(models.Model):
    """A comment on a post, or a reply to a comment (one level: a reply has no replies)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments", db_index=False)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", db_index=False
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_comments")
    body = models.TextField(_("comment"), max_length=MAX_COMMENT)
    body_language = models.CharField(
        _("language of the comment"), max_length=8, choices=WRITTEN_LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(_("hidden by moderation"), default=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["post", "parent", "created_at", "id"], name="feed_comment_post"),
            models.Index(fields=["parent", "created_at", "id"], name="feed_comment_replies"),
        ]

    def __str__(self) -> str:
        return f"comment {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("feed:detail", kwargs={"post_id": self.post_id}) + f"#comment-{self.pk}"


class Reaction(models.Model):
    """One member's reaction of one kind to a post (a second click takes it back)."""

    class Kind(models.TextChoices):
        LIKE = "like", _("Thumbs up")
        HEART = "heart", _("Heart")
        THANKS = "thanks", _("Thank you")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_reactions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="feed_one_reaction_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} on post {self.post_id}"


class Mention(models.Model):
    """A member mentioned in a post or a comment (and notified). The text holds
    ``@[Name](id)``; the page shows the member's current name from here."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user"], condition=Q(comment__isnull=True), name="feed_one_mention_per_post"
            ),
            models.UniqueConstraint(
                fields=["comment", "user"], condition=Q(comment__isnull=False), name="feed_one_mention_per_comment"
            ),
        ]
        indexes = [models.Index(fields=["user"], name="feed_mention_user")]

    def __str__(self) -> str:
        return f"mention in post {self.post_id}"


class Follow(models.Model):
    """A member follows another: their posts come into the follower's feed.
    Who follows whom is seen only by the two of them."""

    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    followed = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["follower", "followed"], name="feed_follow_once"),
            models.CheckConstraint(condition=~Q(follower=models.F("followed")), name="feed_follow_not_self"),
        ]
        indexes = [models.Index(fields=["followed"], name="feed_follow_followed")]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.followed_id}"


def _random_name(folder: str, suffix: str) -> str:
    # Random names: nothing personal on disk or in URLs, nothing to guess.
    return f"{folder}/{secrets.token_urlsafe(18)}{suffix}"


def image_path(instance, filename: str) -> str:
    return _random_name("feed/images", ".jpg")


def attachment_path(instance, filename: str) -> str:
    return _random_name("feed/files", PurePosixPath(filename).suffix.lower()[:8])


class PostImage(models.Model):
    """A picture of a post, re-encoded as JPEG without metadata; served only through a view."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to=image_path)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    description = models.CharField(_("description of the picture"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"picture {self.pk} of post {self.post_id}"


class PostAttachment(models.Model):
    """A file attached to a post (PDF, office document, picture), always downloaded, never shown inline."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    name = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"file {self.pk} of post {self.post_id}"
