"""Someone outside a group replays its URLs and ids: a secret group's pages answer 404, an
open or closed group's management URLs 403, and nothing changes in the database."""

import pytest

from landnetz.core.models import AuditEntry
from landnetz.groups import services
from landnetz.groups.models import Group, GroupInvitation, GroupMembership
from landnetz.notifications.models import Notification

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Group.objects.order_by("pk").values()),
        list(GroupMembership.objects.order_by("pk").values()),
        list(GroupInvitation.objects.order_by("pk").values()),
        AuditEntry.objects.count(),
        Notification.objects.count(),
    )


def target(group, admin, member, requester=None):
    invitation = services.invite(actor=admin, group=group, email="freundin@example.org")
    request = services.join(actor=requester, group=group) if requester is not None else None
    return {
        "group": group,
        "member": GroupMembership.objects.get(group=group, user=member),
        "admin": GroupMembership.objects.get(group=group, user=admin),
        "request": request,
        "invitation": invitation,
    }


def attempts(t):
    base = f"/de/groups/{t['group'].slug}"
    member, admin, invitation = t["member"], t["admin"], t["invitation"]
    rows = [
        ("get", f"{base}/edit/", {}),
        ("post", f"{base}/edit/", {"name": "Gekapert", "kind": "open"}),
        ("post", f"{base}/members/", {"action": "remove", "membership": member.pk}),
        ("post", f"{base}/members/", {"action": "remove", "membership": admin.pk}),
        ("post", f"{base}/members/", {"action": "make_admin", "membership": member.pk}),
        ("post", f"{base}/members/", {"action": "make_member", "membership": admin.pk}),
        ("post", f"{base}/members/", {"action": "hand_over", "membership": member.pk}),
        ("post", f"{base}/members/", {"action": "revoke", "invitation": invitation.pk}),
        ("post", f"{base}/members/", {"action": "invite", "email": "ich@example.org", "role": "admin"}),
        ("get", f"{base}/delete/", {}),
        ("post", f"{base}/delete/", {}),
    ]
    if t["request"] is not None:
        rows += [
            ("post", f"{base}/members/", {"action": "approve", "membership": t["request"].pk}),
            ("post", f"{base}/members/", {"action": "decline", "membership": t["request"].pk}),
        ]
    return rows


def test_secret_group_is_404_on_every_url_and_nothing_changes(
    client, secret_group, counsellor, migrant_org_chair, outsider
):
    t = target(secret_group, counsellor, migrant_org_chair)
    base = f"/de/groups/{secret_group.slug}"
    before = snapshot()
    client.force_login(outsider)
    for method, url, data in attempts(t) + [
        ("get", f"{base}/", {}),
        ("get", f"{base}/members/", {}),
        ("post", f"{base}/join/", {}),
        ("post", f"{base}/leave/", {}),
    ]:
        assert getattr(client, method)(url, data).status_code == 404, (method, url, data)
    assert snapshot() == before


def test_closed_group_management_is_403_for_outsiders(
    client, closed_group, coordinator, room_owner, volunteer, outsider
):
    t = target(closed_group, coordinator, room_owner, requester=volunteer)
    before = snapshot()
    client.force_login(outsider)
    for method, url, data in attempts(t) + [("get", f"/de/groups/{closed_group.slug}/members/", {})]:
        assert getattr(client, method)(url, data).status_code == 403, (method, url, data)
    client.post(f"/de/groups/{closed_group.slug}/leave/")  # not a member: a message, no change
    assert snapshot() == before


def test_plain_member_manages_nothing(client, closed_group, coordinator, room_owner, volunteer):
    t = target(closed_group, coordinator, room_owner, requester=volunteer)
    before = snapshot()
    client.force_login(room_owner)
    for method, url, data in attempts(t):
        assert getattr(client, method)(url, data).status_code == 403, (method, url, data)
    assert snapshot() == before


def test_admin_of_one_group_cannot_act_on_another(
    client, closed_group, coordinator, room_owner, volunteer, make_group, outsider
):
    t = target(closed_group, coordinator, room_owner, requester=volunteer)
    own = make_group(outsider, name="Eigene Gruppe")
    before = snapshot()
    client.force_login(outsider)
    for method, url, data in attempts(t):
        assert getattr(client, method)(url, data).status_code == 403, (method, url, data)
    # Ids of the other group sent to one's own members page change nothing either.
    own_members = f"/de/groups/{own.slug}/members/"
    for action, field, value in [
        ("remove", "membership", t["member"].pk),
        ("make_member", "membership", t["admin"].pk),
        ("approve", "membership", t["request"].pk),
        ("revoke", "invitation", t["invitation"].pk),
    ]:
        assert client.post(own_members, {"action": action, field: value}).status_code == 302
    assert snapshot() == before


def test_invitation_token_of_another_address_opens_nothing(client, closed_group, coordinator, outsider):
    invitation = services.invite(actor=coordinator, group=closed_group, email="jemand@example.org")
    before = snapshot()
    client.force_login(outsider)
    path = f"/de/groups/invitations/{invitation.token}/"
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    # The stored hash is no link.
    assert client.get(f"/de/groups/invitations/{invitation.token_hash}/").status_code == 404
    assert snapshot() == before


def test_no_state_change_on_get(client, open_group, outsider):
    client.force_login(outsider)
    before = snapshot()
    for path in ("", "members/"):
        assert client.get(f"/de/groups/{open_group.slug}/{path}").status_code == 200
    for path in ("join/", "leave/"):
        assert client.get(f"/de/groups/{open_group.slug}/{path}").status_code == 405
    assert snapshot() == before


def test_unknown_address_is_404(client, outsider):
    client.force_login(outsider)
    for path in ("", "edit/", "members/", "delete/"):
        assert client.get(f"/de/groups/nothing-here/{path}").status_code == 404
    for path in ("join/", "leave/", "delete/"):
        assert client.post(f"/de/groups/nothing-here/{path}").status_code == 404
