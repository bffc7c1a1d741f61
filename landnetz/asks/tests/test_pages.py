"""The OpenMIC through HTTP: list, ask (with the preview of whom we ask first), question page,
answer, vote, helpful, edit and delete pages, the start page panel and the site search."""

import pytest
from django.core import mail

from landnetz.asks import services
from landnetz.asks.models import Answer, AnswerVote, Question
from landnetz.core.models import Topic
from tests.html import parse

from .conftest import member

pytestmark = pytest.mark.django_db

LIST = "/de/openmic/"
ASK = "/de/openmic/ask/"


def detail(question) -> str:
    return f"/de/openmic/{question.pk}/"


def ask_post(topic: Topic, **overrides) -> dict:
    return {
        "title": "Wo findet eine syrische Familie in Tangerhütte eine Kinderärztin, die Arabisch spricht?",
        "body": "Die Familie ist seit Mai hier.",
        "body_language": "de",
        "region": "stendal",
        "topics": [str(topic.pk)],
        "languages": ["ar"],
        **overrides,
    }


def test_visitors_are_sent_to_the_login(client):
    for url in (LIST, ASK, "/de/openmic/1/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_empty_list_says_what_to_do(client, volunteer):
    client.force_login(volunteer)
    page = client.get(LIST).content.decode()
    assert "Noch hat niemand eine Frage gestellt" in page
    document = parse(page)
    assert document.find_all("a", href="/de/openmic/ask/")


def test_the_volunteer_asks_and_the_page_says_who_was_asked_without_names(
    client, volunteer, fitting_counsellor, health
):
    client.force_login(volunteer)
    form = client.get(ASK)
    assert form.status_code == 200
    assert "selected" in parse(form.content).find("select", name="region").find("option", value="stendal").attrs
    response = client.post(ASK, ask_post(health))
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(question)
    page = client.get(detail(question)).content.decode()
    assert "1 Mitglied" in page  # we asked 1 member first …
    assert "Gesundheit" in page and "Arabisch" in page
    assert fitting_counsellor.display_name not in page  # never who
    heading = parse(page).find("h1")
    assert heading["lang"] == "de"


def test_the_preview_counts_and_saves_nothing(client, volunteer, fitting_counsellor, health):
    client.force_login(volunteer)
    response = client.post(ASK, ask_post(health, preview="1"))
    assert response.status_code == 200
    assert not Question.objects.exists()
    status = parse(response.content).find(id="preview")
    assert status["role"] == "status"
    assert "1 Mitglied" in response.content.decode()
    assert 'value="Wo findet' in response.content.decode()  # what was typed stays


def test_bad_input_keeps_what_was_typed_and_saves_nothing(client, volunteer, health):
    client.force_login(volunteer)
    response = client.post(ASK, ask_post(health, title="x" * 201, body="<script>alert(1)</script>"))
    assert response.status_code == 200
    assert not Question.objects.exists()
    text = response.content.decode()
    assert "höchstens 200 Zeichen" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)" not in text


def test_markdown_is_sanitised_on_the_question_page(client, volunteer, ask):
    question = ask(body="[klick](javascript:alert(1)) ![spur](https://tracker.example/p.gif) <script>x()</script>")
    client.force_login(volunteer)
    html = client.get(detail(question)).content.decode()
    prose = parse(html).find("div", class_="ln-prose")
    assert not prose.find_all("a") and not prose.find_all("img") and not prose.find_all("script")
    assert 'href="javascript:' not in html and 'tracker.example/p.gif"' not in html
    assert "<script>x()" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html


def test_answer_email_and_helpful_mark(client, volunteer, fitting_counsellor, ask, django_capture_on_commit_callbacks):
    question = ask()
    client.force_login(fitting_counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/de/openmic/{question.pk}/answer/",
            {"body": "Die Praxis Dr. Haddad in Stendal spricht Arabisch.", "language": "de"},
        )
    answer = Answer.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{detail(question)}#answer-{answer.pk}"
    sent = [message for message in mail.outbox if volunteer.email in message.to]
    assert len(sent) == 1 and question.title in sent[0].subject
    client.force_login(volunteer)
    page = parse(client.get(detail(question)).content)
    article = page.find("article", id=f"answer-{answer.pk}")
    assert article.find("form", action=f"/de/openmic/answers/{answer.pk}/helpful/")
    response = client.post(f"/de/openmic/answers/{answer.pk}/helpful/", {"action": "mark"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "solved"
    page = client.get(detail(question)).content.decode()
    assert "hat der fragenden Person geholfen" in page


def test_helpful_answer_first_then_votes_then_oldest(client, volunteer, ask, newcomer, fitting_counsellor):
    question = ask()
    oldest = services.post_answer(author=member(), question=question, body="Erste Antwort", language="de")
    voted = services.post_answer(author=member(), question=question, body="Beliebte Antwort", language="de")
    helpful = services.post_answer(author=fitting_counsellor, question=question, body="Hilfreich", language="de")
    services.toggle_vote(user=newcomer, answer=voted)
    services.set_helpful(actor=volunteer, answer=helpful, helpful=True)
    client.force_login(newcomer)
    articles = [a["id"] for a in parse(client.get(detail(question)).content).find_all("article") if a.get("id")]
    assert articles == [f"answer-{helpful.pk}", f"answer-{voted.pk}", f"answer-{oldest.pk}"]


def test_up_vote_toggles_through_the_page(client, newcomer, ask, fitting_counsellor):
    question = ask()
    answer = services.post_answer(author=fitting_counsellor, question=question, body="Praxis", language="de")
    client.force_login(newcomer)
    url = f"/de/openmic/answers/{answer.pk}/vote/"
    assert client.post(url).status_code == 302
    assert AnswerVote.objects.filter(user=newcomer).count() == 1
    page = client.get(detail(question)).content.decode()
    assert "Meine Stimme zurücknehmen" in page
    client.post(url)
    assert AnswerVote.objects.count() == 0
    assert client.get(url).status_code == 405  # no change on GET


def test_own_answer_cannot_be_voted_for(client, fitting_counsellor, ask):
    question = ask()
    answer = services.post_answer(author=fitting_counsellor, question=question, body="Praxis", language="de")
    client.force_login(fitting_counsellor)
    page = parse(client.get(detail(question)).content)
    assert not page.find_all("form", action=f"/de/openmic/answers/{answer.pk}/vote/")
    response = client.post(f"/de/openmic/answers/{answer.pk}/vote/", follow=True)
    assert "Für Ihre eigene Antwort können Sie nicht stimmen." in response.content.decode()
    assert not AnswerVote.objects.exists()


def test_answering_a_deleted_question_keeps_the_text_and_stores_nothing(client, volunteer, newcomer, ask):
    question = ask()
    pk = question.pk
    services.delete_question(actor=volunteer, question=question)
    client.force_login(newcomer)
    response = client.post(f"/de/openmic/{pk}/answer/", {"body": "Meine lange Antwort", "language": "de"})
    assert response.status_code == 404
    assert "Meine lange Antwort" in response.content.decode()
    assert "Diese Frage wurde gelöscht oder von der Moderation ausgeblendet." in response.content.decode()
    assert not Answer.objects.exists()


def test_answering_a_hidden_question_is_refused_the_same_way(client, newcomer, ask):
    question = ask()
    services.set_question_hidden(question=question, hidden=True)
    client.force_login(newcomer)
    response = client.post(f"/de/openmic/{question.pk}/answer/", {"body": "Antwort", "language": "de"})
    assert response.status_code == 404 and "Antwort" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_closed_question_shows_no_answer_form_and_refuses_answers(client, volunteer, newcomer, ask):
    question = ask()
    client.force_login(volunteer)
    client.post(f"/de/openmic/{question.pk}/status/", {"action": "close"})
    client.force_login(newcomer)
    page = client.get(detail(question)).content.decode()
    assert f'action="/de/openmic/{question.pk}/answer/"' not in page
    response = client.post(f"/de/openmic/{question.pk}/answer/", {"body": "Spät", "language": "de"})
    assert response.status_code == 200
    assert "Die fragende Person hat diese Frage geschlossen." in response.content.decode()
    assert not Answer.objects.exists()


def test_empty_answer_is_refused_with_a_message(client, newcomer, ask):
    question = ask()
    client.force_login(newcomer)
    response = client.post(f"/de/openmic/{question.pk}/answer/", {"body": "", "language": "de"})
    assert response.status_code == 200
    assert parse(response.content).find_all(class_="ln-error-summary")
    assert not Answer.objects.exists()


def test_edit_and_delete_own_question_with_confirmation(client, volunteer, ask, health):
    question = ask()
    client.force_login(volunteer)
    edit = client.get(f"/de/openmic/{question.pk}/edit/")
    assert edit.status_code == 200 and "Wo findet" in edit.content.decode()
    response = client.post(f"/de/openmic/{question.pk}/edit/", ask_post(health, title="Kinderärztin gesucht"))
    assert response.status_code == 302
    assert Question.objects.get().title == "Kinderärztin gesucht"
    confirm = client.get(f"/de/openmic/{question.pk}/delete/")
    assert confirm.status_code == 200 and Question.objects.exists()
    assert client.post(f"/de/openmic/{question.pk}/delete/").status_code == 302
    assert not Question.objects.exists()


def test_edit_and_delete_own_answer(client, fitting_counsellor, ask):
    question = ask()
    answer = services.post_answer(author=fitting_counsellor, question=question, body="Praxis", language="de")
    client.force_login(fitting_counsellor)
    assert client.get(f"/de/openmic/answers/{answer.pk}/edit/").status_code == 200
    client.post(f"/de/openmic/answers/{answer.pk}/edit/", {"body": "Praxis Dr. Haddad", "language": "ar"})
    answer.refresh_from_db()
    assert (answer.body, answer.language) == ("Praxis Dr. Haddad", "ar")
    page = parse(client.get(detail(question)).content)
    assert page.find("article", id=f"answer-{answer.pk}").find(class_="ln-prose")["lang"] == "ar"
    assert client.get(f"/de/openmic/answers/{answer.pk}/delete/").status_code == 200
    client.post(f"/de/openmic/answers/{answer.pk}/delete/")
    assert not Answer.objects.exists()


def test_coordinator_of_the_region_may_delete_others_content(client, coordinator, ask, fitting_counsellor):
    question = ask()
    answer = services.post_answer(author=fitting_counsellor, question=question, body="Werbung", language="de")
    client.force_login(coordinator)
    page = parse(client.get(detail(question)).content)
    assert page.find_all("a", href=f"/de/openmic/answers/{answer.pk}/delete/")
    assert not page.find_all("a", href=f"/de/openmic/answers/{answer.pk}/edit/")
    client.post(f"/de/openmic/answers/{answer.pk}/delete/")
    assert not Answer.objects.exists()


def test_filters_and_pagination(client, newcomer, ask, housing, fitting_counsellor, settings):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "question": "100/d"}
    solved = ask(title="Gelöste Frage?")
    answer = services.post_answer(author=fitting_counsellor, question=solved, body="So geht es.", language="de")
    from landnetz.asks.services import set_helpful

    set_helpful(actor=solved.asker, answer=answer, helpful=True)
    ask(title="Wohnungsfrage im Netzwerk?", region=None, topics=[housing], languages=["uk"])
    for number in range(21):
        ask(title=f"Frage {number}?", topics=[], languages=[])
    client.force_login(newcomer)

    def titles(query: str) -> list[str]:
        page = parse(client.get(LIST + query).content)
        return [h3.raw_text().strip() for h3 in page.find_all("h3")]

    assert len(titles("")) == 20  # page 1 of 2
    assert len(titles("?page=2")) == 3  # 23 questions
    assert titles("?status=solved") == ["Gelöste Frage?"]
    assert titles("?region=network") == ["Wohnungsfrage im Netzwerk?"]
    assert titles(f"?topic={housing.slug}") == ["Wohnungsfrage im Netzwerk?"]
    assert titles("?language=uk") == ["Wohnungsfrage im Netzwerk?"]
    assert titles("?status=unanswered&region=harz") == []
    assert "Keine Frage passt zu diesen Filtern" in client.get(LIST + "?region=harz").content.decode()
    # Open questions come first: the solved one is last of all.
    assert titles("?page=2")[-1] == "Gelöste Frage?"
    # Bad filter values are refused like missing ones (no 500).
    assert client.get(LIST + "?region=%00&topic=9999999999999999999999&status=evil&page=x").status_code == 200


def test_fits_my_profile_filter(client, fitting_counsellor, ask):
    fits = ask()
    ask(title="Wer kennt einen Sportverein?", topics=[Topic.objects.get(slug="sport")], languages=[])
    client.force_login(fitting_counsellor)
    page = parse(client.get(LIST + "?fits=on").content)
    assert [h3.raw_text().strip() for h3 in page.find_all("h3")] == [fits.title]


def test_start_page_panel_for_members(client, fitting_counsellor, volunteer, ask):
    fits = ask()
    client.force_login(fitting_counsellor)
    page = parse(client.get("/de/").content)
    section = page.find("section", **{"aria-labelledby": "openmic-heading"})
    assert section.find_all("a", href=detail(fits))
    client.force_login(volunteer)
    section = parse(client.get("/de/").content).find("section", **{"aria-labelledby": "openmic-heading"})
    mine = section.find_all("a", href=detail(fits))
    assert mine and "0 Antworten" in client.get("/de/").content.decode()
    client.logout()
    assert "openmic-heading" not in client.get("/de/").content.decode()


def test_solved_questions_are_found_in_the_site_search_by_members_only(
    client, volunteer, fitting_counsellor, newcomer, ask
):
    question = ask()
    answer = services.post_answer(
        author=fitting_counsellor, question=question, body="Kinderarztpraxis Zwiebelmarkt", language="de"
    )
    services.set_helpful(actor=volunteer, answer=answer, helpful=True)
    assert "/de/openmic/" not in client.get("/de/search/?q=Zwiebelmarkt").content.decode()
    client.force_login(newcomer)
    page = client.get("/de/search/?q=Zwiebelmarkt").content.decode()
    result = parse(page).find("a", href=detail(question))
    assert result is not None
    badges = [badge.text() for badge in parse(page).find_all(class_="kern-badge")]
    assert "gelöst" in badges


def test_a_new_answer_on_a_long_question_leads_to_the_last_page(client, newcomer, ask, settings):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "answer": "1000/m"}
    question = ask()
    for number in range(30):
        services.post_answer(author=member(), question=question, body=f"Antwort {number}", language="de")
    client.force_login(newcomer)
    response = client.post(f"/de/openmic/{question.pk}/answer/", {"body": "Die einunddreißigste", "language": "de"})
    answer = Answer.objects.get(body="Die einunddreißigste")
    assert response["Location"] == f"{detail(question)}?page=2#answer-{answer.pk}"
    page = parse(client.get(f"{detail(question)}?page=2").content)
    assert page.find("article", id=f"answer-{answer.pk}") is not None
