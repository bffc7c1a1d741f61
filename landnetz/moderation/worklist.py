"""What waits for moderators and coordinators: open reports in their regions."""

from django.urls import reverse
from django.utils.translation import gettext as _

from landnetz.core.hooks import WorkItem
from landnetz.core.permissions import coordinated_region_ids, is_member, is_network_admin
from landnetz.moderation.permissions import moderated_region_ids
from landnetz.moderation.queries import queue_for


def work_for(user) -> list[WorkItem]:
    if not is_member(user):
        return []
    if not (is_network_admin(user) or coordinated_region_ids(user) or moderated_region_ids(user)):
        return []
    return [WorkItem(label=_("Reports to moderate"), count=queue_for(user).count(), url=reverse("moderation:queue"))]
