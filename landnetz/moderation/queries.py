"""Reads of the moderation seam: the queue of the regions a moderator looks after."""

from django.db.models import Q, QuerySet
from django.urls import reverse

from landnetz.core.permissions import coordinated_region_ids, is_network_admin
from landnetz.moderation import registry
from landnetz.moderation.models import Block, Report
from landnetz.moderation.permissions import moderated_region_ids


def queue_for(user, *, status: str = Report.Status.OPEN) -> QuerySet[Report]:
    reports = Report.objects.filter(status=status).select_related("region")
    if is_network_admin(user):
        return reports
    regions = moderated_region_ids(user) | set(coordinated_region_ids(user))
    return reports.filter(Q(region_id__in=regions))


def report_for_moderator(user, report_id: int) -> Report | None:
    report = Report.objects.select_related("region").filter(pk=report_id).first()
    if report is None or not user.has_perm("moderation.decide_report", report):
        return None
    return report


def describe(reports) -> list[tuple]:
    """(report, reportable label, title, (url name, kwargs)) for the queue, one object
    lookup per report (a page holds at most 20)."""
    rows = []
    for report in reports:
        reportable = registry.get(report.kind)
        obj = reportable.get(report.object_id) if reportable else None
        if obj is None:
            rows.append((report, report.kind, "–", None))
        else:
            name, kwargs = reportable.url_of(obj)
            rows.append((report, reportable.label, reportable.title_of(obj), reverse(name, kwargs=kwargs)))
    return rows


def blocked_between(first, second) -> bool:
    """Whether either member has blocked the other (one query; anonymous: never)."""
    if not getattr(first, "pk", None) or not getattr(second, "pk", None):
        return False
    return Block.objects.filter(
        Q(blocker_id=first.pk, blocked_id=second.pk) | Q(blocker_id=second.pk, blocked_id=first.pk)
    ).exists()


def blocked_ids(user) -> set[int]:
    """Ids of the members ``user`` has blocked."""
    if not getattr(user, "pk", None):
        return set()
    return set(Block.objects.filter(blocker_id=user.pk).values_list("blocked_id", flat=True))


def blocking_ids(user) -> set[int]:
    """Ids of the members who blocked ``user`` or whom ``user`` blocked: nobody of them may
    reach the other (messages, mentions). One query."""
    if not getattr(user, "pk", None):
        return set()
    pairs = Block.objects.filter(Q(blocker_id=user.pk) | Q(blocked_id=user.pk)).values_list("blocker_id", "blocked_id")
    return {other for pair in pairs for other in pair if other != user.pk}


def blocks_of(user) -> QuerySet[Block]:
    """The members ``user`` has blocked, newest first, for their own list."""
    return Block.objects.filter(blocker_id=user.pk).select_related("blocked")
