"""Asking, changing, closing and deleting OpenMIC questions; who is asked first."""

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.asks import notifications as kinds
from landnetz.asks import targeting
from landnetz.asks.models import Asked, Question, QuestionLanguage
from landnetz.asks.services.common import clean_question, limit, lock, reindex, require
from landnetz.core.models import Region
from landnetz.core.services import audit
from landnetz.notifications.models import Notification
from landnetz.notifications.queries import unread_cache_key
from landnetz.notifications.services import notify
from landnetz.search import index as search_index

TOO_MANY_QUESTIONS = _(
    "You have asked many questions today. Please wait until tomorrow, or add to one of your open questions."
)


def preview_first_wave(*, asker, topics: Iterable, languages: Iterable[str], region: Region | None):
    """Who would be asked first (a ``targeting.Wave``), without saving or telling anyone."""
    require(asker, "asks.ask")
    criteria = targeting.criteria_of(topics=topics, languages=languages, region=region)
    return targeting.first_wave(criteria, asker=asker, size=settings.LANDNETZ_ASKS_FIRST_WAVE_SIZE)


def _set_languages(question: Question, codes: list[str]) -> None:
    question.languages.all().delete()
    QuestionLanguage.objects.bulk_create(QuestionLanguage(question=question, code=code) for code in codes)


@transaction.atomic
def ask_question(
    *,
    asker,
    title: str,
    body: str = "",
    body_language: str = "",
    region: Region | None = None,
    topics: Iterable = (),
    languages: Iterable[str] = (),
) -> Question:
    """Publish a question to the OpenMIC list and ask the members whose profile fits it first."""
    require(asker, "asks.ask")
    title, body, codes = clean_question(
        title=title, body=body, body_language=body_language or settings.LANGUAGE_CODE, languages=languages
    )
    topics = list(topics)
    limit("question", asker, TOO_MANY_QUESTIONS)
    question = Question.objects.create(
        asker=asker, title=title, body=body, body_language=body_language or settings.LANGUAGE_CODE, region=region
    )
    question.topics.set(topics)
    _set_languages(question, codes)
    criteria = targeting.criteria_of(topics=topics, languages=codes, region=region)
    wave = targeting.first_wave(criteria, asker=asker, size=settings.LANDNETZ_ASKS_FIRST_WAVE_SIZE)
    question.first_wave = {**criteria.as_data(), "count": wave.count, "fits": wave.fits}
    question.save(update_fields=["first_wave"])
    Asked.objects.bulk_create(Asked(question=question, member=member, wave=Asked.Wave.FIRST) for member in wave.members)
    notify(
        recipients=wave.members,
        kind=kinds.ASKED_YOU,
        actor=asker,
        data={"title": title, "wave": 1},
        url=("asks:detail", {"question_id": question.pk}),
    )
    audit(actor=asker, verb="asks.question_asked", obj=question, region=region, data={"asked": wave.count})
    reindex(question)
    return question


@transaction.atomic
def edit_question(
    *,
    actor,
    question: Question,
    title: str,
    body: str = "",
    body_language: str = "",
    region: Region | None = None,
    topics: Iterable = (),
    languages: Iterable[str] = (),
) -> Question:
    """Change the text, place, topics or languages. Who was asked stays as it was; a later
    second wave asks by the new topics and languages."""
    require(actor, "asks.edit_question", question)
    question = lock(question)
    title, body, codes = clean_question(
        title=title, body=body, body_language=body_language or question.body_language, languages=languages
    )
    question.title, question.body, question.region = title, body, region
    question.body_language = body_language or question.body_language
    question.edited_at = timezone.now()
    question.save()
    question.topics.set(list(topics))
    _set_languages(question, codes)
    audit(actor=actor, verb="asks.question_edited", obj=question, region=region)
    reindex(question)
    return question


@transaction.atomic
def set_closed(*, actor, question: Question, closed: bool) -> Question:
    """The asker closes the question (no more answers) or opens it again."""
    require(actor, "asks.close_question", question)
    question = lock(question)
    if closed:
        question.status = Question.Status.CLOSED
    else:
        helpful = question.answers.filter(helpful_at__isnull=False).exists()
        question.status = Question.Status.SOLVED if helpful else Question.Status.OPEN
    question.save(update_fields=["status"])
    audit(
        actor=actor,
        verb="asks.question_closed" if closed else "asks.question_reopened",
        obj=question,
        region=question.region,
    )
    reindex(question)
    return question


@transaction.atomic
def delete_question(*, actor, question: Question) -> None:
    require(actor, "asks.delete_question", question)
    delete_question_rows(actor=actor, question=question)


def delete_question_rows(*, actor, question: Question) -> None:
    """Delete a question with its answers, votes and index entry; the caller checked who may
    (the asker, a moderator of its region, the moderation queue, the erasure)."""
    question = lock(question)
    audit(
        actor=actor,
        verb="asks.question_deleted",
        obj=question,
        region=question.region,
        data={"by_asker": actor is not None and actor.pk == question.asker_id},
    )
    search_index.remove("question", [question.pk])
    forget_notifications([question.pk])
    question.delete()


def forget_notifications(question_ids) -> None:
    """Notifications about deleted questions would lead to a missing page and keep the
    deleted title: they go with the question. (The notifications seam has no service for
    withdrawing notifications yet; these rows are the OpenMIC's own kinds, found by the
    page they point to.)"""
    about = Notification.objects.filter(
        kind__in=[kind.key for kind in kinds.KINDS],
        url_name="asks:detail",
        url_kwargs__question_id__in=list(question_ids),
    )
    recipients = set(about.filter(read_at__isnull=True).values_list("recipient_id", flat=True))
    about.delete()
    # The header's unread count is cached per member (notifications.queries).
    cache.delete_many([unread_cache_key(recipient) for recipient in recipients])


@transaction.atomic
def set_question_hidden(*, question: Question, hidden: bool) -> None:
    """Hide a reported question from everyone but its asker, or show it again (called by the
    moderation seam, which checks who may)."""
    question = lock(question)
    question.moderation_hidden = hidden
    question.save(update_fields=["moderation_hidden"])
    reindex(question)
