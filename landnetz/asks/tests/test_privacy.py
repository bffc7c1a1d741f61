"""The OpenMIC and personal data: the export holds a member's questions, answers, up-votes and
the questions they were asked about; erasing the account deletes their questions (with the
answers on them), keeps their answers to others without their name, and leaves nothing of
them in the database."""

import io
import json
import zipfile

import pytest

from landnetz.asks import services
from landnetz.asks.models import Answer, AnswerVote, Asked, Question
from landnetz.asks.search import QUESTION
from landnetz.privacy.archive import write_export
from landnetz.privacy.services import erase_member
from landnetz.privacy.tests.scan import places_holding
from landnetz.search.models import SearchEntry

from .conftest import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(ask, volunteer, fitting_counsellor, newcomer, health):
    """The volunteer asked one question (answered by the counsellor, up-voted by the newcomer),
    answered the newcomer's question (marked helpful) and up-voted an answer there."""
    own = ask()
    theirs_on_own = services.post_answer(author=fitting_counsellor, question=own, body="Praxis am Markt", language="de")
    services.toggle_vote(user=newcomer, answer=theirs_on_own)
    other = services.ask_question(
        asker=newcomer, title="Де знайти курс німецької з дитячим садком?", body_language="uk", region=own.region
    )
    mine_on_other = services.post_answer(
        author=volunteer, question=other, body="Die VHS Stendal hat einen Kurs mit Kinderbetreuung.", language="de"
    )
    third = services.post_answer(author=fitting_counsellor, question=other, body="Auch in Tangermünde", language="de")
    services.toggle_vote(user=volunteer, answer=third)
    services.set_helpful(actor=newcomer, answer=mine_on_other, helpful=True)
    return {"own": own, "other": other, "mine": mine_on_other, "third": third}


def exported(user) -> dict:
    """The member's export as the privacy seam writes it (the zip's JSON sections)."""
    buffer = io.BytesIO()
    write_export(user, buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        return json.loads(archive.read("landnetz-data.json"))["sections"]


def test_the_export_holds_questions_answers_votes_and_askings(volunteer, history, fitting_counsellor):
    Asked.objects.create(question=history["other"], member=volunteer, wave=2)
    data = exported(volunteer)
    assert [row["title"] for row in data["OpenMIC questions"]] == [history["own"].title]
    assert [row["body"] for row in data["OpenMIC answers"]] == [history["mine"].body]
    assert [row["answer"] for row in data["OpenMIC up-votes"]] == [history["third"].pk]
    assert [row["question"] for row in data["OpenMIC questions you were asked to look at"]] == [history["other"].pk]
    raw = json.dumps(data, default=str)
    assert fitting_counsellor.email not in raw and "Praxis am Markt" not in raw  # others' answers are theirs


def test_erasure_deletes_questions_keeps_answers_to_others_anonymously(volunteer, history, newcomer, regions):
    erase_member(actor=volunteer, user=volunteer)
    assert not Question.objects.filter(pk=history["own"].pk).exists()
    assert not Answer.objects.filter(question_id=history["own"].pk).exists()
    kept = Answer.objects.get(pk=history["mine"].pk)
    assert kept.author is None and kept.is_helpful  # the newcomer's solved question keeps its answer
    assert Question.objects.get(pk=history["other"].pk).status == "solved"
    third = Answer.objects.get(pk=history["third"].pk)
    assert third.vote_count == 0 and not AnswerVote.objects.filter(answer=third).exists()
    assert not SearchEntry.objects.filter(kind=QUESTION, object_id=history["own"].pk).exists()
    assert SearchEntry.objects.filter(kind=QUESTION, object_id=history["other"].pk).exists()
    for needle in [volunteer.email, volunteer.display_name, "Helga", "Wiesner", history["own"].title]:
        assert places_holding(needle) == [], needle


def test_the_question_page_names_an_erased_author_as_a_former_member(client, volunteer, history, newcomer):
    erase_member(actor=volunteer, user=volunteer)
    client.force_login(newcomer)
    page = client.get(f"/de/openmic/{history['other'].pk}/").content.decode()
    assert "Antwort eines ehemaligen Mitglieds" in page
    assert volunteer.display_name not in page


def test_erasing_an_asked_member_keeps_the_count_on_the_page(ask, regions):
    expert = member("Stendal", topics=["gesundheit"])
    question = ask()
    assert question.first_wave["count"] == 1
    erase_member(actor=expert, user=expert)
    assert Question.objects.get(pk=question.pk).first_wave["count"] == 1
    assert not Asked.objects.exists()
