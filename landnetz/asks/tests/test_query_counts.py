"""The OpenMIC's pages run as many queries with much data as with little (tests/querycount.py):
the list (also filtered), a question page with many answers and votes, the start page panel."""

import itertools

import pytest

from landnetz.asks import services
from landnetz.core.models import Topic
from tests.querycount import assert_flat

from .conftest import member

pytestmark = pytest.mark.django_db

MORE = 12
_numbers = itertools.count()


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "question": "100000/d", "answer": "100000/m"}


def questions(count: int, *, answered: bool = True) -> list:
    """``count`` questions by different members, each with topics, languages and answers."""
    topics = list(Topic.objects.filter(slug__in=["gesundheit", "wohnen"]))
    made = []
    for index in range(count):
        asker = member(["Stendal", "Tangerhütte", "Weißenfels"][index % 3], topics=["gesundheit"], languages=["ar"])
        question = services.ask_question(
            asker=asker,
            title=f"Zyx Frage {next(_numbers)}?",
            body="Eine **Familie** sucht Hilfe.",
            body_language="de",
            region=asker.region if index % 2 else None,
            topics=topics,
            languages=["ar", "uk"],
        )
        if answered:
            services.post_answer(author=member(), question=question, body="Antwort", language="de")
        made.append(question)
    return made


@pytest.mark.parametrize("query", ["", "?status=open", "?fits=on&language=ar", "?region=stendal&topic=gesundheit"])
def test_list(client, fitting_counsellor, query, regions):
    questions(2)
    client.force_login(fitting_counsellor)
    assert_flat(
        client,
        "/de/openmic/" + query,
        grow=lambda: questions(MORE),
        shows=lambda html: html.count("Zyx Frage"),
    )


def test_question_page_with_many_answers(client, fitting_counsellor, newcomer, volunteer, ask):
    question = ask()
    helpful = services.post_answer(author=fitting_counsellor, question=question, body="Zyx Antwort", language="ar")
    services.set_helpful(actor=volunteer, answer=helpful, helpful=True)
    services.toggle_vote(user=newcomer, answer=helpful)

    def grow():
        for _index in range(MORE):
            answer = services.post_answer(author=member(), question=question, body="Zyx Antwort", language="de")
            services.toggle_vote(user=newcomer, answer=answer)
            services.toggle_vote(user=member(), answer=answer)

    client.force_login(newcomer)
    assert_flat(client, f"/de/openmic/{question.pk}/", grow=grow, shows=lambda html: html.count("Zyx Antwort"))


def test_start_page_panel(client, fitting_counsellor, regions):
    questions(1, answered=False)

    def grow():
        questions(MORE, answered=False)
        for _index in range(3):
            services.ask_question(
                asker=fitting_counsellor, title=f"Zyx eigene Frage {next(_numbers)}?", body_language="de"
            )

    client.force_login(fitting_counsellor)
    assert_flat(client, "/de/", grow=grow, shows=lambda html: html.count("Zyx"))
