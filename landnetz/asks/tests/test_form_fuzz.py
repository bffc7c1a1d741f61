"""Any input to the OpenMIC's forms: stored exactly as typed (after the fields' documented
stripping), or refused with the form shown again, what was typed still in it, and nothing
changed. The list's filters answer any query string with a page, never an error."""

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from landnetz.asks import services
from landnetz.asks.models import Answer, AnswerVote, Asked, Question, QuestionLanguage
from landnetz.core.models import AuditEntry
from landnetz.notifications.models import Notification
from landnetz.search.models import SearchEntry
from tests.boundaries import IDS, MEGABYTE, TEXTS, boundary_cases, examples, plain, snapshot
from tests.html import parse

pytestmark = pytest.mark.django_db

ASK = "/de/openmic/ask/"
HEALTH = "@health"  # the topic's id, known only at run time
VALID = {
    "title": "Wo findet eine syrische Familie eine Kinderärztin?",
    "body": "Die Familie wohnt in **Tangerhütte**.",
    "body_language": "de",
    "region": "stendal",
}
QUESTION_FIELDS = ["title", "body", "body_language", "region"]

text = st.text(max_size=300)
values = st.one_of(
    text, st.integers().map(str), st.sampled_from(["", "de", "ar", "stendal", "harz", "network", HEALTH])
)


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    """The limits have their own tests; here every example may be accepted."""
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "question": "100000/d", "answer": "100000/m"}


def tables():
    return (
        Question,
        QuestionLanguage,
        Question.topics.through,
        Answer,
        AnswerVote,
        Asked,
        Notification,
        SearchEntry,
        AuditEntry,
    )


def payload(data: dict, health, topics, languages) -> dict:
    real = {key: str(health.pk) if value == HEALTH else value for key, value in data.items()}
    return real | {"topics": [str(health.pk) if t == HEALTH else t for t in topics], "languages": list(languages)}


def check_question(response, sent: dict, before: dict, *, question=None):
    """Accepted: the question holds exactly what was sent. Refused: nothing changed."""
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:
        if question is None:
            new = Question.objects.exclude(pk__in=[row[0] for row in before["asks.Question"]])
            question = new.select_related("region").get()
        else:
            question = Question.objects.select_related("region").get(pk=question.pk)
        assert question.title == sent.get("title", "").strip()
        assert question.body == sent.get("body", "").strip()
        assert plain(question.body) and plain(question.title)
        assert question.body_language == (sent.get("body_language") or "de")
        assert (question.region.slug if question.region else "") == sent.get("region", "")
        assert sorted(str(pk) for pk in question.topics.values_list("pk", flat=True)) == sorted(set(sent["topics"]))
        assert sorted(question.languages.values_list("code", flat=True)) == sorted(set(sent["languages"]))
        return question
    assert response.status_code == 200
    assert snapshot(*tables()) == before
    assert response.context["form"].errors, "refused without saying why"
    document = parse(response.content)
    assert document.find_all(class_="ln-error-summary")
    assert (document.find("input", name="title").get("value") or "") == sent.get("title", "")
    assert document.find("textarea", name="body").raw_text().removeprefix("\n") == sent.get("body", "")
    return None


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.fixed_dictionaries({}, optional={name: values for name in QUESTION_FIELDS}),
    topics=st.lists(values, max_size=3),
    languages=st.lists(st.one_of(text, st.sampled_from(["ar", "de", "uk", "xx"])), max_size=3),
)
@examples(
    [
        {"data": VALID, "topics": [HEALTH], "languages": ["ar"]},
        {"data": VALID | {"region": ""}, "topics": [], "languages": []},
        # Found by hypothesis: an empty POST was taken for a GET (the form came back unbound, without a message).
        {"data": {}, "topics": [], "languages": []},
    ]
    + boundary_cases({"data": VALID, "topics": [], "languages": []}, topics=[[value] for value in IDS if value])
    + boundary_cases({"data": VALID, "topics": [], "languages": []}, languages=[[value] for value in TEXTS])
    + [{"data": VALID | {name: value}, "topics": [], "languages": []} for name in QUESTION_FIELDS for value in TEXTS]
    + [{"data": VALID | {"title": "x" * 201}, "topics": [], "languages": []}]
    + [{"data": VALID | {"body": "x" * 10_001}, "topics": [], "languages": []}]
    + [{"data": VALID | {"body": "<script>alert(1)</script> [x](javascript:alert(1))"}, "topics": [], "languages": []}]
)
def test_any_question_is_stored_exactly_or_refused(client, volunteer, health, data, topics, languages):
    client.force_login(volunteer)
    before = snapshot(*tables())
    sent = payload(data, health, topics, languages)
    question = check_question(client.post(ASK, sent), sent, before)
    if question is not None:
        question.delete()  # the next example starts from the same data


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.fixed_dictionaries({}, optional={name: values for name in QUESTION_FIELDS}),
    topics=st.lists(values, max_size=2),
)
@examples(
    [{"data": {}, "topics": []}]  # an empty POST is refused with a message, not taken for a GET
    + [{"data": VALID | {name: value}, "topics": [HEALTH]} for name in ("title", "body") for value in TEXTS]
    + [{"data": VALID | {"region": value}, "topics": []} for value in IDS]
)
def test_any_edit_is_stored_exactly_or_changes_nothing(client, volunteer, ask, health, data, topics):
    question = Question.objects.filter(asker=volunteer).first() or ask()
    client.force_login(volunteer)
    before = snapshot(*tables())
    sent = payload(data, health, topics, [])
    response = client.post(f"/de/openmic/{question.pk}/edit/", sent)
    if response.status_code == 302:
        check_question(response, sent, before, question=question)
    else:
        check_question(response, sent, before)


def check_answer(response, sent: dict, before: dict, *, edited=None):
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:
        if edited is None:
            answer = Answer.objects.exclude(pk__in=[row[0] for row in before["asks.Answer"]]).get()
        else:
            answer = Answer.objects.get(pk=edited.pk)
        assert answer.body == sent.get("body", "").strip()
        assert plain(answer.body)
        assert answer.language == (sent.get("language") or "de")
        return answer
    assert response.status_code == 200
    assert snapshot(*tables()) == before
    document = parse(response.content)
    assert document.find_all(class_="ln-error-summary")
    assert document.find("textarea", name="body").raw_text().removeprefix("\n") == sent.get("body", "")
    return None


answer_values = st.one_of(text, st.sampled_from(["", "de", "ar", "tlh", MEGABYTE[:6000]]))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.fixed_dictionaries({}, optional={"body": answer_values, "language": answer_values}))
@examples(
    [{"data": {"body": "Praxis Dr. Haddad", "language": "ar"}}]
    + [{"data": {"body": value, "language": "de"}} for value in TEXTS]
    + [{"data": {"body": "Praxis", "language": value}} for value in TEXTS]
    + [{"data": {"body": "x" * 5001, "language": "de"}}]
)
def test_any_answer_is_stored_exactly_or_refused(client, newcomer, ask, data):
    question = Question.objects.first() or ask()
    client.force_login(newcomer)
    before = snapshot(*tables())
    answer = check_answer(client.post(f"/de/openmic/{question.pk}/answer/", data), data, before)
    if answer is not None:
        services.delete_answer(actor=newcomer, answer=answer)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.fixed_dictionaries({}, optional={"body": answer_values, "language": answer_values}))
@examples([{"data": {}}] + [{"data": {"body": value, "language": "de"}} for value in TEXTS])
def test_any_answer_edit_is_stored_exactly_or_changes_nothing(client, fitting_counsellor, ask, data):
    question = Question.objects.first() or ask()
    answer = Answer.objects.first() or services.post_answer(
        author=fitting_counsellor, question=question, body="Praxis", language="de"
    )
    client.force_login(fitting_counsellor)
    before = snapshot(*tables())
    check_answer(client.post(f"/de/openmic/answers/{answer.pk}/edit/", data), data, before, edited=answer)


filter_values = st.one_of(text, st.sampled_from(["", "stendal", "network", "gesundheit", "ar", "open", "mine", "on"]))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.fixed_dictionaries(
        {}, optional={name: filter_values for name in ("status", "region", "topic", "language", "fits", "page")}
    )
)
@examples(
    boundary_cases({"query": {}}, query=[{"region": value} for value in TEXTS + IDS])
    + [{"query": {"topic": value}} for value in TEXTS + IDS]
    + [{"query": {"page": value}} for value in IDS + ["-1", "99999999999999999999"]]
)
def test_any_filter_shows_a_page_and_changes_nothing(client, outsider, ask, query):
    if not Question.objects.exists():
        ask()
    client.force_login(outsider)
    before = snapshot(*tables())
    response = client.get("/de/openmic/", query)
    assert response.status_code == 200
    assert snapshot(*tables()) == before
