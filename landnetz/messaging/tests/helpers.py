"""Helpers of the messaging tests: preferences, visible profiles, conversations through the services."""

from landnetz.accounts.models import Profile
from landnetz.core import hooks
from landnetz.messaging import services
from landnetz.messaging.models import MessagingPreference


def allow(user, allow_from: str = "everyone") -> None:
    MessagingPreference.objects.update_or_create(user=user, defaults={"allow_from": allow_from})


def show_profile(user, visibility: str = "members") -> Profile:
    """A profile other members may see (and find in the site search)."""
    profile, _created = Profile.objects.update_or_create(user=user, defaults={"visibility": visibility})
    hooks.stale(profiles=[profile])
    return profile


def write(sender, *recipients, body="Guten Tag!", **kwargs):
    """``sender`` writes to ``recipients`` (who accept messages from everyone)."""
    for recipient in recipients:
        if not MessagingPreference.objects.filter(user=recipient).exists():
            allow(recipient)
    conversation, message = services.start_conversation(actor=sender, recipients=list(recipients), body=body, **kwargs)
    return conversation, message
