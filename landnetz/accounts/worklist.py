"""What coordinators see of their regions' growth: who joined this week."""

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from landnetz.accounts.models import User
from landnetz.core.hooks import WorkItem
from landnetz.core.models import Region
from landnetz.core.permissions import coordinated_region_ids

NEW_MEMBER_DAYS = 7


def work_for(user) -> list[WorkItem]:
    region_ids = coordinated_region_ids(user) if user.is_authenticated else frozenset()
    if not region_ids:
        return []
    since = timezone.now() - timedelta(days=NEW_MEMBER_DAYS)
    joined = dict(
        User.objects.filter(region_id__in=region_ids, is_active=True, date_joined__gte=since)
        .order_by()
        .values_list("region_id")
        .annotate(count=Count("pk"))
    )
    return [
        WorkItem(
            label=_("New members this week in %(region)s") % {"region": region.name},
            count=joined[region.pk],
            url=region.get_absolute_url(),
        )
        for region in Region.objects.filter(pk__in=joined).order_by("name")
    ]
