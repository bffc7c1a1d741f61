"""Reads of the accounts app: profiles as a given viewer may see them."""

from dataclasses import dataclass, field

from django.http import Http404

from landnetz.accounts.models import Profile, User
from landnetz.accounts.permissions import can_see, can_view_profile
from landnetz.core import hooks
from landnetz.core.models import Visibility


@dataclass
class ProfileCard:
    """Exactly what one viewer may see of one profile; templates get nothing else."""

    profile: Profile
    user: User
    contacts: dict[str, str] = field(default_factory=dict)
    organisations: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    # Contact details shown only because the viewer is the owner ("only me"): marked as such.
    only_owner: set = field(default_factory=set)


def profile_of(user: User) -> Profile:
    """The member's own profile (created empty and private on first use)."""
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def _profiles():
    return Profile.objects.select_related("user__region", "user__municipality").prefetch_related("topics", "languages")


def visible_profile(viewer, user_id: int) -> Profile:
    profile = _profiles().filter(user_id=user_id, user__is_active=True).first()
    if profile is None or not can_view_profile(viewer, profile):
        raise Http404
    return profile


def card_for(profile: Profile, viewer) -> ProfileCard:
    owner = profile.user
    card = ProfileCard(profile=profile, user=owner)
    for name in Profile.CONTACT_FIELDS:
        value = getattr(profile, name)
        visibility = getattr(profile, f"{name}_visibility")
        if value and can_see(visibility, viewer, owner):
            card.contacts[name] = value
            if visibility == Visibility.NOBODY:
                card.only_owner.add(name)
    card.languages = list(profile.languages.all())
    card.topics = list(profile.topics.all())
    card.organisations = _visible_organisations(owner, viewer)
    return card


def another_member() -> User:
    """A stand-in for "any other logged-in member" in the owner's preview: active, no
    memberships, no roles, not the owner (no saved user has the id 0)."""
    return User(pk=0, is_active=True)


def _visible_organisations(owner: User, viewer) -> list:
    """The owner's organisations that the viewer may see: the organisations app answers
    (registered in its ``AppConfig.ready``; accounts sits below it and does not import it)."""
    return list(hooks.ask("organisations_of_member", owner, viewer, default=[]))
