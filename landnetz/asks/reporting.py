"""Questions and answers are reportable (registered with the moderation seam in ``apps.ready``).

A question to the whole network has no region: network admins decide about it.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from landnetz.asks import services
from landnetz.asks.models import Answer, Question
from landnetz.core.permissions import is_member
from landnetz.moderation.registry import Reportable, register


def _visible_question(viewer, pk: int):
    if not is_member(viewer):
        return None
    return Question.objects.filter(Q(moderation_hidden=False) | Q(asker=viewer), pk=pk).first()


def _visible_answer(viewer, pk: int):
    if not is_member(viewer):
        return None
    return (
        Answer.objects.select_related("question")
        .filter(Q(moderation_hidden=False) | Q(author=viewer), pk=pk, question__moderation_hidden=False)
        .first()
    )


def register_reportables() -> None:
    register(
        Reportable(
            kind="asks.question",
            label=_("OpenMIC question"),
            visible=_visible_question,
            get=lambda pk: Question.objects.select_related("region", "asker").filter(pk=pk).first(),
            region_of=lambda question: question.region,
            owners_of=lambda question: [question.asker],
            title_of=lambda question: question.title,
            url_of=lambda question: ("asks:detail", {"question_id": question.pk}),
            hide=lambda question: services.set_question_hidden(question=question, hidden=True),
            restore=lambda question: services.set_question_hidden(question=question, hidden=False),
            delete=lambda question, actor: services.delete_question_rows(actor=actor, question=question),
        )
    )
    register(
        Reportable(
            kind="asks.answer",
            label=_("OpenMIC answer"),
            visible=_visible_answer,
            get=lambda pk: Answer.objects.select_related("question__region", "author").filter(pk=pk).first(),
            region_of=lambda answer: answer.question.region,
            owners_of=lambda answer: [answer.author] if answer.author_id else [],
            title_of=lambda answer: answer.question.title,
            url_of=lambda answer: ("asks:detail", {"question_id": answer.question_id}),
            hide=lambda answer: services.set_answer_hidden(answer=answer, hidden=True),
            restore=lambda answer: services.set_answer_hidden(answer=answer, hidden=False),
            delete=lambda answer, actor: services.delete_answer_rows(actor=actor, answer=answer),
        )
    )
