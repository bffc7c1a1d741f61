"""Writes of the accounts app."""

from functools import partial

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from landnetz.accounts.models import Profile, ProfileLanguage, User
from landnetz.core import hooks
from landnetz.core import queries as core_queries
from landnetz.core.images import reencode
from landnetz.core.models import Municipality, Region
from landnetz.core.services import audit


@transaction.atomic
def complete_signup(*, user, display_name: str, region: Region, language: str, municipality=None) -> None:
    """Fill in what allauth does not know and record consent to the privacy statement.

    Called by allauth's sign-up form right after it created the user row.
    """
    user.display_name = display_name
    user.region = region
    user.municipality = municipality if municipality is not None and municipality.region_id == region.pk else None
    user.preferred_language = language
    user.privacy_consent_at = timezone.now()
    user.privacy_consent_version = core_queries.privacy_statement_version()
    user.save(
        update_fields=[
            "display_name",
            "region",
            "municipality",
            "preferred_language",
            "privacy_consent_at",
            "privacy_consent_version",
        ]
    )


@transaction.atomic
def record_consent(*, user) -> None:
    """The member agreed to the current privacy statement (time and version are the proof)."""
    user.privacy_consent_at = timezone.now()
    user.privacy_consent_version = core_queries.privacy_statement_version()
    user.save(update_fields=["privacy_consent_at", "privacy_consent_version"])


@transaction.atomic
def update_preferences(
    *, user, display_name: str, region: Region | None, preferred_language: str, large_text: bool
) -> None:
    user.display_name = display_name
    user.region = region
    user.preferred_language = preferred_language
    user.large_text = large_text
    user.save(update_fields=["display_name", "region", "preferred_language", "large_text"])
    _reindex(user)


def _reindex(user) -> None:
    """Name and region appear in the directory: keep the member's entry current."""
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        hooks.stale(profiles=[profile])


@transaction.atomic
def set_active(*, actor, user, active: bool) -> None:
    """(De)activate an account. A deactivated member cannot log in (their sessions end on
    the next request), is not listed in the directory and their profile answers 404."""
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
    audit(actor=actor, verb="member.activated" if active else "member.deactivated", obj=user)
    _reindex(user)


@transaction.atomic
def set_language(*, user, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def set_coordinated_regions(*, actor, user, regions) -> None:
    """Make ``user`` coordinator of exactly ``regions``; every change goes to the audit log."""
    before = set(user.coordinated_regions.all())
    after = set(regions)
    user.coordinated_regions.set(after)
    for region in sorted(after - before, key=str):
        audit(actor=actor, verb="coordinator.assigned", obj=user, region=region)
    for region in sorted(before - after, key=str):
        audit(actor=actor, verb="coordinator.removed", obj=user, region=region)


# --- Profiles ------------------------------------------------------------------------------


@transaction.atomic
def update_profile(*, user, profile, data: dict, languages: list[tuple[str, str]]) -> None:
    """Save the profile form; only the owner may. Keeps the directory index in step."""
    from django.core.exceptions import PermissionDenied

    if profile.user_id != user.pk:
        raise PermissionDenied
    photo, remove_photo = data.pop("photo", None), data.pop("remove_photo", False)
    topics = data.pop("topics", [])
    municipality = data.pop("municipality", None)  # a Municipality (the form) or its id
    for name, value in data.items():
        setattr(profile, name, value)
    if remove_photo and profile.photo:
        profile.photo.delete(save=False)
    if photo:
        if profile.photo:
            profile.photo.delete(save=False)
        profile.photo.save("photo.jpg", reencode(photo, max_side=600), save=False)
    profile.save()
    profile.topics.set(topics)
    profile.languages.all().delete()
    ProfileLanguage.objects.bulk_create(ProfileLanguage(profile=profile, code=c, level=lv) for c, lv in languages)
    if municipality and not isinstance(municipality, Municipality):
        municipality = Municipality.objects.select_related("region").get(pk=municipality)
    if municipality:
        user.municipality, user.region = municipality, municipality.region
    else:
        user.municipality = None
    user.save(update_fields=["municipality", "region"])
    hooks.stale(profiles=[profile])


# --- Moderation (called by the moderation seam, which checks who may) ----------------------


@transaction.atomic
def set_profile_hidden(*, profile, hidden: bool) -> None:
    """Hide a reported profile from everyone but its owner, or show it again."""
    profile.moderation_hidden = hidden
    profile.save(update_fields=["moderation_hidden", "updated_at"])
    _reindex(profile.user)


@transaction.atomic
def clear_profile(*, profile) -> None:
    """Delete what a profile shows (a moderator's "delete"): the account stays, the profile
    is empty, private and no longer hidden."""
    if profile.photo:
        transaction.on_commit(partial(profile.photo.storage.delete, profile.photo.name))
    for name in ("bio", "job_title", "sector", "photo", *profile.CONTACT_FIELDS):
        setattr(profile, name, "")
    profile.visibility = "nobody"
    profile.is_interpreter = profile.open_to_newcomers = profile.moderation_hidden = False
    profile.save()
    profile.topics.clear()
    profile.languages.all().delete()
    _reindex(profile.user)


# --- Sign-ups not confirmed yet (the "wrong address? change it" offer, accounts.signup) ------


def email_taken(email: str, *, except_user=None) -> bool:
    """Whether another account uses ``email`` (as login or as any of its addresses)."""
    users = User.objects.filter(email__iexact=email)
    addresses = EmailAddress.objects.filter(email__iexact=email)
    if except_user is not None:
        users = users.exclude(pk=except_user.pk)
        addresses = addresses.exclude(user=except_user)
    return users.exists() or addresses.exists()


@transaction.atomic
def change_unconfirmed_email(*, user, email: str) -> bool:
    """Move an account whose address nobody has confirmed yet to ``email`` (the person
    mistyped it). False, and nothing changed, when the account has a confirmed address or
    another account uses ``email``.

    The old address row is deleted, not renamed: a confirmation link already sent to the
    mistyped address names that row and must not confirm the new one.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if EmailAddress.objects.filter(user=user, verified=True).exists() or email_taken(email, except_user=user):
        return False
    if user.email.lower() == email.lower() and EmailAddress.objects.filter(user=user, email__iexact=email).exists():
        return True
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    user.email = email
    user.save(update_fields=["email"])
    return True


@transaction.atomic
def create_signup(
    *, email: str, password: str, display_name: str, region: int | None, municipality: int | None, language: str
):
    """Create the account a person signed up for at an address that already had one, now
    at the corrected address. ``password`` is the hash computed at sign-up."""
    user = User(email=email, password=password, display_name=display_name)
    user.save()
    region = Region.objects.filter(pk=region).first() if region else None
    place = Municipality.objects.filter(pk=municipality).first() if municipality and region else None
    complete_signup(
        user=user,
        display_name=display_name,
        region=region,
        municipality=place,
        language=language or user.preferred_language,
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    return user
