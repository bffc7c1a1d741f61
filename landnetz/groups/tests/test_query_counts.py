"""The group list, a group page and its members page run as many queries with many groups,
members, requests and invitations as with few (``tests/querycount.assert_flat``)."""

import itertools

import pytest
from django.utils import timezone

from landnetz.accounts.models import Profile, User
from landnetz.core.queries import privacy_statement_version
from landnetz.groups.models import Group, GroupInvitation, GroupMembership
from tests.querycount import assert_flat

pytestmark = pytest.mark.django_db

MORE = 12
_numbers = itertools.count()


def member(visibility="members") -> User:
    number = next(_numbers)
    user = User.objects.create(
        email=f"gq{number}@example.org",
        display_name=f"Gq Person {number}",
        privacy_consent_at=timezone.now(),
        privacy_consent_version=privacy_statement_version(),
    )
    Profile.objects.create(user=user, visibility=visibility)
    return user


def group(kind="open", region=None, name=None) -> Group:
    number = next(_numbers)
    return Group.objects.create(name=name or f"Gq Gruppe {number}", slug=f"gq-{number}", kind=kind, region=region)


def add(group, users, *, status="active", role="member"):
    GroupMembership.objects.bulk_create(GroupMembership(group=group, user=u, status=status, role=role) for u in users)


@pytest.fixture
def viewer(outsider):
    return outsider


def test_group_list_is_flat(client, viewer, regions):
    client.force_login(viewer)
    mine = group()
    add(mine, [viewer])

    def grow():
        for index in range(MORE):
            created = group(region=regions["stendal"] if index % 2 else None)
            add(created, [member(), member()])
            if index % 3 == 0:
                add(created, [viewer])
            group(kind="secret")  # never shown

    assert_flat(client, "/de/groups/", grow=grow, shows=lambda html: html.count('class="ln-result"'))


def test_my_groups_filter_is_flat(client, viewer):
    client.force_login(viewer)
    add(group(), [viewer])

    def grow():
        for _ in range(MORE):
            add(group(kind="closed"), [viewer, member()])

    assert_flat(client, "/de/groups/?mine=on", grow=grow, shows=lambda html: html.count('class="ln-result"'))


@pytest.mark.parametrize("kind", ["open", "closed"])
def test_group_page_is_flat(client, viewer, kind):
    target = group(kind=kind, name="Gq Zielgruppe")
    admin = member()
    add(target, [admin], role="admin")
    add(target, [viewer])
    client.force_login(viewer)

    def grow():
        add(target, [member(visibility) for visibility in ["public", "members", "nobody"] * 3])
        add(target, [member() for _ in range(3)], role="admin")
        add(target, [member() for _ in range(3)], status="requested")
        for _ in range(3):
            add(group(), [viewer])

    assert_flat(client, f"/de/groups/{target.slug}/", grow=grow, shows=lambda html: html.count("Gq Person"))


def test_members_page_for_an_admin_is_flat(client, viewer):
    target = group(kind="closed", name="Gq Verwaltete Gruppe")
    add(target, [viewer], role="admin")
    add(target, [member()])
    client.force_login(viewer)

    def grow():
        add(target, [member(visibility) for visibility in ["public", "members", "nobody"] * 4])
        add(target, [member() for _ in range(2)], role="admin")
        add(target, [member() for _ in range(MORE)], status="requested")
        for number in range(MORE):
            GroupInvitation.objects.create(group=target, email=f"gqi{number}@example.org", token_hash=f"h{number}")

    assert_flat(
        client,
        f"/de/groups/{target.slug}/members/",
        grow=grow,
        shows=lambda html: html.count("Gq Person") + html.count("gqi"),
    )


def test_start_page_panel_is_flat(client, viewer):
    add(group(), [viewer])
    client.force_login(viewer)

    def grow():
        for _ in range(MORE):
            add(group(), [viewer, member()])

    assert_flat(client, "/de/", grow=grow, shows=lambda html: html.count("Gq Gruppe"))
