"""The membership services check who calls them, whatever view or command calls them.

Views ask the same permission before calling a service, so an HTTP test alone does not
notice when the check inside a service goes missing: these tests call the services
directly as people who may not use them — an outsider, a plain member of the
organisation, the person who asked to join, the admin of another organisation and the
coordinator of the region — and require ``PermissionDenied`` with nothing changed (no
membership, invitation, audit entry or notification). The organisation's admin and a
network admin may.
"""

import pytest
from django.core.exceptions import PermissionDenied

from landnetz.core.models import AuditEntry
from landnetz.notifications.models import Notification
from landnetz.organisations import services
from landnetz.organisations.models import Invitation, Membership
from landnetz.organisations.tests.helpers import add_member

pytestmark = pytest.mark.django_db

REFUSED = ["outsider", "plain_member", "applicant", "other_admin", "coordinator"]


@pytest.fixture
def people(org, make_org, weissenfels, outsider, newcomer, employer, migrant_org_chair, coordinator):
    """``org`` is run by the volunteer; the coordinator coordinates its region (Stendal)."""
    add_member(org, newcomer)  # an active plain member
    make_org(migrant_org_chair, name="Anderer Verein", municipality=weissenfels)
    return {
        "outsider": outsider,
        "plain_member": newcomer,
        "applicant": employer,
        "other_admin": migrant_org_chair,
        "coordinator": coordinator,
    }


@pytest.fixture
def join_request(org, employer):
    return services.request_to_join(actor=employer, organisation=org)


@pytest.fixture
def invitation(org, volunteer):
    return services.invite(actor=volunteer, organisation=org, email="eingeladen@example.org", role="admin")


def fresh(user):
    """A new object for the same member (no cached memberships), as in a new request."""
    return user.__class__.objects.get(pk=user.pk)


def state():
    """Everything these services may change."""
    return (
        sorted(Membership.objects.values_list("organisation_id", "user_id", "status", "role")),
        sorted(Invitation.objects.values_list("pk", "email", "role", "accepted_at")),
        AuditEntry.objects.count(),
        Notification.objects.count(),
    )


@pytest.mark.parametrize("who", REFUSED)
def test_approving_a_request_is_refused_to_everyone_but_the_admins(people, join_request, who):
    before = state()
    with pytest.raises(PermissionDenied):
        services.approve_request(actor=fresh(people[who]), membership=join_request)
    assert state() == before
    join_request.refresh_from_db()
    assert join_request.status == "requested"


@pytest.mark.parametrize("who", REFUSED)
def test_declining_a_request_is_refused_to_everyone_but_the_admins(people, join_request, who):
    before = state()
    with pytest.raises(PermissionDenied):
        services.decline_request(actor=fresh(people[who]), membership=join_request)
    assert state() == before


@pytest.mark.parametrize("who", REFUSED)
def test_revoking_an_invitation_is_refused_to_everyone_but_the_admins(people, invitation, who):
    before = state()
    with pytest.raises(PermissionDenied):
        services.revoke_invitation(actor=fresh(people[who]), invitation=invitation)
    assert state() == before
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_anonymous_visitors_are_refused_by_the_three(org, join_request, invitation):
    from django.contrib.auth.models import AnonymousUser

    before = state()
    for call in (
        lambda: services.approve_request(actor=AnonymousUser(), membership=join_request),
        lambda: services.decline_request(actor=AnonymousUser(), membership=join_request),
        lambda: services.revoke_invitation(actor=AnonymousUser(), invitation=invitation),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert state() == before


def test_the_organisations_admin_approves_declines_and_revokes(org, volunteer, people, join_request, invitation):
    services.approve_request(actor=fresh(volunteer), membership=join_request)
    join_request.refresh_from_db()
    assert join_request.status == "active"

    second = services.request_to_join(actor=fresh(people["outsider"]), organisation=org)
    services.decline_request(actor=fresh(volunteer), membership=second)
    assert not Membership.objects.filter(pk=second.pk).exists()

    services.revoke_invitation(actor=fresh(volunteer), invitation=invitation)
    assert not Invitation.objects.filter(pk=invitation.pk).exists()


def test_a_network_admin_may_answer_and_revoke(network_admin, join_request, invitation):
    services.approve_request(actor=network_admin, membership=join_request)
    join_request.refresh_from_db()
    assert join_request.status == "active"
    services.revoke_invitation(actor=network_admin, invitation=invitation)
    assert not Invitation.objects.filter(pk=invitation.pk).exists()


def test_an_admin_who_was_deactivated_is_refused(org, volunteer, join_request):
    volunteer.is_active = False
    volunteer.save(update_fields=["is_active"])
    with pytest.raises(PermissionDenied):
        services.approve_request(actor=fresh(volunteer), membership=join_request)
    join_request.refresh_from_db()
    assert join_request.status == "requested"
