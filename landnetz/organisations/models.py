"""Organisations: authorities, firms, clubs, initiatives — with members and admins."""

import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.core.languages import SPOKEN_LANGUAGES, WRITTEN_LANGUAGES
from landnetz.core.models import Municipality, Sector, Topic


def logo_path(instance, filename: str) -> str:
    return f"logos/{secrets.token_urlsafe(16)}.png"


class Organisation(models.Model):
    class Kind(models.TextChoices):
        AUTHORITY = "authority", _("Authority or municipality")
        JOBCENTER = "jobcenter", _("Jobcenter or employment agency")
        CHAMBER = "chamber", _("Chamber or association")
        BUSINESS = "business", _("Company")
        CLUB = "club", _("Club")
        INITIATIVE = "initiative", _("Initiative")
        MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant organisation")
        CHURCH = "church", _("Church or religious community")
        SCHOOL = "school", _("School or education provider")
        COUNSELLING = "counselling", _("Counselling service")
        HEALTH = "health", _("Health service")
        OTHER = "other", _("Other")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone, also without login")
        MEMBERS = "members", _("Logged-in members")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("address name"), max_length=170, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    # Pages mark the description with ``lang`` so that screen readers use the right voice.
    description_language = models.CharField(
        _("language of the description"),
        max_length=8,
        choices=WRITTEN_LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="organisations", verbose_name=_("topics"))
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    opening_hours = models.TextField(_("opening hours"), max_length=1000, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True)
    visibility = models.CharField(
        _("Who can see this page"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Hidden by a moderator after a report (moderation app): only its admins still see it.
    moderation_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(Lower("name"), "municipality", name="unique_organisation_name_per_municipality")
        ]
        indexes = [models.Index(fields=["sector", "municipality"]), models.Index(fields=["visibility", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def route_url(self) -> str:
        """Directions to the organisation on OpenStreetMap (to its point, else its address)."""
        if self.latitude is not None and self.longitude is not None:
            return "https://www.openstreetmap.org/directions?" + urlencode(
                {"route": f";{self.latitude},{self.longitude}"}
            )
        address = " ".join(part for part in [self.street, self.postcode, self.municipality.name] if part)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": address})

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class OrganisationLanguage(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=8, choices=SPOKEN_LANGUAGES)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="unique_organisation_language")]

    def __str__(self) -> str:
        return self.get_code_display()


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Member")
        REQUESTED = "requested", _("Asked to join")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    is_contact_person = models.BooleanField(_("contact person"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "user"]
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


def invitation_token() -> str:
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + timezone.timedelta(days=14)


class Invitation(models.Model):
    """An e-mail invitation to join an organisation; the link carries a random token."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=invitation_token)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
