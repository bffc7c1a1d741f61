"""Answering, up-voting and marking the answer that helped."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.asks import notifications as kinds
from landnetz.asks.models import Answer, AnswerVote, Question
from landnetz.asks.permissions import can
from landnetz.asks.services.common import CLOSED, GONE, clean_answer, limit, lock, recount, reindex, require
from landnetz.core.services import audit
from landnetz.moderation.queries import blocked_between
from landnetz.notifications.services import notify

TOO_MANY_ANSWERS = _("You have written many answers in a short time. Please wait a minute.")
OWN_ANSWER_VOTE = _("You cannot up-vote your own answer.")


def _url(question: Question) -> tuple[str, dict]:
    return ("asks:detail", {"question_id": question.pk})


@transaction.atomic
def post_answer(*, author, question: Question, body: str, language: str) -> Answer:
    """Answer a question; the asker is told (not across a block, which stays private)."""
    current = Question.objects.select_for_update().filter(pk=question.pk).first()
    if current is None or current.moderation_hidden:
        raise ValidationError(GONE, code="gone")
    if current.status == Question.Status.CLOSED:
        raise ValidationError(CLOSED, code="closed")
    require(author, "asks.answer", current)
    body = clean_answer(body=body, language=language)
    limit("answer", author, TOO_MANY_ANSWERS)
    answer = Answer.objects.create(question=current, author=author, body=body, language=language)
    recount(current)
    if not blocked_between(author, current.asker):
        notify(
            recipients=[current.asker],
            kind=kinds.ANSWERED,
            actor=author,
            data={"title": current.title},
            url=_url(current),
        )
    reindex(current)
    return answer


@transaction.atomic
def edit_answer(*, actor, answer: Answer, body: str, language: str) -> Answer:
    require(actor, "asks.edit_answer", answer)
    lock(answer.question)
    body = clean_answer(body=body, language=language)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    answer.body, answer.language, answer.edited_at = body, language, timezone.now()
    answer.save(update_fields=["body", "language", "edited_at"])
    reindex(answer.question)
    return answer


@transaction.atomic
def delete_answer(*, actor, answer: Answer) -> None:
    require(actor, "asks.delete_answer", answer)
    delete_answer_rows(actor=actor, answer=answer)


def delete_answer_rows(*, actor, answer: Answer) -> None:
    """Delete an answer with its votes; a question solved by it is open again. The caller
    checked who may (the author, a moderator of the region, the moderation queue)."""
    question = lock(answer.question)
    was_helpful = Answer.objects.filter(pk=answer.pk, helpful_at__isnull=False).exists()
    audit(
        actor=actor,
        verb="asks.answer_deleted",
        obj=question,
        region=question.region,
        data={"answer": answer.pk, "by_author": actor is not None and actor.pk == answer.author_id},
    )
    Answer.objects.filter(pk=answer.pk).delete()
    if was_helpful and question.status == Question.Status.SOLVED:
        question.status, question.solved_at = Question.Status.OPEN, None
        question.save(update_fields=["status", "solved_at"])
    recount(question)
    reindex(question)


@transaction.atomic
def set_answer_hidden(*, answer: Answer, hidden: bool) -> None:
    """Hide a reported answer from everyone but its author, or show it again (moderation)."""
    question = lock(answer.question)
    Answer.objects.filter(pk=answer.pk).update(moderation_hidden=hidden)
    recount(question)
    reindex(question)


@transaction.atomic
def toggle_vote(*, user, answer: Answer) -> bool:
    """Up-vote an answer, or take the up-vote back. Returns whether the member now votes for it."""
    if answer.author_id == getattr(user, "pk", None):
        raise ValidationError(OWN_ANSWER_VOTE, code="own")
    require(user, "asks.vote", answer)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    deleted, _rows = AnswerVote.objects.filter(answer=answer, user=user).delete()
    if not deleted:
        AnswerVote.objects.create(answer=answer, user=user)
    answer.vote_count = AnswerVote.objects.filter(answer=answer).count()
    answer.save(update_fields=["vote_count"])
    return not deleted


@transaction.atomic
def set_helpful(*, actor, answer: Answer, helpful: bool) -> Question:
    """The asker marks the answer that helped (one per question; the question is solved), or
    takes the mark back (the question is open again). Its author is told."""
    if not can(actor, "asks.mark_helpful", answer):
        if answer.author_id == getattr(actor, "pk", None) and answer.question.asker_id == actor.pk:
            raise ValidationError(_("Your own answer cannot be the one that helped you."), code="own")
        raise PermissionDenied
    question = lock(answer.question)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    now = timezone.now()
    if helpful:
        if answer.helpful_at is not None:
            return question
        Answer.objects.filter(question=question, helpful_at__isnull=False).update(helpful_at=None)
        Answer.objects.filter(pk=answer.pk).update(helpful_at=now)
        if question.status == Question.Status.OPEN:
            question.status = Question.Status.SOLVED
        question.solved_at = now
        notify(
            recipients=[answer.author] if answer.author_id else [],
            kind=kinds.HELPFUL,
            actor=actor,
            data={"title": question.title},
            url=_url(question),
        )
        verb = "asks.question_solved"
    else:
        if answer.helpful_at is None:
            return question
        Answer.objects.filter(pk=answer.pk).update(helpful_at=None)
        if question.status == Question.Status.SOLVED:
            question.status = Question.Status.OPEN
        question.solved_at = None
        verb = "asks.question_unsolved"
    question.save(update_fields=["status", "solved_at"])
    audit(actor=actor, verb=verb, obj=question, region=question.region, data={"answer": answer.pk})
    reindex(question)
    return question
