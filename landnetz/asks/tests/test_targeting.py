"""Who is asked first: the members whose visible profile fits the question's topics,
languages and region — never the asker, nobody blocked either way, at most the wave size."""

import pytest

from landnetz.asks import targeting
from landnetz.asks.models import Asked
from landnetz.moderation.services import block_member
from landnetz.notifications.models import Notification

from .conftest import member, profile_for

pytestmark = pytest.mark.django_db


def asked(question) -> set[int]:
    return set(Asked.objects.filter(question=question, wave=1).values_list("member_id", flat=True))


def notified(question) -> set[int]:
    return set(
        Notification.objects.filter(kind="asks.asked_you", url_kwargs={"question_id": question.pk}).values_list(
            "recipient_id", flat=True
        )
    )


def test_members_who_fit_a_topic_or_a_language_are_asked_and_told(ask, fitting_counsellor, volunteer):
    health_only = member("Stendal", topics=["gesundheit"])
    arabic_only = member("Halle (Saale)", languages=["ar"])
    neither = member("Stendal", topics=["wohnen"], languages=["uk"])
    question = ask()
    expected = {fitting_counsellor.pk, health_only.pk, arabic_only.pk}
    assert asked(question) == expected
    assert notified(question) == expected
    assert neither.pk not in asked(question)
    assert volunteer.pk not in asked(question)  # never the asker
    assert question.first_wave["count"] == 3
    # health_only: topic + region; arabic_only: language; counsellor: topic + language.
    assert question.first_wave["fits"] == {"topic": 2, "language": 2, "region": 1}


def test_region_alone_is_not_expertise_when_the_question_names_topics(ask):
    neighbour = member("Tangerhütte", topics=["sport"])
    question = ask()
    assert neighbour.pk not in asked(question)


def test_question_with_only_a_region_asks_its_members(ask, stendal):
    neighbour = member("Tangerhütte")
    elsewhere = member("Wernigerode")
    question = ask(topics=[], languages=[])
    assert asked(question) == {neighbour.pk}
    assert elsewhere.pk not in asked(question)
    assert question.first_wave["fits"] == {"topic": 0, "language": 0, "region": 1}


def test_network_question_without_topics_or_languages_asks_nobody(ask):
    member("Stendal")
    question = ask(region=None, topics=[], languages=[])
    assert asked(question) == set()
    assert question.first_wave["count"] == 0


def test_only_profiles_shown_to_members_are_used(ask):
    public = member("Stendal", topics=["gesundheit"], visibility="public")
    members = member("Stendal", topics=["gesundheit"], visibility="members")
    private = member("Stendal", topics=["gesundheit"], visibility="nobody")
    hidden = member("Stendal", topics=["gesundheit"])
    profile_for(hidden, topics=["gesundheit"], hidden=True)
    inactive = member("Stendal", topics=["gesundheit"], is_active=False)
    question = ask()
    assert asked(question) == {public.pk, members.pk}
    assert not {private.pk, hidden.pk, inactive.pk} & notified(question)


def test_members_blocked_either_way_are_not_asked(ask, volunteer):
    blocked_by_asker = member("Stendal", topics=["gesundheit"])
    blocking_asker = member("Stendal", topics=["gesundheit"])
    other = member("Stendal", topics=["gesundheit"])
    block_member(actor=volunteer, member=blocked_by_asker)
    block_member(actor=blocking_asker, member=volunteer)
    question = ask()
    assert asked(question) == {other.pk}


def test_the_first_wave_is_capped_and_the_best_fits_come_first(ask, settings):
    settings.LANDNETZ_ASKS_FIRST_WAVE_SIZE = 3
    best = [member("Stendal", topics=["gesundheit"], languages=["ar"]) for _ in range(2)]
    good = [member("Wernigerode", topics=["gesundheit"], languages=["ar"]) for _ in range(2)]
    weaker = [member("Wernigerode", topics=["gesundheit"]) for _ in range(3)]
    question = ask()
    chosen = asked(question)
    assert len(chosen) == 3
    assert {user.pk for user in best} <= chosen  # topic + language + region
    assert len(chosen & {user.pk for user in good}) == 1  # two criteria each
    assert not chosen & {user.pk for user in weaker}  # one criterion
    assert question.first_wave["count"] == 3


def test_recently_active_members_come_first_among_equal_fits(ask, settings):
    from django.utils import timezone

    settings.LANDNETZ_ASKS_FIRST_WAVE_SIZE = 1
    dormant = member("Stendal", topics=["gesundheit"])
    active = member("Stendal", topics=["gesundheit"])
    type(active).objects.filter(pk=active.pk).update(last_login=timezone.now())
    assert asked(ask()) == {active.pk}
    assert dormant.pk


def test_preview_counts_without_saving_or_telling(volunteer, stendal, health):
    from landnetz.asks.services import preview_first_wave

    member("Stendal", topics=["gesundheit"], languages=["ar"])
    member("Halle (Saale)", languages=["ar"])
    before = Notification.objects.count()
    wave = preview_first_wave(asker=volunteer, topics=[health], languages=["ar"], region=stendal)
    assert wave.count == 2
    assert wave.fits == {"topic": 1, "language": 2, "region": 1}
    assert Notification.objects.count() == before
    assert not Asked.objects.exists()


def test_criteria_of_a_network_question_have_no_region(health):
    criteria = targeting.criteria_of(topics=[health, health], languages=["ar", "ar"], region=None)
    assert criteria == targeting.Criteria(topic_ids=(health.pk,), languages=("ar",), region_id=None)
    assert criteria.names_expertise and not criteria.is_empty
