"""Who may see which part of a member's profile."""

import rules

from landnetz.core.models import Visibility


def can_see(visibility: str, viewer, owner) -> bool:
    """The one rule for profiles and their fields: owner always; else by the chosen visibility."""
    if viewer is not None and viewer.is_authenticated and viewer.pk == owner.pk:
        return True
    if visibility == Visibility.PUBLIC:
        return True
    if visibility == Visibility.MEMBERS:
        return bool(viewer is not None and viewer.is_authenticated and viewer.is_active)
    return False


@rules.predicate
def can_view_profile(viewer, profile) -> bool:
    """Active, visible to this viewer, and not hidden by a moderator (the owner always sees it)."""
    if not profile.user.is_active:
        return False
    if profile.moderation_hidden and not (
        viewer is not None and viewer.is_authenticated and viewer.pk == profile.user_id
    ):
        return False
    return can_see(profile.visibility, viewer, profile.user)


rules.add_perm("accounts.view_profile", can_view_profile)
