"""Who may do what with groups. The only place that decides it.

Membership lookups are cached on the user object (one query per request, however many
groups or buttons a page asks about). Services that change memberships call
:func:`forget_memberships` for the users they touched.

Django's ``User.has_perm`` answers True for every active superuser before any rule is
asked. Views therefore fetch a group through ``queries.visible_group`` first (a secret
group is 404 for everyone outside it, network admins included), and the feed calls the
plain functions :func:`can_post_in` and :func:`is_group_admin`, which never wave a
superuser through.
"""

import rules

from landnetz.core.permissions import is_member, is_network_admin
from landnetz.groups.models import GroupMembership

ACTIVE = "active"
REQUESTED = "requested"
ADMIN = "admin"
OPEN = "open"
CLOSED = "closed"
SECRET = "secret"


def membership_states(user) -> dict[int, tuple[str, str]]:
    """``{group_id: (status, role)}`` for every membership and request of the user (cached)."""
    if not is_member(user):
        return {}
    cached = getattr(user, "_group_memberships", None)
    if cached is None:
        cached = {
            group_id: (status, role)
            for group_id, status, role in GroupMembership.objects.filter(user=user).values_list(
                "group_id", "status", "role"
            )
        }
        user._group_memberships = cached
    return cached


def forget_memberships(*users) -> None:
    """Drop the cached memberships of these users (after a service changed them)."""
    for user in users:
        if user is not None and hasattr(user, "_group_memberships"):
            del user._group_memberships


def membership_state(user, group) -> tuple[str, str] | None:
    if group is None:
        return None
    return membership_states(user).get(getattr(group, "pk", group))


# --- plain functions (no superuser shortcut) ------------------------------------------------


def is_active_member(user, group) -> bool:
    state = membership_state(user, group)
    return state is not None and state[0] == ACTIVE


def is_group_admin(user, group) -> bool:
    """An active administrator of this group (network admins are not, unless they are)."""
    return membership_state(user, group) == (ACTIVE, ADMIN)


def can_post_in(user, group) -> bool:
    """Active members may post in a group that no moderator has hidden."""
    return group is not None and not group.hidden and is_active_member(user, group)


def can_see_group(user, group) -> bool:
    """May ``user`` know that this group exists (its page, its name in a list)?"""
    if group is None or not is_member(user):
        return False
    state = membership_state(user, group)
    active = state is not None and state[0] == ACTIVE
    if group.kind == SECRET and not active:
        return False
    if group.hidden:
        return state == (ACTIVE, ADMIN) or is_network_admin(user)
    return True


def can_read_content(user, group) -> bool:
    """May ``user`` read what is posted in the group (its feed)? Matches ``queries.readable_groups_q``."""
    if not can_see_group(user, group):
        return False
    if is_active_member(user, group):
        return not group.hidden or is_group_admin(user, group)
    return group.kind == OPEN and not group.hidden


def allowed(user, perm: str, group) -> bool:
    """Ask the rule itself, without Django's "a superuser may do everything" shortcut:
    a network admin may manage a group they can see, but is not its member."""
    return rules.has_perm(perm, user, group)


# --- predicates ---------------------------------------------------------------------------


@rules.predicate
def sees_group(user, group) -> bool:
    return can_see_group(user, group)


@rules.predicate
def is_group_member(user, group) -> bool:
    return is_active_member(user, group)


@rules.predicate
def is_admin_of_group(user, group) -> bool:
    return is_group_admin(user, group)


@rules.predicate
def may_post(user, group) -> bool:
    return can_post_in(user, group)


@rules.predicate
def has_membership_or_request(user, group) -> bool:
    return membership_state(user, group) is not None


@rules.predicate
def is_open_group(user, group) -> bool:
    return group is not None and group.kind == OPEN


@rules.predicate
def is_closed_group(user, group) -> bool:
    return group is not None and group.kind == CLOSED


@rules.predicate
def is_hidden(user, group) -> bool:
    return group is not None and group.hidden


can_manage = sees_group & (is_admin_of_group | is_network_admin)

rules.add_perm("groups.add_group", is_member)
rules.add_perm("groups.view_group", sees_group)
rules.add_perm("groups.post_in_group", may_post)
rules.add_perm("groups.manage_group", can_manage)
rules.add_perm("groups.delete_group", can_manage)
rules.add_perm("groups.view_members", sees_group & (is_group_member | (is_open_group & is_member) | can_manage))
rules.add_perm("groups.join_group", sees_group & is_open_group & ~is_hidden & ~has_membership_or_request)
rules.add_perm("groups.request_to_join", sees_group & is_closed_group & ~is_hidden & ~has_membership_or_request)
rules.add_perm("groups.leave_group", has_membership_or_request)
