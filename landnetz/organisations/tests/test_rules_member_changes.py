"""Membership changes do what they say, to that organisation only, and leave a true record.

Written for the survivors of mutation testing (``make mutation`` on
``organisations/services/members.py``): leaving one organisation must not touch another,
a removed member disappears from searches for the organisation's name, only the
organisation's own administrator hands over the role, a used invitation cannot be
withdrawn, every refusal tells the member why (the message the page shows), and the audit
log names who did what to which organisation in which region.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import timezone

from landnetz.accounts import services as account_services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import AuditEntry
from landnetz.directory.queries import Criteria, search
from landnetz.organisations import services
from landnetz.organisations.models import Invitation, Membership
from landnetz.organisations.tests.helpers import add_member

pytestmark = pytest.mark.django_db


def fresh(user):
    return user.__class__.objects.get(pk=user.pk)


def own(organisation, user):
    return Membership.objects.get(organisation=organisation, user=user)


def test_leaving_one_organisation_keeps_the_others(org, make_org, stendal, newcomer, coordinator):
    other = make_org(coordinator, name="Tafel Stendal", municipality=stendal)
    add_member(other, newcomer)
    add_member(org, newcomer)
    services.leave(user=fresh(newcomer), organisation=org)
    assert not Membership.objects.filter(organisation=org, user=newcomer).exists()
    assert Membership.objects.filter(organisation=other, user=newcomer, status="active").exists()


def test_a_removed_member_is_no_longer_found_by_the_organisations_name(org, volunteer, newcomer):
    data = {
        "visibility": "public",
        "municipality": newcomer.municipality_id,
        "job_title": "Lehrerin",
        "contact_email_visibility": "nobody",
    }
    account_services.update_profile(user=newcomer, profile=profile_of(newcomer), data=data, languages=[])
    join = services.request_to_join(actor=fresh(newcomer), organisation=org)
    services.approve_request(actor=fresh(volunteer), membership=join)

    def people(text):
        return {e.title for e in search(AnonymousUser(), Criteria(text=text, kind="person"))}

    assert people("Willkommen Stendal") == {"Olena Kovalenko"}
    services.remove_member(actor=fresh(volunteer), membership=own(org, newcomer))
    assert people("Willkommen Stendal") == set()


# --- handing over -----------------------------------------------------------------------


def test_a_network_admin_who_is_not_its_administrator_cannot_hand_over(org, make_org, stendal, network_admin, newcomer):
    target = add_member(org, newcomer)
    make_org(network_admin, name="Netzwerkbüro", municipality=stendal)  # admin of another organisation
    add_member(org, network_admin)  # and a plain member of this one
    with pytest.raises(ValidationError) as refused:
        services.hand_over_admin(actor=network_admin, organisation=org, to=target)
    assert refused.value.code == "not_admin"
    assert refused.value.messages == ["Only an administrator of the organisation can hand over the role."]
    assert own(org, newcomer).role == "member"


def test_a_network_admin_who_only_asked_to_become_administrator_cannot_hand_over(org, network_admin, newcomer):
    target = add_member(org, newcomer)
    add_member(org, network_admin, role="admin", status="requested")
    with pytest.raises(ValidationError) as refused:
        services.hand_over_admin(actor=network_admin, organisation=org, to=target)
    assert refused.value.code == "not_admin"
    assert own(org, newcomer).role == "member"


def test_handing_over_needs_another_member_of_this_organisation(org, make_org, stendal, volunteer, coordinator):
    elsewhere = make_org(coordinator, name="Tafel Stendal", municipality=stendal)
    for target in (own(org, volunteer), own(elsewhere, coordinator)):
        with pytest.raises(ValidationError) as refused:
            services.hand_over_admin(actor=fresh(volunteer), organisation=org, to=target)
        assert refused.value.code == "target"
        assert refused.value.messages == ["Please choose another member of this organisation."]
    assert own(org, volunteer).role == "admin" and own(elsewhere, coordinator).role == "admin"


# --- refusals say why -------------------------------------------------------------------


def test_an_accepted_invitation_cannot_be_withdrawn(org, volunteer, newcomer):
    invitation = services.invite(actor=fresh(volunteer), organisation=org, email=newcomer.email)
    services.accept_invitation(user=fresh(newcomer), token=invitation.token)
    with pytest.raises(ValidationError) as refused:
        services.revoke_invitation(actor=fresh(volunteer), invitation=invitation)
    assert refused.value.code == "gone"
    assert refused.value.messages == ["This invitation has already been used or withdrawn."]
    assert Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=False).exists()


def refusal(call):
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.code, refused.value.messages


def test_refusals_tell_the_member_why(org, volunteer, newcomer, outsider, employer):
    admin = fresh(volunteer)
    request = services.request_to_join(actor=fresh(employer), organisation=org)
    assert refusal(lambda: services.set_role(actor=admin, membership=request, role="boss")) == (
        "role",
        ["Please choose a role from the list."],
    )
    assert refusal(lambda: services.set_role(actor=admin, membership=request, role="admin")) == (
        "requested",
        ["Please accept the request to join first."],
    )
    assert refusal(lambda: services.set_contact_person(actor=admin, membership=request, is_contact_person=True)) == (
        "requested",
        ["Please accept the request to join first."],
    )
    assert refusal(lambda: services.leave(user=fresh(outsider), organisation=org)) == (
        "not_member",
        ["You are not a member of this organisation."],
    )

    invitation = services.invite(actor=admin, organisation=org, email=newcomer.email)
    assert refusal(lambda: services.accept_invitation(user=fresh(outsider), token=invitation.token)) == (
        "wrong_address",
        [
            "This invitation was sent to a different e-mail address. Please log in with the address the "
            "invitation was sent to, or ask for a new invitation."
        ],
    )
    assert refusal(lambda: services.accept_invitation(user=fresh(newcomer), token="no-such-token")) == (
        "unknown",
        ["This invitation does not exist."],
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert refusal(lambda: services.accept_invitation(user=fresh(newcomer), token=invitation.token)) == (
        "expired",
        ["This invitation has expired. Please ask the organisation to invite you again."],
    )
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
    assert refusal(lambda: services.accept_invitation(user=fresh(newcomer), token=invitation.token)) == (
        "used",
        ["This invitation has already been used."],
    )
    assert not Membership.objects.filter(organisation=org, user__in=[newcomer, outsider]).exists()


# --- the audit log ----------------------------------------------------------------------


def test_membership_changes_are_audited_with_who_what_and_where(org, volunteer, newcomer, employer, coordinator):
    admin = fresh(volunteer)
    start = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    join = services.request_to_join(actor=fresh(employer), organisation=org)
    services.approve_request(actor=admin, membership=join)
    services.set_contact_person(actor=admin, membership=own(org, employer), is_contact_person=True)
    services.set_contact_person(actor=admin, membership=own(org, employer), is_contact_person=False)
    services.set_role(actor=admin, membership=own(org, employer), role="admin")
    services.set_role(actor=admin, membership=own(org, employer), role="member")
    services.remove_member(actor=admin, membership=own(org, employer))
    invitation = services.invite(actor=admin, organisation=org, email="neu@example.org")
    services.revoke_invitation(actor=admin, invitation=invitation)
    invitation = services.invite(actor=admin, organisation=org, email=newcomer.email, role="admin")
    services.accept_invitation(user=fresh(newcomer), token=invitation.token)
    services.leave(user=fresh(newcomer), organisation=org)
    asked = services.request_to_join(actor=fresh(coordinator), organisation=org)
    services.leave(user=fresh(coordinator), organisation=org)
    declined = services.request_to_join(actor=fresh(coordinator), organisation=org)
    services.decline_request(actor=admin, membership=declined)

    entries = list(AuditEntry.objects.filter(pk__gt=start).order_by("pk"))
    assert {(e.object_type, e.object_id, e.region_id) for e in entries} == {
        ("organisations.organisation", str(org.pk), org.municipality.region_id)
    }
    employer_id, invited_id = employer.pk, invitation.pk
    assert [(e.actor_id, e.verb, e.data) for e in entries] == [
        (employer.pk, "organisation.join_requested", {}),
        (volunteer.pk, "organisation.join_approved", {"user": employer_id}),
        (volunteer.pk, "organisation.contact_person_set", {"user": employer_id}),
        (volunteer.pk, "organisation.contact_person_unset", {"user": employer_id}),
        (volunteer.pk, "organisation.role_changed", {"user": employer_id, "from": "member", "to": "admin"}),
        (volunteer.pk, "organisation.role_changed", {"user": employer_id, "from": "admin", "to": "member"}),
        (volunteer.pk, "organisation.member_removed", {"user": employer_id}),
        (volunteer.pk, "organisation.invited", entries[7].data),
        (volunteer.pk, "organisation.invitation_revoked", {"invitation": entries[7].data.get("invitation")}),
        (volunteer.pk, "organisation.invited", entries[9].data),
        (newcomer.pk, "organisation.invitation_accepted", {"invitation": invited_id, "role": "admin"}),
        (newcomer.pk, "organisation.left", {}),
        (coordinator.pk, "organisation.join_requested", {}),
        (coordinator.pk, "organisation.request_withdrawn", {}),
        (coordinator.pk, "organisation.join_requested", {}),
        (volunteer.pk, "organisation.join_declined", {"user": coordinator.pk}),
    ]
    assert asked.pk is not None
