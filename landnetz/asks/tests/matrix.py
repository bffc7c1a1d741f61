"""Objects and forms of the OpenMIC for the permission matrix (docs/permissions.md).

Every question is asked through the services by a member of Landkreis Stendal (the
matrix coordinator coordinates Stendal), about health and Arabic; its "owner" is the
asker, an answer's "owner" its author.

- ``OPENMIC_QUESTION``: an open question to Landkreis Stendal.
- ``OPENMIC_NETWORK_QUESTION``: the same to the whole network (no region: only network
  admins moderate it).
- ``OPENMIC_QUESTION_ELSEWHERE``: a question to the Burgenlandkreis.
- ``OPENMIC_HIDDEN_QUESTION``: a question a moderator has hidden: only its asker sees it.
- ``OPENMIC_CLOSED_QUESTION``: a question its asker has closed (no more answers).
- ``OPENMIC_ANSWER``: an answer to an open Stendal question; owner: its author.
- ``OPENMIC_HIDDEN_ANSWER``: an answer a moderator has hidden: only its author sees it.
- ``OPENMIC_ANSWER_FOR_ASKER``: an answer like ``OPENMIC_ANSWER``, but its "owner" is the
  asker of the question (the one who may mark it as the answer that helped).
"""

from landnetz.asks import services
from landnetz.core.models import Municipality, Topic
from tests.factories import UserFactory
from tests.matrix_support import MatrixObject, unique


def _member(place: str = "Stendal"):
    municipality = Municipality.objects.select_related("region").get(name=place)
    return UserFactory(display_name="Matrix Fragende", region=municipality.region, municipality=municipality)


def _question(*, region: str | None = "stendal", place: str = "Stendal"):
    asker = _member(place)
    municipality = Municipality.objects.select_related("region").get(name=place)
    question = services.ask_question(
        asker=asker,
        title=f"Matrix-Frage {unique()}: Wo gibt es eine Kinderärztin mit Arabisch?",
        body="Eine Familie sucht **dringend** Hilfe.",
        body_language="de",
        region=municipality.region if region else None,
        topics=[Topic.objects.get(slug="gesundheit")],
        languages=["ar"],
    )
    return question, asker


def _asked(region="stendal", place="Stendal", then=None):
    def create(users) -> MatrixObject:
        question, asker = _question(region=region, place=place)
        if then is not None:
            then(question, asker)
        return MatrixObject(str(question.pk), owner=asker, obj=question)

    return create


def _answer(owner: str = "author", hidden: bool = False):
    def create(users) -> MatrixObject:
        question, asker = _question()
        author = _member("Tangerhütte")
        answer = services.post_answer(
            author=author, question=question, body="Die Praxis am Markt spricht Arabisch.", language="de"
        )
        if hidden:
            services.set_answer_hidden(answer=answer, hidden=True)
        return MatrixObject(str(answer.pk), owner=author if owner == "author" else asker, obj=answer)

    return create


OBJECTS = {
    "OPENMIC_QUESTION": _asked(),
    "OPENMIC_NETWORK_QUESTION": _asked(region=None),
    "OPENMIC_QUESTION_ELSEWHERE": _asked(place="Weißenfels"),
    "OPENMIC_HIDDEN_QUESTION": _asked(then=lambda q, a: services.set_question_hidden(question=q, hidden=True)),
    "OPENMIC_CLOSED_QUESTION": _asked(then=lambda q, a: services.set_closed(actor=a, question=q, closed=True)),
    "OPENMIC_ANSWER": _answer(),
    "OPENMIC_HIDDEN_ANSWER": _answer(hidden=True),
    "OPENMIC_ANSWER_FOR_ASKER": _answer(owner="asker"),
}


def _ask_form(ctx) -> dict:
    return {
        "title": f"Wer kennt eine Kinderärztin mit Arabisch? {unique()}",
        "body": "Für eine Familie in Tangerhütte.",
        "body_language": "de",
        "region": "stendal",
        "topics": [str(Topic.objects.get(slug="gesundheit").pk)],
        "languages": ["ar"],
    }


BODIES = {
    "ASK_FORM": _ask_form,
    "ASK_PREVIEW": lambda ctx: {**_ask_form(ctx), "preview": "1"},
    "QUESTION_FORM": _ask_form,
    "ANSWER_FORM": lambda ctx: {"body": f"Fragen Sie im MVZ Stendal. {unique()}", "language": "de"},
    "CLOSE_QUESTION": lambda ctx: {"action": "close"},
    "VOTE_ANSWER": lambda ctx: {},
    "MARK_HELPFUL": lambda ctx: {"action": "mark"},
}
