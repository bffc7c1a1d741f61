"""Shared helpers of the OpenMIC services: permission checks, input checks, counts, index."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from landnetz.asks.models import ANSWER_MAX, BODY_MAX, TITLE_MAX, Answer, Question
from landnetz.asks.permissions import can
from landnetz.asks.search import QUESTION
from landnetz.core import ratelimits
from landnetz.core.languages import LANGUAGE_NAMES, WRITTEN_LANGUAGES
from landnetz.core.validators import validate_multiline_text, validate_plain_text
from landnetz.search import index as search_index

TOO_LONG = _("Please shorten this to at most %(limit)s characters (it has %(length)s now).")
GONE = _("This question has been deleted or hidden by the moderators. Your answer was not saved.")
CLOSED = _("The asker has closed this question. It takes no more answers.")


def require(actor, rule: str, obj=None) -> None:
    if not can(actor, rule, obj):
        raise PermissionDenied


def limit(action: str, actor, message) -> None:
    if not ratelimits.consume(action, actor.pk):
        raise ValidationError(message, code="rate_limit")


def _length(field: str, value: str, maximum: int) -> None:
    if len(value) > maximum:
        raise ValidationError(
            {field: ValidationError(TOO_LONG, code="max_length", params={"limit": maximum, "length": len(value)})}
        )


def _checked(field: str, value: str, validator) -> None:
    try:
        validator(value)
    except ValidationError as exc:
        raise ValidationError({field: exc.error_list}) from None


def clean_question(*, title: str, body: str, body_language: str, languages) -> tuple[str, str, list[str]]:
    """The question's text as it is stored; ValidationError (by field) for anything else."""
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        raise ValidationError({"title": ValidationError(_("Please write your question."), code="required")})
    _length("title", title, TITLE_MAX)
    _length("body", body, BODY_MAX)
    _checked("title", title, validate_plain_text)
    _checked("body", body, validate_multiline_text)
    if body_language not in dict(WRITTEN_LANGUAGES):
        raise ValidationError(
            {"body_language": ValidationError(_("Please choose a language from the list."), code="unknown")}
        )
    codes = list(dict.fromkeys(languages or []))
    if any(code not in LANGUAGE_NAMES for code in codes):
        raise ValidationError(
            {"languages": ValidationError(_("Please choose languages from the list."), code="unknown")}
        )
    return title, body, codes


def clean_answer(*, body: str, language: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": ValidationError(_("Please write your answer."), code="required")})
    _length("body", body, ANSWER_MAX)
    _checked("body", body, validate_multiline_text)
    if language not in dict(WRITTEN_LANGUAGES):
        raise ValidationError(
            {"language": ValidationError(_("Please choose a language from the list."), code="unknown")}
        )
    return body


def recount(question: Question) -> None:
    """Store the number of visible answers and their up-votes (the lists sort by them)."""
    question.answer_count = Answer.objects.filter(question=question, moderation_hidden=False).count()
    question.save(update_fields=["answer_count"])


def recount_votes(answer_ids) -> None:
    counts = dict(
        Answer.objects.filter(pk__in=list(answer_ids)).annotate(votes_now=Count("votes")).values_list("pk", "votes_now")
    )
    for pk, votes in counts.items():
        Answer.objects.filter(pk=pk).update(vote_count=votes)


def reindex(*questions: Question) -> None:
    search_index.reindex(QUESTION, [question for question in questions if question is not None])


def lock(question: Question) -> Question:
    """Lock the question row: answers, marks and follow-ups of one question run one at a time."""
    # No select_related: PostgreSQL cannot lock the nullable side of an outer join (region).
    return Question.objects.select_for_update().get(pk=question.pk)
