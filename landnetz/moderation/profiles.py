"""Profiles are reportable. They live in ``accounts`` (below the seams), so the moderation
seam registers them itself; feature apps register their own content in their ``ready``."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from landnetz.accounts import queries as account_queries
from landnetz.accounts import services as account_services
from landnetz.accounts.models import Profile
from landnetz.moderation.registry import Reportable, register


def _visible(viewer, user_id: int):
    try:
        return account_queries.visible_profile(viewer, user_id)
    except Http404:
        return None


def register_profiles() -> None:
    register(
        Reportable(
            kind="accounts.profile",
            label=_("Profile"),
            visible=_visible,
            get=lambda user_id: Profile.objects.select_related("user__region").filter(user_id=user_id).first(),
            region_of=lambda profile: profile.user.region,
            owners_of=lambda profile: [profile.user],
            title_of=lambda profile: profile.user.display_name,
            url_of=lambda profile: ("people:detail", {"user_id": profile.user_id}),
            hide=lambda profile: account_services.set_profile_hidden(profile=profile, hidden=True),
            restore=lambda profile: account_services.set_profile_hidden(profile=profile, hidden=False),
            delete=lambda profile, actor: account_services.clear_profile(profile=profile),
        )
    )
