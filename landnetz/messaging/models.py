"""Conversations between members: direct (two members) or a small group (up to 20).

Read markers, unread counts and the time of the last activity are kept on each member's
``Participant`` row, so that the list of conversations, the unread count in the header and
the start page read one small table however many messages there are. Messages are never
put into the site search.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.core.languages import WRITTEN_LANGUAGES

MAX_PARTICIPANTS = 20


class Conversation(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", _("Direct conversation")
        GROUP = "group", _("Group conversation")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120, blank=True)
    # "<smaller user id>:<larger user id>" for a direct conversation: the database keeps a
    # pair of members to one direct conversation. Empty (NULL) for groups and after one of
    # the two has erased their account.
    direct_key = models.CharField(max_length=41, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_message = models.ForeignKey(
        "messaging.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_message_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def is_direct(self) -> bool:
        return self.kind == self.Kind.DIRECT


class Participant(models.Model):
    """One member in one conversation, with their own read marker and choices.

    Leaving a group conversation deletes the row (the conversation then keeps a "left"
    line): a member who left no longer sees the conversation, in the site or in an export.
    """

    class Notice(models.TextChoices):
        NONE = "", _("nothing pending")
        SCHEDULED = "scheduled", _("e-mail scheduled")
        SENT = "sent", _("e-mail sent")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    joined_at = models.DateTimeField(default=timezone.now)
    # Read marker: every message up to this id has been seen.
    last_read_message_id = models.PositiveBigIntegerField(default=0)
    last_read_at = models.DateTimeField(null=True, blank=True)
    # Messages of others after the read marker, and when the oldest of them came.
    unread_count = models.PositiveIntegerField(default=0)
    unread_since = models.DateTimeField(null=True, blank=True)
    # A copy of the conversation's last activity: the member's list is sorted by it.
    last_activity_at = models.DateTimeField(default=timezone.now)
    muted = models.BooleanField(_("muted"), default=False)
    # The e-mail about messages that stayed unread: at most one until the member reads.
    notice = models.CharField(max_length=10, choices=Notice.choices, blank=True, default=Notice.NONE)
    notice_notification_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "user"], name="unique_participant")]
        indexes = [
            models.Index(fields=["user", "-last_activity_at", "-id"], name="participant_list"),
            models.Index(fields=["user", "unread_since", "muted"], name="participant_unread"),
            models.Index(fields=["notice", "unread_since"], name="participant_notice"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("message")
        JOINED = "joined", _("joined")
        LEFT = "left", _("left")

    # Indexed together with the id below (pages of a long conversation are id ranges).
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages", db_index=False)
    # None: the sender erased their account ("a former member").
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    body = models.TextField(_("message"), blank=True)
    body_language = models.CharField(_("language of the message"), max_length=8, choices=WRITTEN_LANGUAGES, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Deleted by its sender, by a moderator or with the sender's account: the body is gone.
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Hidden by a moderator after a report: only the sender still sees the text.
    moderation_hidden = models.BooleanField(_("hidden by moderation"), default=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["conversation", "id"], name="message_page")]

    def __str__(self) -> str:
        return f"message #{self.pk} in {self.conversation_id}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class MessagingPreference(models.Model):
    """Who may start a conversation with a member (or add them to one).

    Without a row the default applies: members of the member's own regions.
    """

    class AllowFrom(models.TextChoices):
        EVERYONE = "everyone", _("All members of the network")
        REGIONS = "regions", _("Members of my regions only")
        NOBODY = "nobody", _("Nobody")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    allow_from = models.CharField(
        _("Who may write to me"), max_length=10, choices=AllowFrom.choices, default=AllowFrom.REGIONS
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("messaging preference")
        verbose_name_plural = _("messaging preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.allow_from}"


DEFAULT_ALLOW_FROM = MessagingPreference.AllowFrom.REGIONS
