"""Writes of the accounts app."""

from functools import partial

from django.db import transaction
from django.utils import timezone

from landnetz.accounts.models import Profile, ProfileLanguage
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
    municipality_id = data.pop("municipality", None)
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
    if municipality_id:
        municipality = Municipality.objects.select_related("region").get(pk=municipality_id)
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
