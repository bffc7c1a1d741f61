"""What waits for coordinators in the OpenMIC: questions raised to them without an answer."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from landnetz.asks.models import Question
from landnetz.core.hooks import WorkItem
from landnetz.core.permissions import coordinated_region_ids, is_member


def work_for(user) -> list[WorkItem]:
    """One item: open questions raised to the member's regions that still have no answer
    (one query; none for members who coordinate nothing)."""
    if not is_member(user):
        return []
    region_ids = coordinated_region_ids(user)
    if not region_ids:
        return []
    waiting = Question.objects.filter(
        status=Question.Status.OPEN,
        answer_count=0,
        moderation_hidden=False,
        escalated_region_id__in=region_ids,
    ).count()
    return [
        WorkItem(
            label=_("OpenMIC questions without an answer in your regions"),
            count=waiting,
            url=reverse("asks:list") + "?" + urlencode({"status": "coordination"}),
        )
    ]
