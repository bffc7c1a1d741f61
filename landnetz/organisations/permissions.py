"""Who may do what with organisations. The only place that decides it.

Membership lookups are cached on the user object (like ``coordinated_region_ids``):
one query per request, however many organisations or buttons a page asks about.
Services that change memberships call :func:`forget_memberships` for the users they
touched, so that a later check in the same request sees the change.

Note: Django's ``User.has_perm`` answers True for every active superuser before any
rule is asked, so network admins pass every permission below; the rules name them
explicitly where that is the intended policy.
"""

import rules

from landnetz.core.permissions import is_member, is_network_admin, is_region_coordinator
from landnetz.organisations.models import Membership

ACTIVE = "active"
REQUESTED = "requested"
ADMIN = "admin"


def membership_states(user) -> dict[int, tuple[str, str]]:
    """``{organisation_id: (status, role)}`` for every membership of the user (cached)."""
    if not is_member(user):
        return {}
    cached = getattr(user, "_organisation_memberships", None)
    if cached is None:
        cached = {
            organisation_id: (status, role)
            for organisation_id, status, role in Membership.objects.filter(user=user).values_list(
                "organisation_id", "status", "role"
            )
        }
        user._organisation_memberships = cached
    return cached


def forget_memberships(*users) -> None:
    """Drop the cached memberships of these users (after a service changed them)."""
    for user in users:
        if user is not None and hasattr(user, "_organisation_memberships"):
            del user._organisation_memberships


def membership_state(user, organisation) -> tuple[str, str] | None:
    if organisation is None:
        return None
    return membership_states(user).get(getattr(organisation, "pk", organisation))


@rules.predicate
def is_org_member(user, organisation) -> bool:
    """An active member (any role) of the organisation."""
    state = membership_state(user, organisation)
    return state is not None and state[0] == ACTIVE


@rules.predicate
def is_org_admin(user, organisation) -> bool:
    state = membership_state(user, organisation)
    return state == (ACTIVE, ADMIN)


@rules.predicate
def has_membership_or_request(user, organisation) -> bool:
    return membership_state(user, organisation) is not None


@rules.predicate
def is_public_organisation(user, organisation) -> bool:
    return organisation is not None and organisation.visibility == "public"


@rules.predicate
def is_members_organisation(user, organisation) -> bool:
    return organisation is not None and organisation.visibility == "members"


@rules.predicate
def coordinates_organisation_region(user, organisation) -> bool:
    """The user coordinates the region of the organisation's municipality."""
    if organisation is None:
        return False
    # organisation.municipality is select_related by queries.py; region_id needs no query.
    return is_region_coordinator(user, organisation.municipality.region_id)


@rules.predicate
def is_hidden_by_moderation(user, organisation) -> bool:
    return organisation is not None and organisation.moderation_hidden


can_view = (is_public_organisation | (is_members_organisation & is_member)) & (~is_hidden_by_moderation | is_org_admin)

rules.add_perm("organisations.add_organisation", is_member)
rules.add_perm("organisations.view_organisation", can_view)
rules.add_perm("organisations.change_organisation", is_org_admin | is_network_admin)
rules.add_perm("organisations.delete_organisation", is_org_admin | is_network_admin)
rules.add_perm("organisations.manage_members", is_org_admin | is_network_admin)
rules.add_perm("organisations.verify_organisation", coordinates_organisation_region | is_network_admin)
rules.add_perm("organisations.join_organisation", is_member & can_view & ~has_membership_or_request)
rules.add_perm("organisations.leave_organisation", has_membership_or_request)
