"""Filters and audience live where user text cannot reach them (hardening issue #6, item 1).

An organisation admin renamed their organisation to "Schwalbenhaus zzaudpublic" and an
anonymous search then listed a member of it whose profile is visible to members only.
Here user text (an organisation's name and description, a topic's name) carries every
filter word the index uses; no search may treat it as a filter.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from landnetz.core import services as core_services
from landnetz.core.models import Municipality, Topic
from landnetz.directory.queries import Criteria, search
from landnetz.organisations.services import approve_request, create_organisation, request_to_join
from landnetz.search.models import SearchEntry
from tests.factories import UserFactory

from .test_search import make_person

pytestmark = pytest.mark.django_db


def every_filter_word() -> str:
    words = set()
    for filters in SearchEntry.objects.values_list("filters", flat=True):
        words.update(filters.split())
    assert {word[:5] for word in words} >= {"zzkin", "zzaud", "zzsec", "zzreg", "zztag", "zztop", "zzlan"}
    return " ".join(sorted(words | {"zzaudpublic", "zzaudmembers"}))


@pytest.fixture
def spoofed(regions, coordinator):
    """A members-only interpreter in Stendal who belongs to an organisation whose text holds every filter word."""
    secret = make_person(
        regions,
        "Mara Nurintern",
        "Stendal",
        job="Sprachmittlerin",
        visibility="members",
        interpreter=True,
        languages=[("prs", "native")],
        sector="health",
        topics=["gesundheit"],
    )
    make_person(regions, "Otto Oeffentlich", "Halle (Saale)", job="Koch", visibility="public", sector="business")
    words = every_filter_word()
    organisation = create_organisation(
        actor=UserFactory(),
        name="Schwalbenhaus " + words[:60],
        description="Wir helfen. " + words,
        kind="club",
        sector="civil_society",
        municipality=Municipality.objects.get(name="Stendal"),
        visibility="public",
    )
    admin = organisation.memberships.get().user
    request_to_join(actor=secret, organisation=organisation)
    approve_request(actor=admin, membership=organisation.memberships.get(user=secret))
    topic = Topic.objects.get(slug="gesundheit")
    core_services.save_topic(
        actor=coordinator, topic=topic, name=f"Gesundheit {words}"[:80], translations={"en": f"Health {words}"}
    )
    return secret


def test_user_text_with_every_filter_word_does_not_open_members_only_profiles(spoofed, regions):
    anonymous = AnonymousUser()
    for text in ["Schwalbenhaus", "Nurintern", "Sprachmittlerin", "Gesundheit", "zzaudpublic", "zzkindperson"]:
        found = [entry.title for entry in search(anonymous, Criteria(text=text))]
        assert "Mara Nurintern" not in found, text
    filtered = search(anonymous, Criteria(text="Gesundheit", region=regions["stendal"], interpreter=True))
    assert "Mara Nurintern" not in [entry.title for entry in filtered]


def test_user_text_with_filter_words_does_not_pass_a_filter(spoofed, regions, volunteer):
    # The organisation's text names every region, language and the interpreter flag; it is
    # none of them, so a filtered search must not list it.
    for criteria in [
        Criteria(text="Schwalbenhaus", region=regions["halle-saale"]),
        Criteria(text="Schwalbenhaus", interpreter=True),
        Criteria(text="Schwalbenhaus", language="prs"),
        Criteria(text="Schwalbenhaus", kind="person"),
        Criteria(text="Schwalbenhaus", sector="health"),
    ]:
        assert "Schwalbenhaus" not in " ".join(entry.title for entry in search(volunteer, criteria)), criteria
    # and it is still found by its own text where no filter excludes it
    assert any("Schwalbenhaus" in entry.title for entry in search(volunteer, Criteria(text="Schwalbenhaus")))


def test_anonymous_directory_page_hides_the_members_only_member(client, spoofed):
    html = client.get("/de/directory/", {"q": "Schwalbenhaus Nurintern"}).content.decode()
    assert "Mara Nurintern" not in html
    html = client.get("/de/directory/", {"q": "zzaudpublic"}).content.decode()
    assert "Mara Nurintern" not in html


def test_audience_is_checked_on_the_row(spoofed):
    # Even if the index words were wrong, the row's audience decides.
    entry = SearchEntry.objects.get(title="Mara Nurintern")
    SearchEntry.objects.filter(pk=entry.pk).update(filters=entry.filters.replace("zzaudmembers", "zzaudpublic"))
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE search_fts SET filters = %s WHERE rowid = %s",
                [entry.filters.replace("zzaudmembers", "zzaudpublic"), entry.pk],
            )
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE search_searchentry SET search_vector = to_tsvector('german', document) "
                "|| setweight(to_tsvector('simple', %s), 'A') WHERE id = %s",
                [entry.filters.replace("zzaudmembers", "zzaudpublic"), entry.pk],
            )
    assert "Mara Nurintern" not in [e.title for e in search(AnonymousUser(), Criteria(text="Nurintern"))]
