"""What waits for members in the organisations app: verifications and join requests."""

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from landnetz.core.hooks import WorkItem
from landnetz.core.models import Region
from landnetz.core.permissions import coordinated_region_ids, is_member
from landnetz.organisations.models import Membership, Organisation

MAX_ORGANISATIONS = 5


def work_for(user) -> list[WorkItem]:
    if not is_member(user):
        return []
    return _verifications(user) + _join_requests(user)


def _verifications(user) -> list[WorkItem]:
    """Per coordinated region: organisations not yet verified (two queries in all)."""
    region_ids = coordinated_region_ids(user)
    if not region_ids:
        return []
    waiting = dict(
        Organisation.objects.filter(municipality__region_id__in=region_ids, verified_at__isnull=True)
        .order_by()
        .values_list("municipality__region_id")
        .annotate(count=Count("pk"))
    )
    regions = Region.objects.filter(pk__in=waiting).order_by("name")
    return [
        WorkItem(
            label=_("Organisations waiting for verification in %(region)s") % {"region": region.name},
            count=waiting[region.pk],
            url=reverse("organisations:list") + "?" + urlencode({"region": region.slug, "verified": "no"}),
        )
        for region in regions
    ]


def _join_requests(user) -> list[WorkItem]:
    """Open join requests of the organisations the member administers (two queries)."""
    administered = Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE, role=Membership.Role.ADMIN
    ).values("organisation_id")
    counts = (
        Organisation.objects.filter(pk__in=administered, memberships__status=Membership.Status.REQUESTED)
        .values_list("slug", "name")
        .annotate(count=Count("pk"))
        .order_by("name")[:MAX_ORGANISATIONS]
    )
    return [
        WorkItem(
            label=_("Requests to join %(organisation)s") % {"organisation": name},
            count=count,
            url=reverse("organisations:members", kwargs={"slug": slug}),
        )
        for slug, name, count in counts
    ]
