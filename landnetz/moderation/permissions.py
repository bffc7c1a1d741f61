"""Who moderates: region moderators and region coordinators for their regions, network admins everywhere."""

import rules

from landnetz.core.permissions import coordinated_region_ids, is_member, is_network_admin, is_region_coordinator
from landnetz.moderation.models import Moderator


def moderated_region_ids(user) -> set[int]:
    if not is_member(user):
        return set()
    if not hasattr(user, "_moderated_region_ids"):
        user._moderated_region_ids = set(Moderator.objects.filter(user=user).values_list("region_id", flat=True))
    return user._moderated_region_ids


@rules.predicate
def moderates_report(user, report) -> bool:
    if report is None or not is_member(user):
        return False
    if is_network_admin(user):
        return True
    if report.region_id is None:
        return False  # Land-wide content: network admins
    return report.region_id in moderated_region_ids(user) or is_region_coordinator(user, report.region_id)


@rules.predicate
def moderates_anything(user) -> bool:
    return is_member(user) and (
        is_network_admin(user) or bool(moderated_region_ids(user)) or bool(coordinated_region_ids(user))
    )


rules.add_perm("moderation.decide_report", moderates_report)
rules.add_perm("moderation.view_queue", moderates_anything)
