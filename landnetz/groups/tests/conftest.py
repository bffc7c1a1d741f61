"""Fixtures of the groups tests: groups built through the services."""

import pytest


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids); pages under /de/ still render German."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def make_group(db):
    """``make_group(admin, name=..., kind=..., region=None, members=(), requests=())`` through the services."""
    from landnetz.groups import services
    from landnetz.groups.models import GroupMembership

    def make(admin, *, name: str, kind: str = "open", region=None, members=(), requests=(), **fields):
        group = services.create_group(actor=admin, name=name, kind=kind, region=region, **fields)
        for user in members:
            GroupMembership.objects.create(group=group, user=user, status="active", role="member")
        for user in requests:
            GroupMembership.objects.create(group=group, user=user, status="requested", role="member")
        for user in (*members, *requests):
            user.__dict__.pop("_group_memberships", None)
        return group

    return make


@pytest.fixture
def open_group(make_group, volunteer, newcomer, regions):
    """An open group in Stendal: the volunteer runs it, the newcomer is a member."""
    return make_group(
        volunteer, name="Sprachcafé-Ehrenamtliche Tangerhütte", region=regions["stendal"], members=[newcomer]
    )


@pytest.fixture
def closed_group(make_group, coordinator, room_owner, regions):
    """A closed group in Stendal: the coordinator runs it, the room owner is a member."""
    return make_group(
        coordinator,
        name="Netzwerk Integration Altmark",
        kind="closed",
        region=regions["stendal"],
        members=[room_owner],
        description="Austausch der **Akteure** in der Altmark.",
    )


@pytest.fixture
def secret_group(make_group, counsellor, migrant_org_chair, regions):
    """A secret group in the Burgenlandkreis: the counsellor runs it, the migrant organisation's chair is in it."""
    return make_group(
        counsellor,
        name="Fallbesprechung Migrationsberatung",
        kind="secret",
        region=regions["burgenlandkreis"],
        members=[migrant_org_chair],
        description="Vertrauliche Fallbesprechung Naumburg.",
    )
