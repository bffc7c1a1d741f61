"""Objects for the permission matrix (docs/permissions.md): profiles of each visibility."""

from landnetz.accounts import services
from landnetz.accounts.queries import profile_of
from tests.factories import UserFactory


def _person(visibility: str):
    user = UserFactory(display_name=f"Matrix {visibility}")
    profile = profile_of(user)
    profile.visibility = visibility
    profile.save()
    services._reindex(user)
    return user


def create(users) -> dict[str, str]:
    return {
        "PUBLIC_PERSON": str(_person("public").pk),
        "MEMBERS_PERSON": str(_person("members").pk),
        "HIDDEN_PERSON": str(_person("nobody").pk),
    }
