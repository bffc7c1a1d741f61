"""A secret group is invisible to everyone outside it, everywhere: pages, lists, counts,
the site search (results and counts per kind), the start page and notifications."""

import pytest

from landnetz.groups import queries, services
from landnetz.groups.models import GroupMembership
from landnetz.notifications.models import Notification
from landnetz.notifications.queries import text_of
from landnetz.search.queries import Criteria, counts_by_kind, search

pytestmark = pytest.mark.django_db

NAME = "Fallbesprechung"


def found(viewer, text=NAME) -> list[str]:
    return [entry.title for entry in search(viewer, Criteria(text=text, kinds=("group",)))]


def test_search_finds_the_secret_group_only_for_its_members(secret_group, outsider, migrant_org_chair, network_admin):
    assert found(migrant_org_chair) == ["Fallbesprechung Migrationsberatung"]
    assert found(outsider) == []
    assert found(network_admin) == []
    assert counts_by_kind(outsider, Criteria(text=NAME)).get("group", 0) == 0
    assert counts_by_kind(migrant_org_chair, Criteria(text=NAME))["group"] == 1


def test_search_without_words_and_by_region(secret_group, outsider, migrant_org_chair, regions):
    criteria = Criteria(kinds=("group",), region=regions["burgenlandkreis"])
    assert [entry.object_id for entry in search(outsider, criteria)] == []
    assert [entry.object_id for entry in search(migrant_org_chair, criteria)] == [secret_group.pk]


def test_open_and_closed_groups_are_found_by_members_not_by_visitors(open_group, closed_group, outsider):
    from django.contrib.auth.models import AnonymousUser

    assert found(outsider, "Netzwerk Altmark") == ["Netzwerk Integration Altmark"]
    assert found(outsider, "Sprachcafé") == ["Sprachcafé-Ehrenamtliche Tangerhütte"]
    assert found(AnonymousUser(), "Netzwerk Altmark") == []


def test_hidden_group_is_not_found(open_group, outsider):
    services.set_hidden(group=open_group, hidden=True)
    assert found(outsider, "Sprachcafé") == []
    services.set_hidden(group=open_group, hidden=False)
    assert found(outsider, "Sprachcafé") == ["Sprachcafé-Ehrenamtliche Tangerhütte"]


def test_member_leaving_no_longer_finds_it(secret_group, migrant_org_chair, counsellor):
    assert found(migrant_org_chair)
    services.remove_member(actor=counsellor, membership=GroupMembership.objects.get(user=migrant_org_chair))
    migrant_org_chair.__dict__.pop("_group_memberships", None)
    assert found(migrant_org_chair) == []


def test_the_search_page_does_not_show_it(client, secret_group, outsider, migrant_org_chair):
    client.force_login(outsider)
    page = client.get("/en/search/", {"q": NAME}).content.decode()
    assert "Fallbesprechung Migrationsberatung" not in page
    client.force_login(migrant_org_chair)
    page = client.get("/en/search/", {"q": NAME}).content.decode()
    assert "Fallbesprechung Migrationsberatung" in page


def test_every_url_of_a_secret_group_is_404_for_outsiders(client, secret_group, outsider, network_admin):
    base = f"/en/groups/{secret_group.slug}/"
    for viewer in (outsider, network_admin):
        client.force_login(viewer)
        for path in ("", "edit/", "members/", "delete/"):
            assert client.get(base + path).status_code == 404, (viewer, path)
        for path in ("join/", "leave/", "edit/", "members/", "delete/"):
            assert client.post(base + path, {"action": "invite", "email": "x@example.org"}).status_code == 404


def test_list_and_counts_leave_it_out(client, secret_group, open_group, outsider, migrant_org_chair):
    client.force_login(outsider)
    page = client.get("/en/groups/", {"region": "burgenlandkreis"}).content.decode()
    assert "0 groups" in page and NAME not in page
    page = client.get("/en/groups/").content.decode()
    assert "1 group" in page and NAME not in page
    client.force_login(migrant_org_chair)
    assert "2 groups" in client.get("/en/groups/").content.decode()


def test_member_count_and_lists_of_a_person_never_mention_it(secret_group, outsider, migrant_org_chair):
    assert list(queries.groups_of(outsider)) == []
    assert queries.member_group_ids(outsider) == set()
    assert queries.member_group_ids(migrant_org_chair) == {secret_group.pk}


def test_no_notification_names_it_after_leaving(secret_group, counsellor, migrant_org_chair, volunteer):
    """A member made admin is told without the group's name; the stored row never holds it."""
    services.set_role(actor=counsellor, membership=GroupMembership.objects.get(user=migrant_org_chair), role="admin")
    invitation = services.invite(actor=counsellor, group=secret_group, email=volunteer.email)
    assert invitation is not None
    for notification in Notification.objects.filter(kind__startswith="groups."):
        assert NAME not in text_of(notification)
        assert NAME not in str(notification.data)
        assert NAME not in str(notification.url_kwargs)


def test_invitation_page_names_it_only_to_the_addressee(client, secret_group, counsellor, volunteer, outsider):
    invitation = services.invite(actor=counsellor, group=secret_group, email=volunteer.email)
    path = f"/en/groups/invitations/{invitation.token}/"
    client.force_login(outsider)
    page = client.get(path).content.decode()
    assert NAME not in page and "Invitation to a group" in page
    client.force_login(volunteer)
    assert "Fallbesprechung Migrationsberatung" in client.get(path).content.decode()
    client.post(path)
    assert GroupMembership.objects.get(group=secret_group, user=volunteer).status == "active"


def test_reporting_a_secret_group_is_for_members_only(client, secret_group, outsider, migrant_org_chair):
    path = f"/en/moderation/report/groups.group/{secret_group.pk}/"
    client.force_login(outsider)
    assert client.get(path).status_code == 404
    client.force_login(migrant_org_chair)
    assert client.get(path).status_code == 200
