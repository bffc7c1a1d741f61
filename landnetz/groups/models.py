"""Groups: spaces for group work and multi-professional teams, with members and admins.

Invariant (kept by the services): a group with active members always has an active admin.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.core.languages import WRITTEN_LANGUAGES
from landnetz.core.models import Region


class Group(models.Model):
    class Kind(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        SECRET = "secret", _("Secret")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("address name"), max_length=140, unique=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    # Pages mark the description with ``lang`` so that screen readers use the right voice.
    description_language = models.CharField(
        _("language of the description"),
        max_length=8,
        choices=WRITTEN_LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    kind = models.CharField(_("kind of group"), max_length=10, choices=Kind.choices, default=Kind.OPEN)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groups",
        verbose_name=_("region"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Hidden by a moderator after a report: only its admins (and network admins) still see it.
    hidden = models.BooleanField(_("hidden by moderation"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        indexes = [models.Index(fields=["kind", "hidden"]), models.Index(fields=["region", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("groups:detail", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.kind == self.Kind.OPEN

    @property
    def is_secret(self) -> bool:
        return self.kind == self.Kind.SECRET


class GroupMembership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Member")
        REQUESTED = "requested", _("Asked to join")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group", "created_at", "pk"]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="unique_group_membership")]
        indexes = [
            models.Index(fields=["user", "status"]),
            models.Index(fields=["group", "status", "role"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.group}"

    @property
    def is_admin(self) -> bool:
        return self.status == self.Status.ACTIVE and self.role == self.Role.ADMIN


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """What is stored of an invitation link's token: its SHA-256 (the link itself is only mailed)."""
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_expiry():
    return timezone.now() + timezone.timedelta(days=14)


class GroupInvitation(models.Model):
    """An e-mail invitation to join a group, also for people without an account yet.

    The link carries a random token; only its hash is stored, so a copy of the database
    opens no group.
    """

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=10, choices=GroupMembership.Role.choices, default=GroupMembership.Role.MEMBER
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("group invitation")
        verbose_name_plural = _("group invitations")
        indexes = [models.Index(fields=["group", "email"])]

    def __str__(self) -> str:
        return f"{self.email} → {self.group}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
