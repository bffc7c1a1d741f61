"""Reads of the groups app, already scoped to what the viewer may see.

Visibility in one sentence: secret groups exist only for their active members; a group
hidden by a moderator only for its admins (and, unless secret, network admins); every
other group for every logged-in member. Visitors see no groups. What is posted in a
group (``readable_groups_q``) is for its members, and for an open group for every member.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from landnetz.core.permissions import is_member, is_network_admin
from landnetz.groups.models import Group, GroupInvitation, GroupMembership, hash_token
from landnetz.groups.permissions import membership_states

ACTIVE = GroupMembership.Status.ACTIVE
REQUESTED = GroupMembership.Status.REQUESTED
ADMIN = GroupMembership.Role.ADMIN


def member_group_ids(user) -> set[int]:
    """Ids of the groups where ``user`` is an active member (empty for visitors; cached per request)."""
    return {group_id for group_id, (status, _role) in membership_states(user).items() if status == ACTIVE}


def _active_memberships(user) -> QuerySet[GroupMembership]:
    return GroupMembership.objects.filter(user=user, status=ACTIVE)


def readable_groups_q(user, field: str = "group") -> Q:
    """A ``Q`` for rows whose ``field`` (a foreign key to ``Group``) is a group whose content
    ``user`` may read: every open group nobody hid, and every group the user is an active
    member of (a hidden one only for its admins). Nothing for visitors.

    The member's groups come as a subquery, never as a list of ids in Python.
    """
    if not is_member(user):
        return Q(**{f"{field}__in": []})
    own = _active_memberships(user).filter(Q(group__hidden=False) | Q(role=ADMIN)).values("group_id")
    return Q(**{f"{field}__kind": Group.Kind.OPEN, f"{field}__hidden": False}) | Q(**{f"{field}__in": own})


def _visible_q(viewer) -> Q | None:
    """Which groups ``viewer`` may know of; None for visitors (no group)."""
    if not is_member(viewer):
        return None
    membership = _active_memberships(viewer).filter(group=OuterRef("pk"))
    condition = Q(hidden=False) & ~Q(kind=Group.Kind.SECRET)
    condition |= Exists(membership.filter(Q(group__hidden=False) | Q(role=ADMIN)))
    if is_network_admin(viewer):
        condition |= ~Q(kind=Group.Kind.SECRET)
    return condition


def visible_groups(viewer) -> QuerySet[Group]:
    """Every group ``viewer`` may see (the list page, pickers), with region, by name."""
    condition = _visible_q(viewer)
    if condition is None:
        return Group.objects.none()
    return Group.objects.filter(condition).select_related("region").order_by("name", "pk")


def visible_group(viewer, slug: str) -> Group | None:
    """The group with this address as ``viewer`` may see it, else None (a secret group the
    viewer is not a member of, a hidden one they do not run, an unknown address)."""
    return visible_groups(viewer).filter(slug=slug).first()


def group_or_404(viewer, slug: str) -> Group:
    group = visible_group(viewer, slug)
    if group is None:
        raise Http404
    return group


def group_list(viewer, *, text: str = "", region=None, mine: bool = False) -> QuerySet[Group]:
    """The list page: visible groups, filtered, each with its number of active members."""
    groups = visible_groups(viewer)
    if text:
        groups = groups.filter(name__icontains=text)
    if region is not None:
        groups = groups.filter(region=region)
    if mine:
        groups = groups.filter(pk__in=_active_memberships(viewer).values("group_id"))
    return groups.annotate(member_count=Count("memberships", filter=Q(memberships__status=ACTIVE)))


def groups_of(user) -> QuerySet[Group]:
    """The user's active groups that no moderator hid (start page, "post to which group")."""
    if not is_member(user):
        return Group.objects.none()
    return (
        Group.objects.filter(pk__in=_active_memberships(user).values("group_id"), hidden=False)
        .select_related("region")
        .order_by("name", "pk")
    )


def member_count(group: Group) -> int:
    return GroupMembership.objects.filter(group=group, status=ACTIVE).count()


def admin_count(group: Group) -> int:
    return GroupMembership.objects.filter(group=group, status=ACTIVE, role=ADMIN, user__is_active=True).count()


def members_of(group: Group) -> QuerySet[GroupMembership]:
    """Active memberships of a group with their users: admins first, then by name."""
    return (
        GroupMembership.objects.filter(group=group, status=ACTIVE, user__is_active=True)
        .select_related("user__profile")
        .order_by("role", "user__display_name", "pk")
    )


def requests_of(group: Group) -> QuerySet[GroupMembership]:
    """Open join requests (for the group's admins), oldest first."""
    return (
        GroupMembership.objects.filter(group=group, status=REQUESTED, user__is_active=True)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def admins_of(group: Group) -> list:
    """The active admins (users) of a group."""
    return [
        membership.user
        for membership in GroupMembership.objects.filter(
            group=group, status=ACTIVE, role=ADMIN, user__is_active=True
        ).select_related("user")
    ]


def membership_in(group: Group, pk) -> GroupMembership | None:
    """A membership or request of this group by id (never one of another group)."""
    return GroupMembership.objects.filter(group=group, pk=pk).select_related("user").first()


def open_invitations_of(group: Group) -> QuerySet[GroupInvitation]:
    return (
        GroupInvitation.objects.filter(group=group, accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("invited_by")
        .order_by("-created_at", "-pk")
    )


def invitation_in(group: Group, pk) -> GroupInvitation | None:
    return GroupInvitation.objects.filter(group=group, pk=pk).first()


def invitation_for(token: str) -> GroupInvitation:
    """The invitation behind a link; Http404 for an unknown token."""
    invitation = (
        GroupInvitation.objects.filter(token_hash=hash_token(token))
        .select_related("group__region", "invited_by")
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def with_members_preview(groups: QuerySet[Group]) -> QuerySet[Group]:
    """Groups with their admins prefetched as ``admin_memberships`` (the list cards)."""
    admins = GroupMembership.objects.filter(status=ACTIVE, role=ADMIN).select_related("user")
    return groups.prefetch_related(Prefetch("memberships", queryset=admins, to_attr="admin_memberships"))
