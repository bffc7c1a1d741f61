"""The rules of groups, through the services: joining, requests, the last admin, invitations,
erasure, and what a secret group shows to outsiders (nothing)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from landnetz.groups import queries, services
from landnetz.groups.models import Group, GroupInvitation, GroupMembership, hash_token
from landnetz.groups.permissions import can_post_in, forget_memberships, is_group_admin
from landnetz.notifications.models import Notification
from landnetz.notifications.queries import text_of
from landnetz.privacy.services import erase_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """``services.invite`` with its e-mails sent (the test's transaction never commits)."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.invite(**kwargs)

    return run


def membership(group, user):
    return GroupMembership.objects.get(group=group, user=user)


def fresh(*users):
    forget_memberships(*users)


# --- creating ---------------------------------------------------------------------------


def test_creator_becomes_the_only_admin(make_group, volunteer):
    group = make_group(volunteer, name="Tafel-Team", kind="closed")
    assert list(GroupMembership.objects.filter(group=group).values_list("user_id", "role", "status")) == [
        (volunteer.pk, "admin", "active")
    ]
    assert group.slug == "tafel-team"
    assert group.description_language == "de"


def test_same_name_gets_another_address_and_secret_addresses_reveal_nothing(make_group, volunteer, counsellor):
    first = make_group(volunteer, name="Sprachcafé")
    second = make_group(volunteer, name="Sprachcafé")
    secret = make_group(counsellor, name="Sprachcafé", kind="secret")
    assert (first.slug, second.slug) == ("sprachcafe", "sprachcafe-2")
    assert secret.slug.startswith("sprachcafe-") and len(secret.slug) == len("sprachcafe-") + 8
    # A new open group with that name does not collide with the secret one's address.
    assert make_group(volunteer, name="Sprachcafé").slug == "sprachcafe-3"


def test_reserved_addresses_are_not_given_to_groups(make_group, volunteer):
    assert make_group(volunteer, name="New").slug == "new-gruppe"
    assert make_group(volunteer, name="Invitations").slug == "invitations-gruppe"


def test_visitors_cannot_create(db):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.create_group(actor=AnonymousUser(), name="X", kind="open")


def test_unknown_kind_is_refused(volunteer):
    with pytest.raises(ValidationError) as error:
        services.create_group(actor=volunteer, name="X", kind="public")
    assert "kind" in error.value.error_dict
    assert not Group.objects.exists()


def test_creation_is_rate_limited(settings, volunteer):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "group_create": "2/h"}
    services.create_group(actor=volunteer, name="Eins", kind="open")
    services.create_group(actor=volunteer, name="Zwei", kind="open")
    with pytest.raises(ValidationError):
        services.create_group(actor=volunteer, name="Drei", kind="open")
    assert Group.objects.count() == 2


# --- joining ----------------------------------------------------------------------------


def test_open_group_is_joined_at_once(open_group, employer):
    assert services.join(actor=employer, group=open_group).status == "active"
    assert can_post_in(employer, open_group)


def test_closed_group_takes_a_request_and_tells_its_admins(closed_group, volunteer, coordinator):
    request = services.join(actor=volunteer, group=closed_group)
    assert request.status == "requested"
    assert not can_post_in(volunteer, closed_group)
    notification = Notification.objects.get(recipient=coordinator, kind="groups.join_request")
    assert "Netzwerk Integration Altmark" in text_of(notification)
    with pytest.raises(ValidationError):
        services.join(actor=volunteer, group=closed_group)
    services.approve_request(actor=coordinator, membership=request)
    fresh(volunteer)
    assert can_post_in(volunteer, closed_group)
    answer = Notification.objects.get(recipient=volunteer, kind="groups.join_answered")
    assert "accepted" in text_of(answer)


def test_declined_request_is_gone_and_the_member_is_told(closed_group, volunteer, coordinator):
    request = services.join(actor=volunteer, group=closed_group)
    services.decline_request(actor=coordinator, membership=request)
    assert not GroupMembership.objects.filter(group=closed_group, user=volunteer).exists()
    assert "declined" in text_of(Notification.objects.get(recipient=volunteer, kind="groups.join_answered"))
    with pytest.raises(ValidationError):
        services.approve_request(actor=coordinator, membership=request)


def test_only_admins_answer_requests(closed_group, volunteer, room_owner):
    request = services.join(actor=volunteer, group=closed_group)
    with pytest.raises(PermissionDenied):
        services.approve_request(actor=room_owner, membership=request)
    assert membership(closed_group, volunteer).status == "requested"


def test_secret_group_cannot_be_joined_or_even_seen(secret_group, outsider):
    with pytest.raises(PermissionDenied):
        services.join(actor=outsider, group=secret_group)
    assert not GroupMembership.objects.filter(group=secret_group, user=outsider).exists()


# --- the last admin ---------------------------------------------------------------------


def test_last_admin_cannot_leave_while_others_remain(open_group, volunteer, newcomer):
    with pytest.raises(ValidationError) as error:
        services.leave(user=volunteer, group=open_group)
    assert error.value.code == "last_admin"
    assert is_group_admin(volunteer, open_group)


def test_last_admin_cannot_be_demoted_or_removed(open_group, volunteer, network_admin):
    own = membership(open_group, volunteer)
    with pytest.raises(ValidationError):
        services.set_role(actor=volunteer, membership=own, role="member")
    # Not even by a network admin.
    with pytest.raises(ValidationError):
        services.remove_member(actor=network_admin, membership=own)
    assert membership(open_group, volunteer).role == "admin"


def test_last_member_deletes_instead_of_leaving(make_group, volunteer):
    group = make_group(volunteer, name="Allein")
    with pytest.raises(ValidationError) as error:
        services.leave(user=volunteer, group=group)
    assert error.value.code == "last_member"
    services.delete_group(actor=volunteer, group=group)
    assert not Group.objects.filter(pk=group.pk).exists()


def test_hand_over_makes_the_other_admin_and_tells_them(open_group, volunteer, newcomer):
    services.hand_over_admin(actor=volunteer, group=open_group, to=membership(open_group, newcomer))
    assert membership(open_group, newcomer).role == "admin"
    assert membership(open_group, volunteer).role == "member"
    made = Notification.objects.get(recipient=newcomer, kind="groups.made_admin")
    assert "Sprachcafé" in text_of(made)
    # Now the volunteer may leave.
    fresh(volunteer)
    services.leave(user=volunteer, group=open_group)
    assert not GroupMembership.objects.filter(group=open_group, user=volunteer).exists()


def test_hand_over_only_to_an_active_member_of_the_same_group(open_group, closed_group, volunteer, employer):
    request = services.join(actor=employer, group=closed_group)
    with pytest.raises(ValidationError):
        services.hand_over_admin(actor=volunteer, group=open_group, to=request)
    with pytest.raises(ValidationError):
        services.hand_over_admin(actor=volunteer, group=open_group, to=membership(open_group, volunteer))


def test_a_second_admin_may_step_down(open_group, volunteer, newcomer):
    services.set_role(actor=volunteer, membership=membership(open_group, newcomer), role="admin")
    services.set_role(actor=volunteer, membership=membership(open_group, volunteer), role="member")
    assert membership(open_group, volunteer).role == "member"


def test_plain_member_manages_nothing(open_group, newcomer, volunteer):
    with pytest.raises(PermissionDenied):
        services.remove_member(actor=newcomer, membership=membership(open_group, volunteer))
    with pytest.raises(PermissionDenied):
        services.update_group(actor=newcomer, group=open_group, name="Gekapert", kind="open")
    with pytest.raises(PermissionDenied):
        services.delete_group(actor=newcomer, group=open_group)
    open_group.refresh_from_db()
    assert open_group.name == "Sprachcafé-Ehrenamtliche Tangerhütte"


# --- kinds change ------------------------------------------------------------------------


def test_becoming_secret_withdraws_requests_and_changes_the_address(closed_group, coordinator, volunteer):
    services.join(actor=volunteer, group=closed_group)
    old_slug = closed_group.slug
    group = services.update_group(actor=coordinator, group=closed_group, name=closed_group.name, kind="secret")
    assert group.slug != old_slug
    assert not GroupMembership.objects.filter(group=group, user=volunteer).exists()
    fresh(volunteer)
    assert queries.visible_group(volunteer, group.slug) is None


def test_becoming_open_accepts_requests(closed_group, coordinator, volunteer):
    services.join(actor=volunteer, group=closed_group)
    services.update_group(actor=coordinator, group=closed_group, name=closed_group.name, kind="open")
    assert membership(closed_group, volunteer).status == "active"


# --- invitations ------------------------------------------------------------------------


def test_invitation_to_someone_without_an_account(closed_group, coordinator, invite, mailoutbox):
    invitation = invite(actor=coordinator, group=closed_group, email="Neu@Example.org")
    assert invitation.email == "neu@example.org"
    # Only the hash of the token is stored; the link in the e-mail carries the token.
    assert invitation.token_hash == hash_token(invitation.token) != invitation.token
    assert not GroupInvitation.objects.filter(token_hash=invitation.token).exists()
    assert len(mailoutbox) == 1
    assert invitation.token in mailoutbox[0].body
    assert "Netzwerk Integration Altmark" in mailoutbox[0].body
    newcomer = UserFactory(email="neu@example.org", preferred_language="ar")
    services.accept_invitation(user=newcomer, token=invitation.token)
    assert membership(closed_group, newcomer).status == "active"
    with pytest.raises(ValidationError):
        services.accept_invitation(user=newcomer, token=invitation.token)


def test_invitation_mail_is_in_the_recipients_language(closed_group, coordinator, newcomer, invite, mailoutbox):
    invite(actor=coordinator, group=closed_group, email=newcomer.email)
    assert "запрошує вас до групи" in mailoutbox[0].body
    # Existing members see it on the site too.
    assert Notification.objects.filter(recipient=newcomer, kind="groups.invited").exists()


def test_invitation_works_only_for_its_address(closed_group, coordinator, outsider):
    invitation = services.invite(actor=coordinator, group=closed_group, email="jemand@example.org")
    with pytest.raises(ValidationError) as error:
        services.accept_invitation(user=outsider, token=invitation.token)
    assert error.value.code == "wrong_address"
    assert not GroupMembership.objects.filter(group=closed_group, user=outsider).exists()


def test_second_open_invitation_to_the_same_address_is_refused(closed_group, coordinator):
    services.invite(actor=coordinator, group=closed_group, email="a@example.org")
    with pytest.raises(ValidationError) as error:
        services.invite(actor=coordinator, group=closed_group, email="A@example.org")
    assert "email" in error.value.error_dict
    assert GroupInvitation.objects.count() == 1


def test_invitations_are_rate_limited(settings, closed_group, coordinator):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "group_invite": "2/m"}
    services.invite(actor=coordinator, group=closed_group, email="a@example.org")
    services.invite(actor=coordinator, group=closed_group, email="b@example.org")
    with pytest.raises(ValidationError):
        services.invite(actor=coordinator, group=closed_group, email="c@example.org")
    assert GroupInvitation.objects.count() == 2


def test_invitation_as_admin_gives_the_role(closed_group, coordinator, volunteer):
    invitation = services.invite(actor=coordinator, group=closed_group, email=volunteer.email, role="admin")
    services.accept_invitation(user=volunteer, token=invitation.token)
    assert membership(closed_group, volunteer).role == "admin"


def test_inviting_a_member_sends_a_note_and_stores_nothing(closed_group, coordinator, room_owner, invite, mailoutbox):
    assert invite(actor=coordinator, group=closed_group, email=room_owner.email) is None
    assert not GroupInvitation.objects.exists()
    assert len(mailoutbox) == 1


# --- secret groups say nothing to outsiders ----------------------------------------------


def test_secret_group_invitation_never_names_the_group_in_mail_or_notification(
    secret_group, counsellor, volunteer, invite, mailoutbox
):
    invite(actor=counsellor, group=secret_group, email=volunteer.email)
    assert "Fallbesprechung" not in mailoutbox[0].body
    assert "Fallbesprechung" not in mailoutbox[0].subject
    notification = Notification.objects.get(recipient=volunteer, kind="groups.invited")
    assert "Fallbesprechung" not in text_of(notification)
    assert "Fallbesprechung" not in str(notification.data)


def test_secret_group_admin_notification_does_not_name_it(secret_group, counsellor, migrant_org_chair):
    services.set_role(actor=counsellor, membership=membership(secret_group, migrant_org_chair), role="admin")
    notification = Notification.objects.get(recipient=migrant_org_chair, kind="groups.made_admin")
    assert "secret group" in text_of(notification)
    assert "Fallbesprechung" not in text_of(notification)


def test_secret_group_is_in_no_list_of_an_outsider(secret_group, outsider, migrant_org_chair, network_admin):
    for viewer in (outsider, network_admin):
        assert secret_group not in queries.visible_groups(viewer)
        assert queries.visible_group(viewer, secret_group.slug) is None
        assert secret_group.pk not in queries.member_group_ids(viewer)
        assert not queries.group_list(viewer, text="Fallbesprechung").exists()
    assert queries.visible_group(migrant_org_chair, secret_group.slug) == secret_group
    assert list(queries.groups_of(migrant_org_chair)) == [secret_group]


# --- readable content (the feed's filter) ------------------------------------------------


def test_readable_groups_q(open_group, closed_group, secret_group, outsider, migrant_org_chair, room_owner):
    from django.contrib.auth.models import AnonymousUser

    def readable(user):
        rows = GroupMembership.objects.filter(queries.readable_groups_q(user)).values_list("group_id", flat=True)
        return set(rows)

    assert readable(outsider) == {open_group.pk}
    assert readable(room_owner) == {open_group.pk, closed_group.pk}
    assert readable(migrant_org_chair) == {open_group.pk, secret_group.pk}
    assert readable(AnonymousUser()) == set()
    services.set_hidden(group=open_group, hidden=True)
    assert readable(outsider) == set()


def test_readable_groups_q_is_one_query_without_ids(open_group, outsider, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    condition = queries.readable_groups_q(outsider)
    with CaptureQueriesContext(connection) as captured:
        list(GroupMembership.objects.filter(condition))
    assert len(captured.captured_queries) == 1
    assert "SELECT" in captured.captured_queries[0]["sql"].split("WHERE", 1)[1]


# --- moderation ---------------------------------------------------------------------------


def test_hidden_group_is_seen_by_its_admins_only(open_group, volunteer, newcomer, outsider, network_admin):
    services.set_hidden(group=open_group, hidden=True)
    open_group.refresh_from_db()
    assert queries.visible_group(volunteer, open_group.slug) == open_group
    assert queries.visible_group(network_admin, open_group.slug) == open_group
    assert queries.visible_group(newcomer, open_group.slug) is None
    assert queries.visible_group(outsider, open_group.slug) is None
    assert not can_post_in(volunteer, open_group)
    assert open_group not in queries.groups_of(newcomer)


# --- erasure ------------------------------------------------------------------------------


def test_erasing_the_last_admin_hands_over_to_the_longest_member(open_group, volunteer, newcomer, employer):
    services.join(actor=employer, group=open_group)
    erase_member(actor=volunteer, user=volunteer)
    assert membership(open_group, newcomer).role == "admin"
    assert membership(open_group, employer).role == "member"
    made = Notification.objects.get(recipient=newcomer, kind="groups.made_admin")
    assert "left the network" in text_of(made)


def test_erasing_the_only_member_deletes_the_group(make_group, volunteer, outsider):
    group = make_group(volunteer, name="Nur ich", kind="closed", requests=[outsider])
    services.invite(actor=volunteer, group=group, email="x@example.org")
    erase_member(actor=volunteer, user=volunteer)
    assert not Group.objects.filter(pk=group.pk).exists()
    assert not GroupInvitation.objects.exists()


def test_erasing_a_member_keeps_a_group_with_another_admin(open_group, volunteer, newcomer):
    services.set_role(actor=volunteer, membership=membership(open_group, newcomer), role="admin")
    erase_member(actor=volunteer, user=volunteer)
    assert list(GroupMembership.objects.filter(group=open_group).values_list("user_id", "role")) == [
        (newcomer.pk, "admin")
    ]


def test_erasure_deletes_invitations_to_the_address(closed_group, coordinator, outsider):
    services.invite(actor=coordinator, group=closed_group, email=outsider.email)
    erase_member(actor=outsider, user=outsider)
    assert not GroupInvitation.objects.exists()


def test_deleting_a_group_removes_its_search_entry(open_group, volunteer):
    from landnetz.search.models import SearchEntry

    assert SearchEntry.objects.filter(kind="group", object_id=open_group.pk).exists()
    services.delete_group(actor=volunteer, group=open_group)
    assert not SearchEntry.objects.filter(kind="group", object_id=open_group.pk).exists()


def test_stale_invitations_are_deleted_by_the_daily_job(closed_group, coordinator, settings):
    from datetime import timedelta

    from django.utils import timezone

    from landnetz.core import schedule

    days = settings.LANDNETZ_RETENTION_DAYS["invitations"]
    old = services.invite(actor=coordinator, group=closed_group, email="alt@example.org")
    fresh_one = services.invite(actor=coordinator, group=closed_group, email="neu@example.org")
    GroupInvitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=days + 1))
    assert schedule.jobs("daily")["groups.invitation_retention"] == services.delete_stale_invitations
    assert services.delete_stale_invitations() == 1
    assert list(GroupInvitation.objects.values_list("pk", flat=True)) == [fresh_one.pk]
