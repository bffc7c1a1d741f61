"""What erasing a member's account means for groups (registered with ``privacy``).

- A group never ends up without an administrator: where the member is the last active
  administrator, the longest-standing other active member becomes administrator (and is
  told). Nothing blocks the erasure.
- A group whose only active member is the leaving member goes with them (open requests
  and invitations too).
- Invitations sent to the member's address are deleted; invitations they sent stay
  without naming them (``invited_by`` is set to NULL by the database).
"""

from django.db.models import Count, Q

from landnetz.core.services import audit
from landnetz.groups import notifications as kinds
from landnetz.groups.models import Group, GroupInvitation, GroupMembership
from landnetz.groups.permissions import forget_memberships
from landnetz.groups.services.common import ACTIVE, ADMIN
from landnetz.groups.services.groups import delete_group_rows
from landnetz.notifications.services import notify


def _led_by(user):
    """Groups in which ``user`` is an active admin, with their other active members and admins counted."""
    led = GroupMembership.objects.filter(user=user, status=ACTIVE, role=ADMIN).values("group")
    others = Q(memberships__status=ACTIVE, memberships__user__is_active=True) & ~Q(memberships__user=user)
    return (
        Group.objects.filter(pk__in=led)
        .annotate(
            other_members=Count("memberships", filter=others, distinct=True),
            other_admins=Count("memberships", filter=others & Q(memberships__role=ADMIN), distinct=True),
        )
        .order_by("pk")
    )


def erase(user) -> None:
    for group in _led_by(user):
        if group.other_members == 0:
            delete_group_rows(actor=None, group=group)
        elif group.other_admins == 0:
            _hand_over(group, leaving=user)
    GroupInvitation.objects.filter(email__iexact=user.email).delete()


def _hand_over(group: Group, *, leaving) -> None:
    successor = (
        GroupMembership.objects.filter(group=group, status=ACTIVE, user__is_active=True)
        .exclude(user=leaving)
        .select_related("user")
        .order_by("created_at", "pk")
        .first()
    )
    successor.role = ADMIN
    successor.save(update_fields=["role"])
    audit(
        actor=None,
        verb="group.admin_handed_over",
        obj=group,
        region=group.region,
        data={"user": successor.user_id, "reason": "erasure"},
    )
    notify(
        recipients=[successor.user],
        kind=kinds.MADE_ADMIN,
        actor=None,
        data={**kinds.data_for(group), "handed_over": True},
        url=("groups:members", {"slug": group.slug}),
    )
    forget_memberships(successor.user)
