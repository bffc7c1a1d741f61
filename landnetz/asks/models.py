"""The OpenMIC: a member asks the whole network or one region; members answer.

A question first reaches the members whose profile fits it (``Asked`` rows, wave 1), then
— still without an answer — a wider circle (wave 2), and at last the coordinators of its
region (``escalated_at``). The page says how many were asked and why, never who.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from landnetz.core.languages import SPOKEN_LANGUAGES, WRITTEN_LANGUAGES
from landnetz.core.models import Region, Topic

TITLE_MAX = 200
BODY_MAX = 10_000
ANSWER_MAX = 5_000


class Question(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        SOLVED = "solved", _("solved")
        CLOSED = "closed", _("closed")

    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="openmic_questions", verbose_name=_("asked by")
    )
    title = models.CharField(_("question"), max_length=TITLE_MAX)
    body = models.TextField(_("details"), max_length=BODY_MAX, blank=True)
    # Pages mark title and body with ``lang`` so that screen readers use the right voice.
    body_language = models.CharField(
        _("language of the question"), max_length=8, choices=WRITTEN_LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # None: the whole network (Land-wide).
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="+", verbose_name=_("topics"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    # Visible answers (not hidden by moderation), kept by the services: lists sort and count by it.
    answer_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    # Who was asked first and why, without names: {"count": 7, "topics": [ids], "languages":
    # ["ar"], "region": id or None, "fits": {"topic": 5, "language": 3, "region": 4}}.
    first_wave = models.JSONField(default=dict, blank=True)
    # The wider second wave, after ASKS_WIDEN_AFTER_HOURS without an answer.
    widened_at = models.DateTimeField(null=True, blank=True)
    second_wave_count = models.PositiveIntegerField(default=0)
    # Raised to the coordinators of ``escalated_region`` after ASKS_ESCALATE_AFTER_DAYS.
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_region = models.ForeignKey(Region, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Hidden by a moderator after a report (moderation app): only the asker still sees it.
    moderation_hidden = models.BooleanField(_("hidden by moderation"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("OpenMIC question")
        verbose_name_plural = _("OpenMIC questions")
        indexes = [
            models.Index(fields=["status", "moderation_hidden", "-created_at"], name="asks_question_list"),
            models.Index(fields=["region", "status", "-created_at"], name="asks_question_region"),
            models.Index(fields=["asker", "status"], name="asks_question_asker"),
            models.Index(fields=["status", "answer_count", "created_at"], name="asks_question_waiting"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("asks:detail", kwargs={"question_id": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def takes_answers(self) -> bool:
        return self.status != self.Status.CLOSED and not self.moderation_hidden


class QuestionLanguage(models.Model):
    """A language the answer should come in, or that the situation concerns (spoken languages)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=8, choices=SPOKEN_LANGUAGES)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="unique_question_language")]
        indexes = [models.Index(fields=["code", "question"], name="asks_language_code")]

    def __str__(self) -> str:
        return self.get_code_display()


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # An erased author's answers to other members' questions stay without a name
    # ("a former member"): they are what the asker found helpful (services/erasure.py).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="openmic_answers"
    )
    body = models.TextField(_("answer"), max_length=ANSWER_MAX)
    language = models.CharField(
        _("language of the answer"), max_length=8, choices=WRITTEN_LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Up-votes, kept by the services (the page orders by it).
    vote_count = models.PositiveIntegerField(default=0)
    # The asker marked this answer as the one that helped (at most one per question).
    helpful_at = models.DateTimeField(null=True, blank=True)
    moderation_hidden = models.BooleanField(_("hidden by moderation"), default=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("OpenMIC answer")
        verbose_name_plural = _("OpenMIC answers")
        constraints = [
            models.UniqueConstraint(
                fields=["question"], condition=Q(helpful_at__isnull=False), name="one_helpful_answer_per_question"
            )
        ]
        indexes = [models.Index(fields=["question", "moderation_hidden", "created_at"], name="asks_answer_order")]

    def __str__(self) -> str:
        return self.body[:80]

    @property
    def is_helpful(self) -> bool:
        return self.helpful_at is not None


class AnswerVote(models.Model):
    """One up-vote of one member for one answer (never for their own)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "user"], name="one_vote_per_member_and_answer")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.answer_id}"


class Asked(models.Model):
    """A member whom the OpenMIC asked to look at a question because their profile fits.

    Never shown with names: the question page counts them (``Question.first_wave``); the
    rows keep the second wave from asking anyone twice.
    """

    class Wave(models.IntegerChoices):
        FIRST = 1, _("first")
        SECOND = 2, _("second")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="asked")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    wave = models.PositiveSmallIntegerField(choices=Wave.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "member"], name="ask_a_member_once")]

    def __str__(self) -> str:
        return f"{self.member_id} ← {self.question_id} ({self.wave})"
