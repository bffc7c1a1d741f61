"""What waits for group administrators: open requests to join (on the start page)."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from landnetz.core.hooks import WorkItem
from landnetz.core.permissions import is_member
from landnetz.groups.models import Group, GroupMembership

MAX_GROUPS = 5


def work_for(user) -> list[WorkItem]:
    """Open join requests of the groups the member administers (one query)."""
    if not is_member(user):
        return []
    administered = GroupMembership.objects.filter(
        user=user, status=GroupMembership.Status.ACTIVE, role=GroupMembership.Role.ADMIN
    ).values("group_id")
    counts = (
        Group.objects.filter(
            pk__in=administered,
            memberships__status=GroupMembership.Status.REQUESTED,
            memberships__user__is_active=True,
        )
        .values_list("slug", "name")
        .annotate(count=Count("pk"))
        .order_by("name")[:MAX_GROUPS]
    )
    return [
        WorkItem(
            label=_("Requests to join the group %(group)s") % {"group": name},
            count=count,
            url=reverse("groups:members", kwargs={"slug": slug}),
        )
        for slug, name, count in counts
    ]
