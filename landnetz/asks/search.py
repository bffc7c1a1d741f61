"""OpenMIC questions in the site search, with the text of their answers: solved questions
stay findable as knowledge. The OpenMIC is for members, so every document's audience is
"members"; a question hidden by a moderator is not indexed, nor is a hidden answer's text.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from landnetz.asks.models import Answer, Question
from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.search.index import labels
from landnetz.search.registry import MEMBERS, Document, SearchKind

QUESTION = "question"
STATUS_TAG = "openmic"
SUMMARY_LENGTH = 280


def _visible_answers() -> Prefetch:
    return Prefetch(
        "answers", queryset=Answer.objects.filter(moderation_hidden=False).order_by("created_at"), to_attr="indexed"
    )


def question_documents(questions) -> list[Document]:
    questions = [question for question in questions if not question.moderation_hidden]
    prefetch_related_objects(questions, "region", "topics", "languages", _visible_answers())
    return [_document(question) for question in questions]


def _summary(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _document(question: Question) -> Document:
    topics = list(question.topics.all())
    codes = [language.code for language in question.languages.all()]
    return Document(
        kind=QUESTION,
        object_id=question.pk,
        key=str(question.pk),
        title=question.title,
        audience=MEMBERS,
        language=question.body_language,
        summary=_summary(question.body),
        text=[
            question.title,
            question.body,
            *[answer.body for answer in question.indexed],
            *labels(_("OpenMIC question")),
            *[name for topic in topics for name in [topic.name, *topic.translations.values()]],
            *[str(LANGUAGE_NAMES.get(code, code)) for code in codes],
            question.region.name if question.region_id else "",
        ],
        # Shown in the reader's language by search_result.html, so kept as a key.
        tags=[f"{STATUS_TAG}:{question.status}"],
        region_id=question.region_id,
        topics=topics,
        languages=codes,
    )


def everything():
    # ``question_documents`` prefetches topics, languages and answers per batch.
    return Question.objects.select_related("region")


QUESTIONS = SearchKind(
    name=QUESTION,
    label=_("OpenMIC question"),
    label_plural=_("OpenMIC questions"),
    model=Question,
    documents=question_documents,
    everything=everything,
    url=lambda key: reverse("asks:detail", kwargs={"question_id": key}),
    result_template="asks/search_result.html",
)
