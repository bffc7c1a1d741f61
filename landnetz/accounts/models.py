"""Members of the network. Login is by e-mail address; there is no username."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.core.languages import SPOKEN_LANGUAGES, WRITTEN_LANGUAGES, LanguageLevel
from landnetz.core.models import Sector, Topic, Visibility
from landnetz.core.validators import validate_plain_text


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        fields.setdefault("display_name", "Admin")
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("name"),
        max_length=80,
        validators=[validate_plain_text],
        help_text=_("How other members see you, for example “Anna Schmidt”."),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("region"),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("municipality"),
    )
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    large_text = models.BooleanField(_("large text"), default=False, help_text=_("Show all pages with larger text."))
    coordinated_regions = models.ManyToManyField(
        "core.Region",
        blank=True,
        related_name="coordinators",
        verbose_name=_("coordinates regions"),
        help_text=_("Regions in which this member acts as integration coordinator."),
    )
    privacy_consent_at = models.DateTimeField(_("privacy consent given at"), null=True, blank=True)
    privacy_consent_version = models.PositiveIntegerField(_("privacy statement version"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("administration area"), default=False, help_text=_("May open the administration area.")
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name

    @property
    def is_network_admin(self) -> bool:
        return self.is_active and self.is_superuser


def photo_path(instance, filename: str) -> str:
    # Random names: no personal data in URLs or on disk, no guessing.
    import secrets

    return f"photos/{secrets.token_urlsafe(16)}.jpg"


class Profile(models.Model):
    """What a member tells the network about themselves, field by field visible.

    Every visibility defaults to "only me": a member decides what to show.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    visibility = models.CharField(
        _("Who can see my profile"), max_length=10, choices=Visibility.choices, default=Visibility.NOBODY
    )
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True)
    bio = models.TextField(_("about me"), max_length=2000, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True)
    job_title = models.CharField(_("role or job title"), max_length=120, blank=True)
    # The language the member wrote the bio and job title in: pages mark that text with
    # ``lang`` so that screen readers read it with the right voice.
    bio_language = models.CharField(
        _("language of the texts"), max_length=8, choices=WRITTEN_LANGUAGES, default=settings.LANGUAGE_CODE
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="profiles", verbose_name=_("topics"))
    is_interpreter = models.BooleanField(_("I can interpret or mediate between languages"), default=False)
    open_to_newcomers = models.BooleanField(_("Newcomers may contact me"), default=False)

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_email_visibility = models.CharField(
        _("Who can see the contact e-mail"), max_length=10, choices=Visibility.choices, default=Visibility.NOBODY
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_visibility = models.CharField(
        _("Who can see the phone number"), max_length=10, choices=Visibility.choices, default=Visibility.NOBODY
    )
    messenger = models.URLField(_("messenger link"), max_length=300, blank=True)
    messenger_visibility = models.CharField(
        _("Who can see the messenger link"), max_length=10, choices=Visibility.choices, default=Visibility.NOBODY
    )
    office_hours = models.CharField(_("office hours"), max_length=300, blank=True)
    office_hours_visibility = models.CharField(
        _("Who can see the office hours"), max_length=10, choices=Visibility.choices, default=Visibility.NOBODY
    )
    # Hidden by a moderator after a report (moderation app): only the owner still sees it.
    moderation_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    CONTACT_FIELDS = ("contact_email", "phone", "messenger", "office_hours")

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [models.Index(fields=["visibility", "sector"])]

    def __str__(self) -> str:
        return str(self.user)


class ProfileLanguage(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=8, choices=SPOKEN_LANGUAGES)
    level = models.CharField(_("level"), max_length=10, choices=LanguageLevel.choices)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["profile", "code"], name="unique_profile_language")]

    def __str__(self) -> str:
        return f"{self.get_code_display()} ({self.get_level_display()})"
