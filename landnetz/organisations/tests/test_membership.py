"""Joining, invitations, roles and contact persons through HTTP."""

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from landnetz.core.models import AuditEntry
from landnetz.organisations.models import Invitation, Membership
from landnetz.organisations.tests.helpers import add_member

pytestmark = pytest.mark.django_db


def members_url(organisation) -> str:
    return f"/en/organisations/{organisation.slug}/members/"


def action(client, organisation, name, membership=None, **data):
    payload = {"action": name, **data}
    if membership is not None:
        payload["membership"] = str(membership.pk)
    return client.post(members_url(organisation), payload)


# --- join requests ------------------------------------------------------------------------


def test_join_request_emails_admins_in_their_language_and_approval_makes_a_member(
    client, org, volunteer, newcomer, coordinator, django_capture_on_commit_callbacks
):
    # A second admin who reads Ukrainian; the first (volunteer) reads German.
    add_member(org, newcomer, role="admin")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/organisations/{org.slug}/join/")
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=org, user=coordinator)
    assert membership.status == "requested"
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {volunteer.email, newcomer.email}
    # Each admin gets the link in their own language, whatever language the asker used.
    assert f"/de/organisations/{org.slug}/members/" in by_address[volunteer.email].body
    assert f"/uk/organisations/{org.slug}/members/" in by_address[newcomer.email].body
    assert "Katrin Behrendt" in by_address[volunteer.email].subject
    assert "http://" in by_address[volunteer.email].body  # absolute link from SITE_URL

    # The request shows on the detail page and on the admin's members page.
    page = client.get(f"/en/organisations/{org.slug}/").content.decode()
    assert "Withdraw my request" in page
    client.force_login(volunteer)
    assert "Katrin Behrendt" in client.get(members_url(org)).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = action(client, org, "approve", membership)
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == "active"
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert AuditEntry.objects.filter(verb="organisation.join_approved").exists()


def test_asking_twice_or_as_member_changes_nothing(client, org, volunteer, coordinator):
    client.force_login(coordinator)
    client.post(f"/en/organisations/{org.slug}/join/")
    response = client.post(f"/en/organisations/{org.slug}/join/", follow=True)
    assert "already asked to join" in response.content.decode()
    assert Membership.objects.filter(organisation=org, user=coordinator).count() == 1
    client.force_login(volunteer)
    response = client.post(f"/en/organisations/{org.slug}/join/", follow=True)
    assert "already a member" in response.content.decode()
    assert Membership.objects.get(organisation=org, user=volunteer).role == "admin"


def test_join_needs_login_and_post(client, org):
    assert client.get(f"/en/organisations/{org.slug}/join/").status_code == 405
    response = client.post(f"/en/organisations/{org.slug}/join/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Membership.objects.filter(organisation=org).count() == 1


def test_decline_removes_the_request(client, org, volunteer, coordinator, django_capture_on_commit_callbacks):
    request = add_member(org, coordinator, status="requested")
    client.force_login(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        action(client, org, "decline", request)
    assert not Membership.objects.filter(pk=request.pk).exists()
    assert mail.outbox[0].to == [coordinator.email]


def test_withdrawing_a_request(client, org, coordinator):
    add_member(org, coordinator, status="requested")
    client.force_login(coordinator)
    client.post(f"/en/organisations/{org.slug}/leave/")
    assert not Membership.objects.filter(organisation=org, user=coordinator).exists()


# --- invitations --------------------------------------------------------------------------


def test_invite_and_accept(client, org, volunteer, newcomer, django_capture_on_commit_callbacks):
    client.force_login(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(members_url(org), {"action": "invite", "email": "NewComer@Example.org", "role": "admin"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(organisation=org)
    assert invitation.email == "newcomer@example.org"
    # The address belongs to a member who reads Ukrainian: the link is in Ukrainian.
    assert mail.outbox[0].to == ["newcomer@example.org"]
    assert f"/uk/organisations/invitations/{invitation.token}/" in mail.outbox[0].body
    assert "/uk/legal/datenschutz/" in mail.outbox[0].body  # where the invited person reads about their address
    assert "newcomer@example.org" in client.get(members_url(org)).content.decode()

    client.force_login(newcomer)
    page = client.get(f"/uk/organisations/invitations/{invitation.token}/")
    assert page.status_code == 200
    assert org.name in page.content.decode()
    response = client.post(f"/uk/organisations/invitations/{invitation.token}/")
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=org, user=newcomer)
    assert (membership.status, membership.role) == ("active", "admin")
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    # Used once: a second try is refused.
    response = client.post(f"/uk/organisations/invitations/{invitation.token}/", follow=True)
    with translation.override("uk"):
        expected = gettext("This invitation has already been used.")
    assert escape(expected) in response.content.decode()


def test_invitation_to_unknown_address_uses_inviters_language(
    client, org, volunteer, django_capture_on_commit_callbacks
):
    volunteer.preferred_language = "en"
    volunteer.save()
    client.force_login(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            members_url(org),
            {"action": "invite", "email": "stranger@example.org", "role": "member"},
        )
    invitation = Invitation.objects.get()
    assert f"/en/organisations/invitations/{invitation.token}/" in mail.outbox[0].body


def test_invitation_for_another_address_is_refused(client, org, volunteer, outsider, make_invitation):
    invitation = make_invitation(org, "someone-else@example.org")
    client.force_login(outsider)
    page = client.get(f"/en/organisations/invitations/{invitation.token}/").content.decode()
    assert "different e-mail address" in page
    response = client.post(f"/en/organisations/invitations/{invitation.token}/", follow=True)
    assert "different e-mail address" in response.content.decode()
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_address_comparison_ignores_case(client, org, outsider, make_invitation):
    invitation = make_invitation(org, "Outsider@EXAMPLE.org")
    client.force_login(outsider)
    client.post(f"/en/organisations/invitations/{invitation.token}/")
    assert Membership.objects.filter(organisation=org, user=outsider, status="active").exists()


def test_expired_invitation_is_refused(client, org, outsider, make_invitation):
    invitation = make_invitation(org, outsider.email)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timezone.timedelta(minutes=1))
    client.force_login(outsider)
    assert "expired" in client.get(f"/en/organisations/invitations/{invitation.token}/").content.decode()
    response = client.post(f"/en/organisations/invitations/{invitation.token}/", follow=True)
    assert "expired" in response.content.decode()
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()


def test_unknown_token_is_404_and_page_needs_login(client, org, outsider, make_invitation):
    invitation = make_invitation(org, outsider.email)
    response = client.get(f"/en/organisations/invitations/{invitation.token}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(outsider)
    assert client.get("/en/organisations/invitations/no-such-token/").status_code == 404
    assert client.post("/en/organisations/invitations/no-such-token/").status_code == 404


def test_same_address_cannot_be_invited_twice(client, org, volunteer):
    client.force_login(volunteer)
    client.post(members_url(org), {"action": "invite", "email": "x@example.org", "role": "member"})
    response = client.post(members_url(org), {"action": "invite", "email": "X@example.org", "role": "member"})
    assert response.status_code == 200
    assert "already been invited" in response.context["invite_form"].errors["email"][0]
    assert Invitation.objects.count() == 1


def test_inviting_a_member_answers_like_any_address_and_tells_the_member(
    client, org, volunteer, coordinator, django_capture_on_commit_callbacks
):
    """Issue #6, item 11: the form told whether an address belongs to a member."""
    add_member(org, coordinator)
    client.force_login(volunteer)
    answers = []
    for address in [coordinator.email, "stranger@example.org"]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                members_url(org), {"action": "invite", "email": address, "role": "member"}, follow=True
            )
        text = [str(message) for message in response.context["messages"]]
        answers.append((response.status_code, [t.replace(address, "ADDRESS") for t in text]))
    assert answers[0] == answers[1]
    assert list(Invitation.objects.values_list("email", flat=True)) == ["stranger@example.org"]
    note = next(message for message in mail.outbox if message.to == [coordinator.email])
    assert "bereits Mitglied" in note.body  # in her language (German)
    assert "/invitations/" not in note.body


def test_invitations_are_rate_limited(client, org, volunteer, settings, django_capture_on_commit_callbacks):
    """Issue #6, item 11: 15 e-mails to arbitrary addresses went out in 0.2 s."""
    settings.LANDNETZ_RATE_LIMITS = {"invite": "10/m,40/d"}
    client.force_login(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(15):
            response = client.post(
                members_url(org), {"action": "invite", "email": f"person{index}@example.org", "role": "member"}
            )
    assert Invitation.objects.count() == 10
    assert len(mail.outbox) == 10
    assert response.status_code == 200
    assert "many invitations in a short time" in response.context["invite_form"].errors["email"][0]
    assert 'value="person14@example.org"' in response.content.decode()  # what was typed stays


def test_revoke_invitation(client, org, volunteer, make_invitation):
    invitation = make_invitation(org, "x@example.org")
    client.force_login(volunteer)
    response = client.post(members_url(org), {"action": "revoke", "invitation": str(invitation.pk)})
    assert response.status_code == 302
    assert not Invitation.objects.exists()


# --- roles and the last admin --------------------------------------------------------------


def last_admin_message() -> str:
    with translation.override("en"):
        return gettext(
            "An organisation needs at least one administrator. Please make another member administrator first."
        )


def test_last_admin_cannot_leave(client, org, volunteer):
    client.force_login(volunteer)
    response = client.post(f"/en/organisations/{org.slug}/leave/", follow=True)
    assert escape(last_admin_message()) in response.content.decode()
    assert Membership.objects.get(organisation=org, user=volunteer).role == "admin"


def test_last_admin_cannot_be_removed_or_demoted(client, org, volunteer):
    own = Membership.objects.get(organisation=org, user=volunteer)
    client.force_login(volunteer)
    response = action(client, org, "remove", own)
    assert response.status_code == 302
    # The full message: the members page always explains the rule in a shorter text.
    assert escape(last_admin_message()) in client.get(response["Location"]).content.decode()
    action(client, org, "make_member", own)
    own.refresh_from_db()
    assert (own.role, own.status) == ("admin", "active")


def test_hand_over_admin_rights(client, org, volunteer, coordinator):
    other = add_member(org, coordinator)
    own = Membership.objects.get(organisation=org, user=volunteer)
    client.force_login(volunteer)
    action(client, org, "make_admin", other)
    response = action(client, org, "make_member", own)
    # No longer an admin: back to the organisation's page, not the members page.
    assert response.status_code == 302
    assert response["Location"] == f"/en/organisations/{org.slug}/"
    other.refresh_from_db()
    own.refresh_from_db()
    assert (other.role, own.role) == ("admin", "member")
    assert client.get(members_url(org)).status_code == 403
    # The former admin may now leave; the new admin stays.
    client.post(f"/en/organisations/{org.slug}/leave/")
    assert not Membership.objects.filter(pk=own.pk).exists()
    assert AuditEntry.objects.filter(verb="organisation.role_changed").count() == 2


def test_admin_removes_member(client, org, volunteer, coordinator):
    other = add_member(org, coordinator)
    client.force_login(volunteer)
    action(client, org, "remove", other)
    assert not Membership.objects.filter(pk=other.pk).exists()


def test_member_of_another_organisation_cannot_be_touched(client, org, make_org, volunteer, coordinator, stendal):
    foreign = make_org(coordinator, name="Andere Organisation", municipality=stendal)
    foreign_admin = Membership.objects.get(organisation=foreign)
    add_member(foreign, volunteer)
    client.force_login(volunteer)
    response = action(client, org, "remove", foreign_admin)
    assert response.status_code == 302
    assert Membership.objects.filter(pk=foreign_admin.pk).exists()


def test_contact_person_toggle_and_profile_visibility(client, org, volunteer, coordinator, outsider):
    from landnetz.accounts.models import Profile

    other = add_member(org, coordinator)
    Profile.objects.create(user=coordinator, visibility="members")
    client.force_login(volunteer)
    action(client, org, "contact_on", other)
    other.refresh_from_db()
    assert other.is_contact_person
    detail = f"/en/organisations/{org.slug}/"
    client.force_login(outsider)
    assert "Katrin Behrendt" in client.get(detail).content.decode()
    client.logout()
    assert "Katrin Behrendt" not in client.get(detail).content.decode()  # profile for members only
    Profile.objects.filter(user=coordinator).update(visibility="nobody")
    client.force_login(outsider)
    assert "Katrin Behrendt" not in client.get(detail).content.decode()
    client.force_login(volunteer)
    action(client, org, "contact_off", other)
    other.refresh_from_db()
    assert not other.is_contact_person


def test_invalid_member_action_is_refused(client, org, volunteer):
    client.force_login(volunteer)
    response = client.post(members_url(org), {"action": "explode", "membership": "x"}, follow=True)
    assert response.status_code == 200
    assert "not possible" in response.content.decode()


def test_sole_admin_gets_no_buttons_that_would_fail(client, org, volunteer, coordinator):
    client.force_login(volunteer)
    html = client.get(members_url(org)).content.decode()
    assert "Only administrator" in html
    assert 'value="make_member"' not in html and 'value="remove"' not in html
    add_member(org, coordinator, role="admin")
    html = client.get(members_url(org)).content.decode()
    assert "Only administrator" not in html
    assert html.count('value="make_member"') == 2
