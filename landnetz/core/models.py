"""Regions, municipalities, postcodes, legal pages and the audit log.

A Region is a Landkreis or a kreisfreie Stadt, a Municipality a Gemeinde. Both are
keyed by the official Amtlicher Gemeindeschlüssel (AGS) and seeded from Destatis.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("Landkreis")
        CITY = "city", _("Kreisfreie Stadt")

    ags = models.CharField(_("official key"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    slug = models.SlugField(_("short name"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:region", kwargs={"slug": self.slug})


class Municipality(models.Model):
    class Urbanisation(models.IntegerChoices):
        DENSE = 1, _("densely populated")
        INTERMEDIATE = 2, _("intermediate density")
        RURAL = 3, _("thinly populated")

    ags = models.CharField(_("official key"), max_length=8, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=120)
    postcode = models.CharField(_("main postcode"), max_length=5, blank=True)
    population = models.PositiveIntegerField(_("population"), default=0)
    urbanisation = models.PositiveSmallIntegerField(
        _("degree of urbanisation"), choices=Urbanisation.choices, null=True, blank=True
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        indexes = [models.Index(fields=["region", "name"])]

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """One postcode of one place (OpenStreetMap); a postcode may span municipalities."""

    postcode = models.CharField(_("postcode"), max_length=5, db_index=True)
    place = models.CharField(_("place"), max_length=120)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="postcodes", verbose_name=_("municipality")
    )

    class Meta:
        ordering = ["postcode", "place"]
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")
        constraints = [
            models.UniqueConstraint(fields=["postcode", "municipality"], name="unique_postcode_municipality")
        ]

    def __str__(self) -> str:
        return f"{self.postcode} {self.place}"


class LegalPage(models.Model):
    """Impressum, privacy statement, accessibility statement, plain-language page.

    One row per page and language. German is always present; other languages fall
    back to it. ``version`` counts edits so that consent can refer to a version.
    """

    class Slug(models.TextChoices):
        IMPRINT = "impressum", _("Legal notice")
        PRIVACY = "datenschutz", _("Privacy statement")
        ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement")
        PLAIN_LANGUAGE = "leichte-sprache", _("Easy-to-read information")

    slug = models.CharField(_("page"), max_length=20, choices=Slug.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=100_000, help_text=_("Markdown formatting."))
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["slug", "language"]
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
        constraints = [models.UniqueConstraint(fields=["slug", "language"], name="unique_legal_page_language")]

    def __str__(self) -> str:
        return f"{self.get_slug_display()} ({self.language})"


class AuditEntry(models.Model):
    """Who did what to which object, when. Written by services, read by admins."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    verb = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.verb} {self.object_repr}"


class Sector(models.TextChoices):
    """The legs of the stool, plus the fields that sit between them."""

    ADMINISTRATION = "administration", _("Public administration")
    BUSINESS = "business", _("Business")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant organisation")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    """Who may see a profile, an organisation or a single contact field."""

    PUBLIC = "public", _("Everyone, also without login")
    MEMBERS = "members", _("Logged-in members")
    NOBODY = "nobody", _("Only me")


class Topic(models.Model):
    """Curated expertise topics ("language courses", "housing", …), kept by coordinators.

    ``name`` is German (always present); ``translations`` maps language codes to names.
    """

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = models.CharField(_("name (German)"), max_length=80, unique=True)
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        return self.translations.get(get_language() or "de") or self.name
