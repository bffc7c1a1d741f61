"""What happens to a question nobody answers: a wider second wave, then the coordinators.

Both run from ``manage.py run_scheduled daily`` (registered in ``apps.ready``) and, for a
second wave on time, from ``manage.py openmic_follow_up`` every hour (README). Each
question is handled in its own transaction and only once (``widened_at``,
``escalated_at``), so running them again, or twice at the same time, asks nobody twice.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from landnetz.accounts.models import User
from landnetz.asks import notifications as kinds
from landnetz.asks import targeting
from landnetz.asks.models import Answer, Asked, Question
from landnetz.core.services import audit
from landnetz.notifications.services import notify


def _waiting():
    """Open questions without a (visible) answer that nobody hid."""
    return Question.objects.filter(status=Question.Status.OPEN, answer_count=0, moderation_hidden=False)


def widen_unanswered(*, now=None) -> int:
    """Ask a second, wider circle about every question that has waited
    ``LANDNETZ_ASKS_WIDEN_AFTER_HOURS`` without an answer. Returns how many were widened."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.LANDNETZ_ASKS_WIDEN_AFTER_HOURS)
    ids = list(_waiting().filter(widened_at__isnull=True, created_at__lte=cutoff).values_list("pk", flat=True))
    for pk in ids:
        _widen(pk, now)
    return len(ids)


@transaction.atomic
def _widen(pk: int, now) -> None:
    question = _waiting().select_for_update().filter(pk=pk, widened_at__isnull=True).first()
    if question is None:  # answered, closed or widened meanwhile
        return
    criteria = targeting.criteria_of(
        topics=question.topics.values_list("pk", flat=True),
        languages=question.languages.values_list("code", flat=True),
        region=question.region_id,
    )
    already = set(Asked.objects.filter(question=question).values_list("member_id", flat=True))
    already |= set(Answer.objects.filter(question=question, author__isnull=False).values_list("author_id", flat=True))
    wave = targeting.second_wave(
        criteria, asker=question.asker, exclude=sorted(already), size=settings.LANDNETZ_ASKS_SECOND_WAVE_SIZE
    )
    Asked.objects.bulk_create(
        Asked(question=question, member=member, wave=Asked.Wave.SECOND) for member in wave.members
    )
    question.widened_at, question.second_wave_count = now, wave.count
    question.save(update_fields=["widened_at", "second_wave_count"])
    notify(
        recipients=wave.members,
        kind=kinds.ASKED_YOU,
        data={"title": question.title, "wave": 2},
        url=("asks:detail", {"question_id": question.pk}),
    )
    audit(actor=None, verb="asks.question_widened", obj=question, region=question.region, data={"asked": wave.count})


def escalate_unanswered(*, now=None) -> int:
    """Tell the coordinators of the question's region (a question to the whole network: of
    the asker's region) about every question without an answer after
    ``LANDNETZ_ASKS_ESCALATE_AFTER_DAYS``, once. Returns how many were raised."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.LANDNETZ_ASKS_ESCALATE_AFTER_DAYS)
    ids = list(_waiting().filter(escalated_at__isnull=True, created_at__lte=cutoff).values_list("pk", flat=True))
    for pk in ids:
        _escalate(pk, now)
    return len(ids)


@transaction.atomic
def _escalate(pk: int, now) -> None:
    question = _waiting().select_for_update().filter(pk=pk, escalated_at__isnull=True).first()
    if question is None:
        return
    region = question.region if question.region_id else question.asker.region
    coordinators = (
        list(User.objects.filter(coordinated_regions=region, is_active=True).exclude(pk=question.asker_id))
        if region is not None
        else []
    )
    question.escalated_at, question.escalated_region = now, region
    question.save(update_fields=["escalated_at", "escalated_region"])
    notify(
        recipients=coordinators,
        kind=kinds.UNANSWERED,
        data={
            "title": question.title,
            "region": region.name if region else "",
            "days": str(settings.LANDNETZ_ASKS_ESCALATE_AFTER_DAYS),
        },
        url=("asks:detail", {"question_id": question.pk}),
    )
    audit(actor=None, verb="asks.question_escalated", obj=question, region=region, data={"told": len(coordinators)})


def follow_up(*, now=None) -> int:
    """Both steps (the scheduled job): the number of questions widened or raised."""
    now = now or timezone.now()
    return widen_unanswered(now=now) + escalate_unanswered(now=now)
