"""A question nobody answers: after ASKS_WIDEN_AFTER_HOURS a wider circle is asked, after
ASKS_ESCALATE_AFTER_DAYS the coordinators of its region are told — once — and find it on
their work list. Time is moved by the ``now`` the jobs are given (and ``created_at``)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from landnetz.asks import services
from landnetz.asks.models import Asked, Question
from landnetz.asks.worklist import work_for
from landnetz.core import hooks, schedule
from landnetz.notifications.models import Notification

from .conftest import member

pytestmark = pytest.mark.django_db


def later(**delta):
    return timezone.now() + timedelta(**delta)


def told(kind: str, question) -> set[int]:
    return set(
        Notification.objects.filter(kind=kind, url_kwargs={"question_id": question.pk}).values_list(
            "recipient_id", flat=True
        )
    )


@pytest.fixture
def circles(stendal):
    """A first-wave expert, a neighbour who fits only by region, someone who fits nothing."""
    return {
        "expert": member("Stendal", topics=["gesundheit"], languages=["ar"]),
        "neighbour": member("Tangerhütte", topics=["sport"]),
        "arabic": member("Halle (Saale)", languages=["ar"]),
        "stranger": member("Wernigerode", topics=["sport"]),
    }


def test_second_wave_after_the_hours_asks_the_wider_circle_once(ask, circles, settings):
    settings.LANDNETZ_ASKS_WIDEN_AFTER_HOURS = 24
    question = ask()
    first = told("asks.asked_you", question)
    assert first == {circles["expert"].pk, circles["arabic"].pk}
    assert services.widen_unanswered(now=later(hours=23)) == 0
    assert Question.objects.get(pk=question.pk).widened_at is None
    assert services.widen_unanswered(now=later(hours=25)) == 1
    question.refresh_from_db()
    assert question.widened_at is not None and question.second_wave_count == 1
    second = set(Asked.objects.filter(question=question, wave=2).values_list("member_id", flat=True))
    assert second == {circles["neighbour"].pk}  # region only; the first wave is not asked twice
    assert Notification.objects.get(recipient=circles["neighbour"], kind="asks.asked_you").data["wave"] == 2
    assert services.widen_unanswered(now=later(hours=50)) == 0  # once
    assert Notification.objects.filter(kind="asks.asked_you").count() == 3


def test_an_answered_or_closed_question_is_not_widened(ask, circles, fitting_counsellor, volunteer):
    answered, closed = ask(), ask(title="Wer hilft beim Elterngeld-Antrag?")
    services.post_answer(author=fitting_counsellor, question=answered, body="Die Kinderarztpraxis …", language="de")
    services.set_closed(actor=volunteer, question=closed, closed=True)
    assert services.widen_unanswered(now=later(days=2)) == 0
    assert not Asked.objects.filter(wave=2).exists()


def test_escalation_after_the_days_tells_the_coordinators_once(ask, circles, coordinator, settings):
    settings.LANDNETZ_ASKS_ESCALATE_AFTER_DAYS = 3
    other_coordinator = member("Halle (Saale)")
    other_coordinator.coordinated_regions.add(other_coordinator.region)
    question = ask()
    assert services.escalate_unanswered(now=later(days=2, hours=23)) == 0
    assert work_for(coordinator)[0].count == 0
    assert services.escalate_unanswered(now=later(days=3, minutes=1)) == 1
    assert told("asks.unanswered", question) == {coordinator.pk}
    notification = Notification.objects.get(kind="asks.unanswered")
    assert notification.data == {"title": question.title, "region": "Landkreis Stendal", "days": "3"}
    question.refresh_from_db()
    assert question.escalated_region.slug == "stendal"
    assert services.escalate_unanswered(now=later(days=9)) == 0
    assert Notification.objects.filter(kind="asks.unanswered").count() == 1
    item = work_for(coordinator)[0]
    assert (item.count, item.url) == (1, "/en/openmic/?status=coordination")
    assert work_for(other_coordinator)[0].count == 0


def test_network_question_goes_to_the_coordinators_of_the_askers_region(ask, coordinator):
    question = ask(region=None)
    services.escalate_unanswered(now=later(days=4))
    assert told("asks.unanswered", question) == {coordinator.pk}


def test_an_answer_takes_the_question_off_the_work_list(ask, coordinator, fitting_counsellor):
    question = ask()
    services.escalate_unanswered(now=later(days=4))
    assert hooks.worklist(coordinator)[-1].label == "OpenMIC questions without an answer in your regions"
    services.post_answer(author=fitting_counsellor, question=question, body="Praxis Dr. Haddad", language="de")
    assert all(
        item.label != "OpenMIC questions without an answer in your regions" for item in hooks.worklist(coordinator)
    )


def test_a_hidden_question_is_neither_widened_nor_raised(ask, coordinator, circles):
    question = ask()
    services.set_question_hidden(question=question, hidden=True)
    assert services.follow_up(now=later(days=5)) == 0
    assert not told("asks.unanswered", question)


def test_members_without_coordination_get_no_work_item(volunteer):
    assert work_for(volunteer) == []


def test_the_daily_job_and_the_hourly_command_run_both_steps(ask, circles, coordinator, monkeypatch):
    question = ask()
    Question.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(days=4))
    assert "asks.follow_up" in schedule.jobs("daily")
    call_command("openmic_follow_up", verbosity=0)
    question.refresh_from_db()
    assert question.widened_at is not None and question.escalated_at is not None
    assert schedule.jobs("daily")["asks.follow_up"]() == 0  # nothing left to do
