"""The rules of answering, up-voting and marking the answer that helped, tested on the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from landnetz.asks import services
from landnetz.asks.models import Answer, AnswerVote, Question
from landnetz.asks.permissions import can
from landnetz.asks.search import QUESTION
from landnetz.moderation.services import block_member
from landnetz.notifications.models import Notification
from landnetz.search.models import SearchEntry

from .conftest import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(ask):
    return ask()


def answer_by(user, question, body="Die Praxis Dr. Haddad in Stendal spricht Arabisch.", language="de"):
    return services.post_answer(author=user, question=question, body=body, language=language)


def test_an_answer_is_counted_indexed_and_told_to_the_asker(question, fitting_counsellor, volunteer):
    answer = answer_by(fitting_counsellor, question, body="مرحبا، عيادة الدكتورة حداد", language="ar")
    question.refresh_from_db()
    assert question.answer_count == 1
    notification = Notification.objects.get(kind="asks.answered")
    assert (notification.recipient, notification.actor) == (volunteer, fitting_counsellor)
    entry = SearchEntry.objects.get(kind=QUESTION, object_id=question.pk)
    assert "حداد" in entry.document or "حداد" in entry.stemmed
    assert answer.language == "ar"


def test_the_asker_is_not_told_across_a_block(question, fitting_counsellor, volunteer):
    block_member(actor=volunteer, member=fitting_counsellor)
    answer_by(fitting_counsellor, question)
    assert not Notification.objects.filter(kind="asks.answered").exists()


def test_answers_are_refused_for_a_closed_or_hidden_or_deleted_question(question, fitting_counsellor, volunteer):
    services.set_closed(actor=volunteer, question=question, closed=True)
    with pytest.raises(ValidationError) as closed:
        answer_by(fitting_counsellor, question)
    assert closed.value.code == "closed"
    services.set_closed(actor=volunteer, question=question, closed=False)
    services.set_question_hidden(question=question, hidden=True)
    with pytest.raises(ValidationError) as hidden:
        answer_by(fitting_counsellor, question)
    assert hidden.value.code == "gone"
    services.delete_question(actor=volunteer, question=question)
    with pytest.raises(ValidationError) as deleted:
        answer_by(fitting_counsellor, question)
    assert deleted.value.code == "gone"
    assert not Answer.objects.exists()


def test_empty_too_long_or_invisible_characters_are_refused(question, fitting_counsellor):
    for body, field in [("   ", "body"), ("a" * 5001, "body"), ("Hallo\u202e", "body")]:
        with pytest.raises(ValidationError) as refused:
            answer_by(fitting_counsellor, question, body=body)
        assert field in refused.value.error_dict
    with pytest.raises(ValidationError):
        answer_by(fitting_counsellor, question, language="xx")
    assert not Answer.objects.exists()


def test_too_many_answers_a_minute_are_refused(question, fitting_counsellor, settings):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "answer": "2/m"}
    answer_by(fitting_counsellor, question)
    answer_by(fitting_counsellor, question, body="Noch ein Hinweis.")
    with pytest.raises(ValidationError) as limited:
        answer_by(fitting_counsellor, question, body="Und noch einer.")
    assert limited.value.code == "rate_limit"
    assert Answer.objects.count() == 2


def test_too_many_questions_a_day_are_refused(ask, settings):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "question": "1/d"}
    ask()
    with pytest.raises(ValidationError) as limited:
        ask(title="Noch eine Frage?")
    assert limited.value.code == "rate_limit"
    assert Question.objects.count() == 1


def test_a_question_is_checked_like_the_form(ask):
    for fields, field in [
        ({"title": " "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"body": "x" * 10_001}, "body"),
        ({"title": "Frage\x00"}, "title"),
        ({"languages": ["xx"]}, "languages"),
        ({"body_language": "tlh"}, "body_language"),
    ]:
        with pytest.raises(ValidationError) as refused:
            ask(**fields)
        assert field in refused.value.error_dict, fields
    assert not Question.objects.exists()


def test_only_the_asker_marks_the_helpful_answer_and_it_solves_the_question(
    question, fitting_counsellor, volunteer, newcomer
):
    first = answer_by(fitting_counsellor, question)
    second = answer_by(newcomer, question, body="Im MVZ Stendal gibt es eine Ärztin aus Syrien.")
    for someone in (fitting_counsellor, newcomer):
        with pytest.raises(PermissionDenied):
            services.set_helpful(actor=someone, answer=first, helpful=True)
    assert not Answer.objects.filter(helpful_at__isnull=False).exists()
    services.set_helpful(actor=volunteer, answer=first, helpful=True)
    question.refresh_from_db()
    assert question.status == "solved" and question.solved_at
    assert Notification.objects.get(kind="asks.helpful").recipient == fitting_counsellor
    assert SearchEntry.objects.get(kind=QUESTION, object_id=question.pk).tags == "openmic:solved"
    # Another answer helped more: the mark moves, still one per question.
    services.set_helpful(actor=volunteer, answer=second, helpful=True)
    assert list(Answer.objects.filter(helpful_at__isnull=False)) == [second]
    services.set_helpful(actor=volunteer, answer=second, helpful=False)
    question.refresh_from_db()
    assert question.status == "open" and question.solved_at is None


def test_the_asker_cannot_mark_their_own_answer(question, volunteer):
    own = answer_by(volunteer, question, body="Ich habe inzwischen selbst eine Praxis gefunden.")
    with pytest.raises(ValidationError) as refused:
        services.set_helpful(actor=volunteer, answer=own, helpful=True)
    assert refused.value.code == "own"
    assert Question.objects.get(pk=question.pk).status == "open"


def test_network_admins_do_not_mark_answers_for_the_asker(question, fitting_counsellor, network_admin):
    answer = answer_by(fitting_counsellor, question)
    with pytest.raises(PermissionDenied):
        services.set_helpful(actor=network_admin, answer=answer, helpful=True)
    assert not can(network_admin, "asks.edit_question", question)
    assert can(network_admin, "asks.delete_question", question)


def test_one_up_vote_per_member_and_never_for_ones_own_answer(question, fitting_counsellor, newcomer, volunteer):
    answer = answer_by(fitting_counsellor, question)
    assert services.toggle_vote(user=newcomer, answer=answer) is True
    assert services.toggle_vote(user=volunteer, answer=answer) is True
    answer.refresh_from_db()
    assert answer.vote_count == 2
    assert services.toggle_vote(user=newcomer, answer=answer) is False  # taken back
    answer.refresh_from_db()
    assert answer.vote_count == 1
    with pytest.raises(ValidationError) as own:
        services.toggle_vote(user=fitting_counsellor, answer=answer)
    assert own.value.code == "own"
    assert AnswerVote.objects.filter(user=fitting_counsellor).count() == 0
    assert AnswerVote.objects.count() == 1


def test_no_votes_on_hidden_answers(question, fitting_counsellor, newcomer):
    answer = answer_by(fitting_counsellor, question)
    services.set_answer_hidden(answer=answer, hidden=True)
    answer.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.toggle_vote(user=newcomer, answer=answer)
    assert Question.objects.get(pk=question.pk).answer_count == 0  # hidden answers do not count


def test_only_authors_edit_and_authors_or_moderators_delete(question, fitting_counsellor, newcomer, coordinator):
    answer = answer_by(fitting_counsellor, question)
    with pytest.raises(PermissionDenied):
        services.edit_answer(actor=newcomer, answer=answer, body="Falsch", language="de")
    with pytest.raises(PermissionDenied):
        services.edit_answer(actor=coordinator, answer=answer, body="Falsch", language="de")
    with pytest.raises(PermissionDenied):
        services.delete_answer(actor=newcomer, answer=answer)
    services.edit_answer(actor=fitting_counsellor, answer=answer, body="Praxis Dr. Haddad, Stendal", language="de")
    answer.refresh_from_db()
    assert answer.body == "Praxis Dr. Haddad, Stendal" and answer.edited_at
    services.delete_answer(actor=coordinator, answer=answer)  # coordinates Stendal
    assert not Answer.objects.exists()
    assert Question.objects.get(pk=question.pk).answer_count == 0


def test_moderators_of_other_regions_do_not_delete(ask, question, outsider, migrant_org_chair):
    from landnetz.moderation.models import Moderator

    Moderator.objects.create(user=outsider, region=outsider.region)  # Harz
    with pytest.raises(PermissionDenied):
        services.delete_question(actor=outsider, question=question)
    network = ask(region=None, title="Wer übersetzt Zeugnisse aus dem Arabischen?")
    with pytest.raises(PermissionDenied):
        services.delete_question(actor=outsider, question=network)
    assert Question.objects.count() == 2


def test_deleting_the_helpful_answer_opens_the_question_again(question, fitting_counsellor, volunteer):
    answer = answer_by(fitting_counsellor, question)
    services.set_helpful(actor=volunteer, answer=answer, helpful=True)
    services.delete_answer(actor=fitting_counsellor, answer=answer)
    question.refresh_from_db()
    assert question.status == "open"


def test_closing_and_reopening_keeps_a_solved_question_solved(question, fitting_counsellor, volunteer, newcomer):
    answer = answer_by(fitting_counsellor, question)
    services.set_helpful(actor=volunteer, answer=answer, helpful=True)
    with pytest.raises(PermissionDenied):
        services.set_closed(actor=newcomer, question=question, closed=True)
    services.set_closed(actor=volunteer, question=question, closed=True)
    assert Question.objects.get(pk=question.pk).status == "closed"
    services.set_closed(actor=volunteer, question=question, closed=False)
    assert Question.objects.get(pk=question.pk).status == "solved"


def test_editing_keeps_who_was_asked_and_reindexes(question, volunteer, housing, newcomer):
    asked = dict(question.first_wave)
    with pytest.raises(PermissionDenied):
        services.edit_question(actor=newcomer, question=question, title="Gekapert")
    services.edit_question(
        actor=volunteer, question=question, title="Kinderärztin mit Arabisch gesucht", topics=[housing], languages=[]
    )
    question.refresh_from_db()
    assert question.first_wave == asked and question.edited_at
    assert list(question.topics.all()) == [housing]
    assert SearchEntry.objects.get(kind=QUESTION, object_id=question.pk).title == "Kinderärztin mit Arabisch gesucht"


def test_a_hidden_question_leaves_the_search_and_comes_back(question):
    services.set_question_hidden(question=question, hidden=True)
    assert not SearchEntry.objects.filter(kind=QUESTION, object_id=question.pk).exists()
    services.set_question_hidden(question=question, hidden=False)
    assert SearchEntry.objects.filter(kind=QUESTION, object_id=question.pk, audience="members").exists()


def test_a_hidden_answers_text_is_not_indexed(question, fitting_counsellor):
    answer = answer_by(fitting_counsellor, question, body="Geheimtipp Zwiebelmarkt")
    entry = SearchEntry.objects.get(kind=QUESTION, object_id=question.pk)
    assert "zwiebelmarkt" in entry.document
    services.set_answer_hidden(answer=answer, hidden=True)
    assert "zwiebelmarkt" not in SearchEntry.objects.get(kind=QUESTION, object_id=question.pk).document


def test_deleting_a_question_takes_answers_votes_and_index_entry(question, fitting_counsellor, volunteer, newcomer):
    answer = answer_by(fitting_counsellor, question)
    services.toggle_vote(user=newcomer, answer=answer)
    services.delete_question(actor=volunteer, question=question)
    assert not Question.objects.exists() and not Answer.objects.exists() and not AnswerVote.objects.exists()
    assert not SearchEntry.objects.filter(kind=QUESTION).exists()


def test_the_fitting_start_page_questions(ask, volunteer, newcomer, stendal, fitting_counsellor):
    from landnetz.asks import queries

    fits = ask()  # health + Arabic
    region_only = ask(title="Wer hat einen Raum in Tangerhütte?", topics=[], languages=[])
    other = ask(title="Wohnung in Halle?", topics=[], languages=["uk"], region=None)
    assert [q.pk for q in queries.may_answer_for_me(fitting_counsellor)] == [fits.pk]
    neighbour = member("Tangerhütte")
    assert [q.pk for q in queries.may_answer_for_me(neighbour)] == [region_only.pk]
    assert queries.may_answer_for_me(volunteer) == []  # not their own
    answer_by(fitting_counsellor, fits)
    assert queries.may_answer_for_me(fitting_counsellor) == []  # answered already
    assert other.pk and newcomer.pk
