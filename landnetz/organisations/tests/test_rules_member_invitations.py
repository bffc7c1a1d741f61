"""Join requests and invitations reach the right people (mutation survivors of members.py).

A join request is announced to this organisation's active administrators and nobody
else (another organisation's admins must not learn who asks where); the applicant learns
the answer; visitors and members who cannot see an organisation cannot ask to join it;
being a member elsewhere does not count; each member has an invitation budget of their
own; an address can be invited again once the old invitation expired or was used, and
to other organisations; an invited member gets a notification, a deactivated one none;
each refusal says why.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from landnetz.core.models import AuditEntry
from landnetz.notifications.models import Notification
from landnetz.organisations import notifications as kinds
from landnetz.organisations import services
from landnetz.organisations.models import Invitation, Membership, Organisation
from landnetz.organisations.tests.helpers import add_member

pytestmark = pytest.mark.django_db


def fresh(user):
    return user.__class__.objects.get(pk=user.pk)


def notes(kind):
    return list(Notification.objects.filter(kind=kind).order_by("pk"))


def test_a_join_request_is_announced_to_this_organisations_active_admins_only(
    org, make_org, weissenfels, volunteer, coordinator, newcomer, outsider, migrant_org_chair, employer
):
    add_member(org, coordinator, role="admin")
    add_member(org, newcomer)  # plain member
    add_member(org, outsider, role="admin", status="requested")  # not (yet) an admin
    make_org(migrant_org_chair, name="Anderer Verein", municipality=weissenfels)
    services.request_to_join(actor=fresh(employer), organisation=org)
    sent = notes(kinds.JOIN_REQUEST)
    assert {note.recipient_id for note in sent} == {volunteer.pk, coordinator.pk}
    for note in sent:
        assert (note.actor_id, note.data) == (employer.pk, {"organisation": org.name})
        assert (note.url_name, note.url_kwargs) == ("organisations:members", {"slug": org.slug})


@pytest.mark.parametrize("approve", [True, False])
def test_the_applicant_learns_the_answer(org, volunteer, employer, approve):
    request = services.request_to_join(actor=fresh(employer), organisation=org)
    answer = services.approve_request if approve else services.decline_request
    answer(actor=fresh(volunteer), membership=request)
    [note] = notes(kinds.JOIN_ANSWERED)
    assert (note.recipient_id, note.actor_id) == (employer.pk, volunteer.pk)
    assert note.data == {"organisation": org.name, "approved": approve}
    assert (note.url_name, note.url_kwargs) == ("organisations:detail", {"slug": org.slug})


def test_visitors_and_members_who_cannot_see_it_cannot_ask_to_join(org, employer):
    with pytest.raises(PermissionDenied):
        services.request_to_join(actor=AnonymousUser(), organisation=org)
    Organisation.objects.filter(pk=org.pk).update(moderation_hidden=True)
    with pytest.raises(PermissionDenied):
        services.request_to_join(actor=fresh(employer), organisation=Organisation.objects.get(pk=org.pk))
    assert not Membership.objects.filter(organisation=org).exclude(role="admin").exists()


def test_a_member_of_another_organisation_may_ask_to_join(org, make_org, stendal, coordinator):
    make_org(coordinator, name="Tafel Stendal", municipality=stendal)
    request = services.request_to_join(actor=fresh(coordinator), organisation=org)
    assert (request.organisation_id, request.status) == (org.pk, "requested")


def refusal(call):
    with pytest.raises(ValidationError) as refused:
        call()
    error = refused.value
    if hasattr(error, "error_dict"):
        [(field, [inner])] = error.error_dict.items()
        return field, inner.code, inner.messages
    return None, error.code, error.messages


def test_refusals_tell_the_member_why(org, volunteer, newcomer, employer):
    admin = fresh(volunteer)
    add_member(org, newcomer)
    assert refusal(lambda: services.request_to_join(actor=fresh(newcomer), organisation=org)) == (
        None,
        "member",
        ["You are already a member of this organisation."],
    )
    request = services.request_to_join(actor=fresh(employer), organisation=org)
    assert refusal(lambda: services.request_to_join(actor=fresh(employer), organisation=org)) == (
        None,
        "asked",
        ["You have already asked to join. The administrators will answer soon."],
    )
    services.approve_request(actor=admin, membership=request)
    assert refusal(lambda: services.decline_request(actor=admin, membership=request)) == (
        None,
        "answered",
        ["This request has already been answered."],
    )
    assert refusal(lambda: services.invite(actor=admin, organisation=org, email="x@example.org", role="boss")) == (
        "role",
        "role",
        ["Please choose a role from the list."],
    )
    services.invite(actor=admin, organisation=org, email="x@example.org")
    assert refusal(lambda: services.invite(actor=admin, organisation=org, email="X@example.org ")) == (
        "email",
        "invited",
        ["This address has already been invited and the invitation is still open."],
    )


def test_each_member_has_an_invitation_budget_of_their_own(settings, org, volunteer, coordinator):
    assert settings.LANDNETZ_RATE_LIMITS["invite"] == "10/m,40/d"
    add_member(org, coordinator, role="admin")
    for index in range(10):
        services.invite(actor=fresh(volunteer), organisation=org, email=f"gast{index}@example.org")
    assert refusal(lambda: services.invite(actor=fresh(volunteer), organisation=org, email="elf@example.org")) == (
        "email",
        "rate_limited",
        ["You have sent many invitations in a short time. Please wait a while and try again."],
    )
    assert services.invite(actor=fresh(coordinator), organisation=org, email="elf@example.org") is not None


def test_an_address_can_be_invited_again_once_the_invitation_expired_or_was_used(
    org, make_org, stendal, volunteer, coordinator, newcomer
):
    admin = fresh(volunteer)
    first = services.invite(actor=admin, organisation=org, email="gast@example.org")
    Invitation.objects.filter(pk=first.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert services.invite(actor=admin, organisation=org, email="gast@example.org") is not None
    other = make_org(coordinator, name="Tafel Stendal", municipality=stendal)
    assert services.invite(actor=fresh(coordinator), organisation=other, email="gast@example.org") is not None

    used = services.invite(actor=admin, organisation=org, email=newcomer.email)
    services.accept_invitation(user=fresh(newcomer), token=used.token)
    services.leave(user=fresh(newcomer), organisation=org)
    again = services.invite(actor=admin, organisation=org, email=newcomer.email)
    assert again is not None and again.pk != used.pk


def test_an_invited_member_is_notified_and_a_deactivated_one_is_not(org, volunteer, newcomer, outsider):
    invitation = services.invite(actor=fresh(volunteer), organisation=org, email=newcomer.email, role="admin")
    [note] = notes(kinds.INVITED)
    assert (note.recipient_id, note.actor_id, note.data) == (newcomer.pk, volunteer.pk, {"organisation": org.name})
    assert (note.url_name, note.url_kwargs) == ("organisations:invitation", {"token": invitation.token})
    entry = AuditEntry.objects.get(verb="organisation.invited")
    assert (entry.actor_id, entry.object_id, entry.region_id) == (
        volunteer.pk,
        str(org.pk),
        org.municipality.region_id,
    )
    assert entry.data == {"invitation": invitation.pk, "role": "admin"}

    outsider.is_active = False
    outsider.save(update_fields=["is_active"])
    services.invite(actor=fresh(volunteer), organisation=org, email=outsider.email)
    assert len(notes(kinds.INVITED)) == 1


def test_a_member_of_another_organisation_is_invited_not_told_she_is_a_member(
    org, make_org, stendal, volunteer, coordinator, newcomer
):
    other = make_org(coordinator, name="Tafel Stendal", municipality=stendal)
    add_member(other, newcomer)
    assert services.invite(actor=fresh(volunteer), organisation=org, email=newcomer.email) is not None
    Invitation.objects.all().delete()
    add_member(org, newcomer)
    assert services.invite(actor=fresh(volunteer), organisation=org, email=newcomer.email) is None  # a note instead
    assert not Invitation.objects.exists()
