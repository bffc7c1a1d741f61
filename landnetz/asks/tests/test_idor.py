"""One member replays another member's question and answer ids on every URL that changes
something: 403 where they may see the object, 404 where they may not — and not one row
changes."""

import pytest

from landnetz.asks import services
from landnetz.asks.models import Answer, AnswerVote, Asked, Question, QuestionLanguage
from landnetz.core.models import AuditEntry
from landnetz.notifications.models import Notification
from tests.boundaries import snapshot

pytestmark = pytest.mark.django_db


def tables():
    return (Question, QuestionLanguage, Question.topics.through, Answer, AnswerVote, Asked, AuditEntry, Notification)


@pytest.fixture
def target(ask, fitting_counsellor, newcomer):
    """The volunteer's question with the counsellor's answer (up-voted by the newcomer)."""
    question = ask()
    answer = services.post_answer(author=fitting_counsellor, question=question, body="Praxis am Markt", language="de")
    services.toggle_vote(user=newcomer, answer=answer)
    return {"question": question, "answer": answer}


def attempts(target, health):
    question, answer = target["question"], target["answer"]
    base, answers = f"/de/openmic/{question.pk}", f"/de/openmic/answers/{answer.pk}"
    form = {"title": "Gekapert", "region": "", "body_language": "de", "topics": [str(health.pk)], "languages": []}
    return [
        ("get", f"{base}/edit/", {}),
        ("post", f"{base}/edit/", form),
        ("post", f"{base}/status/", {"action": "close"}),
        ("get", f"{base}/delete/", {}),
        ("post", f"{base}/delete/", {}),
        ("get", f"{answers}/edit/", {}),
        ("post", f"{answers}/edit/", {"body": "Gekapert", "language": "de"}),
        ("get", f"{answers}/delete/", {}),
        ("post", f"{answers}/delete/", {}),
        ("post", f"{answers}/helpful/", {"action": "mark"}),
    ]


def test_another_member_gets_403_and_nothing_changes(client, target, outsider, health):
    before = snapshot(*tables())
    client.force_login(outsider)
    for method, url, data in attempts(target, health):
        assert getattr(client, method)(url, data).status_code == 403, (method, url)
    assert snapshot(*tables()) == before


def test_the_answer_author_cannot_mark_their_answer_helpful_on_someone_elses_question(
    client, target, fitting_counsellor
):
    before = snapshot(*tables())
    client.force_login(fitting_counsellor)
    answer = target["answer"]
    assert client.post(f"/de/openmic/answers/{answer.pk}/helpful/", {"action": "mark"}).status_code == 403
    assert client.post(f"/de/openmic/{target['question'].pk}/status/", {"action": "close"}).status_code == 403
    assert client.post(f"/de/openmic/{target['question'].pk}/edit/", {"title": "x"}).status_code == 403
    assert snapshot(*tables()) == before


def test_the_asker_cannot_edit_or_delete_the_answer(client, target, volunteer):
    before = snapshot(*tables())
    client.force_login(volunteer)
    answer = target["answer"]
    assert client.post(f"/de/openmic/answers/{answer.pk}/edit/", {"body": "x", "language": "de"}).status_code == 403
    assert client.post(f"/de/openmic/answers/{answer.pk}/delete/").status_code == 403
    assert snapshot(*tables()) == before


def test_a_coordinator_of_another_region_cannot_delete(client, target, migrant_org_chair, health):
    migrant_org_chair.coordinated_regions.add(migrant_org_chair.region)  # Burgenlandkreis
    before = snapshot(*tables())
    client.force_login(migrant_org_chair)
    for method, url, data in attempts(target, health):
        assert getattr(client, method)(url, data).status_code == 403, (method, url)
    assert snapshot(*tables()) == before


def test_hidden_question_and_answer_are_404_for_everyone_else(client, target, outsider, health, newcomer):
    services.set_question_hidden(question=target["question"], hidden=True)
    before = snapshot(*tables())
    client.force_login(outsider)
    question, answer = target["question"], target["answer"]
    assert client.get(f"/de/openmic/{question.pk}/").status_code == 404
    for method, url, data in attempts(target, health):
        assert getattr(client, method)(url, data).status_code == 404, (method, url)
    assert client.post(f"/de/openmic/answers/{answer.pk}/vote/").status_code == 404
    client.force_login(newcomer)  # their up-vote cannot be taken back or repeated either
    assert client.post(f"/de/openmic/answers/{answer.pk}/vote/").status_code == 404
    assert snapshot(*tables()) == before


def test_unknown_and_out_of_range_ids_are_404(client, outsider):
    client.force_login(outsider)
    for path in ("999999/", "999999/edit/", "999999/delete/", "answers/999999/edit/", "answers/999999/delete/"):
        assert client.get(f"/de/openmic/{path}").status_code == 404
    for path in ("999999/status/", "answers/999999/vote/", "answers/999999/helpful/", "9223372036854775808/"):
        assert client.post(f"/de/openmic/{path}").status_code == 404


def test_no_state_change_on_get(client, target, outsider):
    before = snapshot(*tables())
    client.force_login(outsider)
    question, answer = target["question"], target["answer"]
    assert client.get(f"/de/openmic/{question.pk}/").status_code == 200
    for url in (f"/de/openmic/{question.pk}/status/", f"/de/openmic/{question.pk}/answer/"):
        assert client.get(url).status_code == 405
    for url in (f"/de/openmic/answers/{answer.pk}/vote/", f"/de/openmic/answers/{answer.pk}/helpful/"):
        assert client.get(url).status_code == 405
    assert snapshot(*tables()) == before
