"""Groups through HTTP: list, create, the group page, edit, members, join, leave, delete, invitations."""

import pytest
from django.core import mail

from landnetz.groups import services
from landnetz.groups.models import Group, GroupInvitation, GroupMembership
from landnetz.groups.tests.test_services import membership
from tests.factories import UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def url(group, page="") -> str:
    return f"/en/groups/{group.slug}/{page}"


# --- list -----------------------------------------------------------------------------------


def test_visitors_are_sent_to_the_login(client, open_group):
    for path in ("/en/groups/", "/en/groups/new/", url(open_group), url(open_group, "members/")):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], path


def test_list_search_region_and_mine(client, open_group, closed_group, make_group, employer, regions, newcomer):
    make_group(employer, name="Arbeitgeberrunde Gardelegen", region=regions["altmarkkreis-salzwedel"])
    client.force_login(newcomer)
    page = client.get("/en/groups/").content.decode()
    assert "Netzwerk Integration Altmark" in page and "Arbeitgeberrunde Gardelegen" in page
    page = client.get("/en/groups/", {"q": "arbeitgeber"}).content.decode()
    assert "Arbeitgeberrunde Gardelegen" in page and "Netzwerk Integration Altmark" not in page
    page = client.get("/en/groups/", {"region": "altmarkkreis-salzwedel"}).content.decode()
    assert "Arbeitgeberrunde Gardelegen" in page and "Sprachcafé" not in page
    page = client.get("/en/groups/", {"mine": "on"}).content.decode()
    assert "Sprachcafé" in page and "Netzwerk Integration Altmark" not in page
    assert "1 group" in page


def test_list_bad_filter_keeps_what_was_typed(client, open_group, newcomer):
    client.force_login(newcomer)
    response = client.get("/en/groups/", {"q": "Sprach\u202e", "region": "nowhere"})
    assert response.status_code == 200
    document = parse(response.content)
    assert document.find("input", id="id_q").get("value") == "Sprach\u202e"
    assert response.context["filter_form"].errors.keys() == {"q", "region"}


def test_list_is_paginated(client, make_group, volunteer, settings):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "group_create": ""}
    for number in range(23):
        make_group(volunteer, name=f"Gruppe {number:02d}")
    client.force_login(volunteer)
    first = client.get("/en/groups/").content.decode()
    assert "Gruppe 19" in first and "Gruppe 20" not in first and "Page 1 of 2" in first
    assert "Gruppe 22" in client.get("/en/groups/", {"page": 2}).content.decode()


def test_empty_list_invites_to_create(client, volunteer):
    client.force_login(volunteer)
    page = client.get("/en/groups/").content.decode()
    assert "There are no groups yet" in page and "/en/groups/new/" in page


# --- create and edit ---------------------------------------------------------------------


def test_create_in_german_makes_the_creator_admin(client, volunteer, regions):
    client.force_login(volunteer)
    response = client.post(
        "/de/groups/new/",
        {
            "name": "Netzwerk Integration Altmark",
            "kind": "closed",
            "description": "Wir **treffen** uns monatlich.",
            "description_language": "de",
            "region": regions["stendal"].pk,
        },
    )
    group = Group.objects.get()
    assert response.status_code == 302 and response["Location"] == "/de/groups/netzwerk-integration-altmark/"
    assert (group.kind, group.region, group.created_by) == ("closed", regions["stendal"], volunteer)
    assert membership(group, volunteer).role == "admin"
    page = client.get(response["Location"]).content.decode()
    assert "<strong>treffen</strong>" in page
    assert "Sie verwalten diese Gruppe." in page


def test_create_refuses_bad_input_and_keeps_it(client, volunteer):
    client.force_login(volunteer)
    response = client.post(
        "/en/groups/new/", {"name": "", "kind": "public", "description": "<script>x</script>", "region": "999"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "kind", "region"}
    assert not Group.objects.exists()
    document = parse(response.content)
    assert document.find("textarea", name="description").raw_text().strip() == "<script>x</script>"
    assert document.find_all(class_="ln-error-summary")


def test_description_script_is_not_executed(client, volunteer, make_group):
    group = make_group(volunteer, name="Skript", description="<script>alert(1)</script> [x](javascript:alert(1))")
    client.force_login(volunteer)
    page = client.get(url(group)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert 'href="javascript:' not in page


def test_edit_by_admin(client, closed_group, coordinator):
    client.force_login(coordinator)
    assert client.get(url(closed_group, "edit/")).status_code == 200
    response = client.post(
        url(closed_group, "edit/"), {"name": "Netzwerk Altmark", "kind": "closed", "description": "", "region": ""}
    )
    assert response.status_code == 302
    closed_group.refresh_from_db()
    assert (closed_group.name, closed_group.region) == ("Netzwerk Altmark", None)


def test_edit_forbidden_for_plain_members(client, closed_group, room_owner):
    client.force_login(room_owner)
    assert client.get(url(closed_group, "edit/")).status_code == 403
    assert client.post(url(closed_group, "edit/"), {"name": "X", "kind": "open"}).status_code == 403
    closed_group.refresh_from_db()
    assert closed_group.name == "Netzwerk Integration Altmark"


# --- the group page ----------------------------------------------------------------------


def test_group_page_explains_the_kind_and_shows_members_to_members(client, closed_group, room_owner, outsider):
    client.force_login(room_owner)
    page = client.get(url(closed_group)).content.decode()
    assert "Closed: every member can find the group" in page
    assert "Katrin Behrendt" in page and "administrator" in page
    assert "Leave the group" in page
    client.force_login(outsider)
    page = client.get(url(closed_group)).content.decode()
    assert "Katrin Behrendt" not in page
    assert "Only members of the group see who else is in it." in page
    assert "Ask to join" in page
    assert client.get(url(closed_group, "members/")).status_code == 403


def test_open_group_members_are_visible_to_every_member(client, open_group, outsider, newcomer):
    client.force_login(outsider)
    page = client.get(url(open_group)).content.decode()
    assert "Olena Kovalenko" in page and "Join the group" in page
    assert client.get(url(open_group, "members/")).status_code == 200


def test_group_page_renders_the_panels(client, open_group, newcomer):
    from landnetz.core import hooks
    from landnetz.core.hooks import Panel

    seen = []

    def provider(viewer, group):
        seen.append((viewer.pk, group.pk))
        # Any panel template will do: the start page's "Your groups" panel.
        return Panel(order=10, template="groups/panels/start.html", context={"groups": [group], "more": False})

    hooks.add_panel("group", provider)
    try:
        client.force_login(newcomer)
        page = client.get(url(open_group)).content.decode()
    finally:
        hooks._panel_providers["group"].remove(provider)
    assert seen == [(newcomer.pk, open_group.pk)]
    assert "Your groups" in page


def test_sole_admin_sees_why_they_cannot_leave(client, open_group, volunteer):
    client.force_login(volunteer)
    page = client.get(url(open_group)).content.decode()
    assert "You are the only administrator" in page
    assert "Leave the group" not in page


# --- join, request, leave ----------------------------------------------------------------


def test_join_open_group(client, open_group, outsider):
    client.force_login(outsider)
    response = client.post(url(open_group, "join/"))
    assert response.status_code == 302
    assert membership(open_group, outsider).status == "active"


def test_request_approve_and_decline_through_the_members_page(
    client, closed_group, coordinator, volunteer, outsider, django_capture_on_commit_callbacks
):
    client.force_login(volunteer)
    client.post(url(closed_group, "join/"))
    client.force_login(outsider)
    client.post(url(closed_group, "join/"))
    client.force_login(coordinator)
    page = client.get(url(closed_group, "members/")).content.decode()
    assert "Helga Wiesner" in page and "Uwe Fremd" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(closed_group, "members/"), {"action": "approve", "membership": membership(closed_group, volunteer).pk}
        )
    client.post(
        url(closed_group, "members/"), {"action": "decline", "membership": membership(closed_group, outsider).pk}
    )
    assert membership(closed_group, volunteer).status == "active"
    assert not GroupMembership.objects.filter(group=closed_group, user=outsider).exists()


def test_withdraw_a_request(client, closed_group, volunteer):
    client.force_login(volunteer)
    client.post(url(closed_group, "join/"))
    response = client.post(url(closed_group, "leave/"))
    assert response.status_code == 302
    assert not GroupMembership.objects.filter(group=closed_group, user=volunteer).exists()


def test_last_admin_leaving_gets_a_clear_message(client, open_group, volunteer):
    client.force_login(volunteer)
    response = client.post(url(open_group, "leave/"), follow=True)
    assert "A group needs at least one administrator" in response.content.decode()
    assert membership(open_group, volunteer).role == "admin"


def test_member_leaves(client, open_group, newcomer):
    client.force_login(newcomer)
    client.post(url(open_group, "leave/"))
    assert not GroupMembership.objects.filter(group=open_group, user=newcomer).exists()


def test_get_changes_nothing(client, open_group, outsider):
    client.force_login(outsider)
    for page in ("join/", "leave/"):
        assert client.get(url(open_group, page)).status_code == 405
    assert not GroupMembership.objects.filter(user=outsider).exists()


# --- members page: roles, removal, invitations --------------------------------------------


def test_make_admin_hand_over_and_remove(client, open_group, volunteer, newcomer, outsider):
    services.join(actor=outsider, group=open_group)
    client.force_login(volunteer)
    members = url(open_group, "members/")
    client.post(members, {"action": "make_admin", "membership": membership(open_group, newcomer).pk})
    assert membership(open_group, newcomer).role == "admin"
    client.post(members, {"action": "remove", "membership": membership(open_group, outsider).pk})
    assert not GroupMembership.objects.filter(group=open_group, user=outsider).exists()
    client.post(members, {"action": "make_member", "membership": membership(open_group, newcomer).pk})
    client.post(members, {"action": "hand_over", "membership": membership(open_group, newcomer).pk})
    assert membership(open_group, newcomer).role == "admin"
    assert membership(open_group, volunteer).role == "member"


def test_removing_the_last_admin_says_why(client, open_group, volunteer, network_admin):
    client.force_login(network_admin)
    response = client.post(
        url(open_group, "members/"),
        {"action": "remove", "membership": membership(open_group, volunteer).pk},
        follow=True,
    )
    assert "A group needs at least one administrator" in response.content.decode()
    assert membership(open_group, volunteer).role == "admin"


def test_action_on_a_membership_of_another_group_is_refused(client, open_group, closed_group, volunteer, room_owner):
    client.force_login(volunteer)
    other = membership(closed_group, room_owner)
    response = client.post(url(open_group, "members/"), {"action": "remove", "membership": other.pk}, follow=True)
    assert "This action is not possible" in response.content.decode()
    assert GroupMembership.objects.filter(pk=other.pk).exists()


def test_invite_by_email_and_accept_after_signing_up(
    client, closed_group, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(closed_group, "members/"), {"action": "invite", "email": "amal@example.org", "role": "member"}
        )
    assert response.status_code == 302
    invitation = GroupInvitation.objects.get()
    link = next(line for line in mail.outbox[0].body.splitlines() if "/groups/invitations/" in line)
    path = link.split("8000", 1)[-1] if "8000" in link else "/" + link.split("/", 3)[3]
    # Someone without an account is asked to log in (or sign up) first.
    client.logout()
    assert client.get(path).status_code == 302
    amal = UserFactory(email="amal@example.org", display_name="Amal Nasser", preferred_language="ar")
    client.force_login(amal)
    page = client.get(path).content.decode()
    assert "Netzwerk Integration Altmark" in page
    response = client.post(path)
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert membership(closed_group, amal).status == "active"


def test_invite_form_errors_keep_the_address(client, closed_group, coordinator):
    client.force_login(coordinator)
    response = client.post(url(closed_group, "members/"), {"action": "invite", "email": "kein-at", "role": "boss"})
    assert response.status_code == 200
    document = parse(response.content)
    assert document.find("input", name="email").get("value") == "kein-at"
    assert not GroupInvitation.objects.exists()


def test_revoke_invitation(client, closed_group, coordinator):
    invitation = services.invite(actor=coordinator, group=closed_group, email="weg@example.org")
    client.force_login(coordinator)
    client.post(url(closed_group, "members/"), {"action": "revoke", "invitation": invitation.pk})
    assert not GroupInvitation.objects.exists()


def test_invitation_page_for_another_address(client, closed_group, coordinator, outsider):
    invitation = services.invite(actor=coordinator, group=closed_group, email="jemand@example.org")
    client.force_login(outsider)
    page = client.get(f"/en/groups/invitations/{invitation.token}/").content.decode()
    assert "sent to a different e-mail address" in page
    client.post(f"/en/groups/invitations/{invitation.token}/")
    assert not GroupMembership.objects.filter(user=outsider).exists()


def test_unknown_invitation_is_404(client, outsider):
    client.force_login(outsider)
    assert client.get("/en/groups/invitations/nothing-here/").status_code == 404


# --- delete -------------------------------------------------------------------------------


def test_delete_asks_first(client, open_group, volunteer):
    client.force_login(volunteer)
    page = client.get(url(open_group, "delete/")).content.decode()
    assert "This cannot be undone" in page
    assert Group.objects.filter(pk=open_group.pk).exists()
    response = client.post(url(open_group, "delete/"))
    assert response.status_code == 302 and response["Location"] == "/en/groups/"
    assert not Group.objects.filter(pk=open_group.pk).exists()


def test_delete_forbidden_for_members(client, open_group, newcomer):
    client.force_login(newcomer)
    assert client.get(url(open_group, "delete/")).status_code == 403
    assert client.post(url(open_group, "delete/")).status_code == 403
    assert Group.objects.filter(pk=open_group.pk).exists()


# --- start page ---------------------------------------------------------------------------


def test_start_page_lists_my_groups(client, open_group, secret_group, newcomer, migrant_org_chair):
    client.force_login(newcomer)
    page = client.get("/en/").content.decode()
    assert "Your groups" in page and "Sprachcafé-Ehrenamtliche Tangerhütte" in page
    assert "Fallbesprechung" not in page
    client.force_login(migrant_org_chair)
    assert "Fallbesprechung Migrationsberatung" in client.get("/en/").content.decode()


def test_start_page_without_groups_invites_to_find_one(client, outsider):
    client.force_login(outsider)
    page = client.get("/en/").content.decode()
    assert "You are not in a group yet" in page and "/en/groups/new/" in page


def test_worklist_shows_requests_to_admins(client, closed_group, coordinator, volunteer):
    services.join(actor=volunteer, group=closed_group)
    client.force_login(coordinator)
    page = client.get("/en/").content.decode()
    assert "Requests to join the group" in page and url(closed_group, "members/") in page
