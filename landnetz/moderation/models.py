"""Reports of content and who moderates which region."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reason(models.TextChoices):
    HATE = "hate", _("Racism or hate")
    HARASSMENT = "harassment", _("Harassment")
    SPAM = "spam", _("Spam or advertising")
    ILLEGAL = "illegal", _("Illegal content")
    PERSONAL_DATA = "personal_data", _("Someone else's personal data")
    OTHER = "other", _("Something else")


class Report(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        HIDDEN = "hidden", _("hidden")
        DELETED = "deleted", _("deleted")
        DISMISSED = "dismissed", _("dismissed")
        RESTORED = "restored", _("restored")

    # Who reported stays private to moderators and ends with the reporter's account.
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=80)  # a registered reportable, e.g. "accounts.profile"
    object_id = models.PositiveBigIntegerField()
    region = models.ForeignKey("core.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "region", "-created_at"], name="report_queue"),
            models.Index(fields=["kind", "object_id", "status"], name="report_object"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "kind", "object_id"],
                condition=models.Q(status="open"),
                name="one_open_report_per_reporter",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}#{self.object_id} ({self.status})"


class Moderator(models.Model):
    """A member who moderates reports of one region (given by network admins)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey("core.Region", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="unique_moderator_region")]

    def __str__(self) -> str:
        return f"{self.user} – {self.region}"


class Block(models.Model):
    """A member blocked another: the blocked member can no longer write to or mention them.

    Blocking is private: the blocked member is never told, and only the blocker sees the
    list. Apps that let members reach each other (messages, mentions) ask
    ``moderation.queries.blocked_between`` before they deliver anything.
    """

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="unique_block"),
            models.CheckConstraint(condition=~models.Q(blocker=models.F("blocked")), name="block_not_self"),
        ]
        indexes = [models.Index(fields=["blocked", "blocker"], name="block_reverse")]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"
