"""Reads of the OpenMIC, already scoped to what the viewer may see and prefetched.

The OpenMIC is for members: visitors see nothing (the views send them to the login). A
question hidden by a moderator is seen only by its asker, a hidden answer only by its
author. Every read costs a constant number of queries, however many rows there are.
"""

from dataclasses import dataclass

from django.db.models import Case, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.http import Http404

from landnetz.accounts.models import ProfileLanguage
from landnetz.asks.models import Answer, AnswerVote, Asked, Question, QuestionLanguage
from landnetz.core.models import Region, Topic
from landnetz.core.permissions import coordinated_region_ids, is_member
from landnetz.moderation.queries import blocking_ids

OPEN = Question.Status.OPEN


@dataclass(frozen=True)
class Filters:
    """What the OpenMIC list is narrowed to (all optional)."""

    region: Region | None = None
    network: bool = False  # only questions to the whole network
    topic: Topic | None = None
    language: str = ""
    status: str = ""  # "", "open", "unanswered", "solved", "closed", "mine", "coordination"
    fits: bool = False  # fits my expertise


def questions_visible_to(user) -> QuerySet[Question]:
    if not is_member(user):
        return Question.objects.none()
    return Question.objects.filter(Q(moderation_hidden=False) | Q(asker=user))


def _listed(questions: QuerySet[Question]) -> QuerySet[Question]:
    return questions.select_related("asker", "region", "escalated_region").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("name")), "languages"
    )


def _open_first(questions: QuerySet[Question]) -> QuerySet[Question]:
    return questions.annotate(
        open_first=Case(When(status=OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("open_first", "-created_at", "-pk")


def fitting(user) -> Q:
    """Questions whose first wave would include ``user``: they name a topic of the member's
    profile or a language the member speaks; a question that names neither fits the
    members of its region. (The member's own profile, whatever its visibility: only they
    see what fits them.)"""
    topic_ids = Topic.objects.filter(profiles__user=user).values("pk")
    codes = ProfileLanguage.objects.filter(profile__user=user).values("code")
    topic_fit = Exists(Question.topics.through.objects.filter(question_id=OuterRef("pk"), topic_id__in=topic_ids))
    language_fit = Exists(QuestionLanguage.objects.filter(question_id=OuterRef("pk"), code__in=codes))
    names_topics = Exists(Question.topics.through.objects.filter(question_id=OuterRef("pk")))
    names_languages = Exists(QuestionLanguage.objects.filter(question_id=OuterRef("pk")))
    by_region = Q(region_id=user.region_id) if user.region_id else Q(pk__in=[])
    return topic_fit | language_fit | (~names_topics & ~names_languages & by_region)


def question_list(user, filters: Filters = Filters()) -> QuerySet[Question]:
    """The OpenMIC list: open questions first, newest first within each."""
    questions = questions_visible_to(user)
    if filters.region is not None:
        questions = questions.filter(region=filters.region)
    elif filters.network:
        questions = questions.filter(region__isnull=True)
    if filters.topic is not None:
        questions = questions.filter(topics=filters.topic)
    if filters.language:
        questions = questions.filter(languages__code=filters.language)
    status = filters.status
    if status in ("open", "solved", "closed"):
        questions = questions.filter(status=status)
    elif status == "unanswered":
        questions = questions.filter(status=OPEN, answer_count=0)
    elif status == "mine":
        questions = questions.filter(asker=user)
    elif status == "coordination":
        questions = questions.filter(status=OPEN, answer_count=0, escalated_region_id__in=coordinated_region_ids(user))
    if filters.fits:
        questions = questions.filter(fitting(user)).exclude(asker=user)
    return _listed(_open_first(questions))


def question_for(user, question_id: int) -> Question:
    """One question for its page (topics, languages, asker, region); Http404 when the
    viewer may not see it."""
    question = _listed(questions_visible_to(user)).filter(pk=question_id).first()
    if question is None:
        raise Http404
    return question


def answers_to(question: Question, viewer) -> QuerySet[Answer]:
    """The answers the viewer may see: the helpful one first, then by up-votes, then oldest."""
    answers = Answer.objects.filter(question=question)
    if is_member(viewer):
        answers = answers.filter(Q(moderation_hidden=False) | Q(author=viewer))
    else:
        answers = answers.filter(moderation_hidden=False)
    return (
        answers.select_related("author")
        .annotate(helpful_first=Case(When(helpful_at__isnull=False, then=Value(0)), default=Value(1)))
        .order_by("helpful_first", "-vote_count", "created_at", "pk")
    )


def voted_answer_ids(viewer, answers) -> set[int]:
    """Which of these answers the viewer has up-voted (one query)."""
    if not is_member(viewer):
        return set()
    return set(
        AnswerVote.objects.filter(user=viewer, answer__in=[answer.pk for answer in answers]).values_list(
            "answer_id", flat=True
        )
    )


def answer_for(user, answer_id: int) -> Answer:
    """One answer with its question, as the viewer may see it; Http404 otherwise (also when
    its question is hidden from them)."""
    answer = (
        Answer.objects.select_related("question__region", "question__asker", "author")
        .filter(pk=answer_id, question__in=questions_visible_to(user))
        .first()
    )
    if answer is None or (answer.moderation_hidden and answer.author_id != user.pk):
        raise Http404
    return answer


def was_asked(user, question: Question) -> bool:
    return is_member(user) and Asked.objects.filter(question=question, member=user).exists()


def has_answered(user, question: Question) -> bool:
    return is_member(user) and Answer.objects.filter(question=question, author=user).exists()


def topics_by_id(ids) -> list[Topic]:
    return list(Topic.objects.filter(pk__in=list(ids or [])).order_by("name"))


def may_answer_for_me(user, *, limit: int = 5) -> list[Question]:
    """Open questions the member may be able to answer (start page): fitting their profile,
    not their own, not answered by them yet, not from a member blocked either way."""
    if not is_member(user):
        return []
    answered = Answer.objects.filter(question=OuterRef("pk"), author=user)
    questions = (
        questions_visible_to(user)
        .filter(status=OPEN, moderation_hidden=False)
        .filter(fitting(user))
        .exclude(asker=user)
        .exclude(asker_id__in=blocking_ids(user))
        .exclude(Exists(answered))
    )
    return list(
        questions.select_related("region")
        .annotate(waiting=Case(When(answer_count=0, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("waiting", "-created_at", "-pk")[:limit]
    )


def open_questions_of(user, *, limit: int = 5) -> list[Question]:
    """The member's own open questions, newest first (with their answer counts)."""
    if not is_member(user):
        return []
    return list(Question.objects.filter(asker=user, status=OPEN).order_by("-created_at", "-pk")[:limit])


def count_open_questions_of(user) -> int:
    if not is_member(user):
        return 0
    return Question.objects.filter(asker=user, status=OPEN).count()
