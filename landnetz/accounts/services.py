"""Writes of the accounts app."""

from django.db import transaction
from django.utils import timezone

from landnetz.core import queries as core_queries
from landnetz.core.models import Region
from landnetz.core.services import audit


@transaction.atomic
def complete_signup(*, user, display_name: str, region: Region, language: str) -> None:
    """Fill in what allauth does not know and record consent to the privacy statement.

    Called by allauth's sign-up form right after it created the user row.
    """
    user.display_name = display_name
    user.region = region
    user.preferred_language = language
    user.privacy_consent_at = timezone.now()
    user.privacy_consent_version = core_queries.privacy_statement_version()
    user.save(
        update_fields=[
            "display_name", "region", "preferred_language", "privacy_consent_at", "privacy_consent_version"
        ]
    )


@transaction.atomic
def update_preferences(
    *, user, display_name: str, region: Region | None, preferred_language: str, large_text: bool
) -> None:
    user.display_name = display_name
    user.region = region
    user.preferred_language = preferred_language
    user.large_text = large_text
    user.save(update_fields=["display_name", "region", "preferred_language", "large_text"])


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
