"""rebuild() (batched over querysets) writes the same index as reindex() one object at a time."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from landnetz.accounts.models import Profile, ProfileLanguage
from landnetz.core.models import Municipality, Topic
from landnetz.directory.queries import Criteria, search
from landnetz.organisations.models import Membership, Organisation, OrganisationLanguage
from landnetz.search.index import rebuild, reindex
from landnetz.search.models import SearchEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

COLUMNS = [
    "kind", "object_id", "audience", "title", "summary", "key", "language", "sort_title", "document", "stemmed",
    "filters", "tags", "sector", "region_id", "municipality_id", "latitude", "longitude",
]  # fmt: skip


def _person(name, place, *, visibility="public", job="", bio="", sector="", topics=(), languages=(),
            interpreter=False, active=True):  # fmt: skip
    municipality = Municipality.objects.get(name=place)
    user = UserFactory(display_name=name, region=municipality.region, municipality=municipality, is_active=active)
    profile = Profile.objects.create(
        user=user, visibility=visibility, job_title=job, bio=bio, sector=sector,
        is_interpreter=interpreter,
    )  # fmt: skip
    profile.topics.set(Topic.objects.filter(slug__in=topics))
    ProfileLanguage.objects.bulk_create(ProfileLanguage(profile=profile, code=code, level="good") for code in languages)
    return profile


def _organisation(name, slug, place, *, visibility="public", kind="club", sector="civil_society",
                  description="", topics=(), languages=(), admin=None, latitude=None):  # fmt: skip
    organisation = Organisation.objects.create(
        name=name, slug=slug, kind=kind, sector=sector, description=description,
        municipality=Municipality.objects.get(name=place), visibility=visibility,
        latitude=latitude, longitude=latitude,
    )  # fmt: skip
    organisation.topics.set(Topic.objects.filter(slug__in=topics))
    OrganisationLanguage.objects.bulk_create(
        OrganisationLanguage(organisation=organisation, code=code) for code in languages
    )
    if admin is not None:
        Membership.objects.create(organisation=organisation, user=admin.user, role="admin")
    return organisation


@pytest.fixture
def network(regions):
    farida = _person(
        "Farida Ahmadi", "Stendal", job="Sprachmittlerin", interpreter=True, sector="civil_society",
        languages=["prs", "fa", "de"], topics=["sprachmittlung"], bio="Begleitung zu Ämtern",
    )  # fmt: skip
    anna = _person(
        "Anna Krüger", "Tangerhütte", visibility="members", job="Ärztin", sector="health",
        bio="Hausärztin in Tangerhütte", topics=["gesundheit"], languages=["de", "en"],
    )  # fmt: skip
    people = [
        farida,
        anna,
        _person(
            "Karim Noori", "Naumburg (Saale)", job="Sprachmittler", interpreter=True, languages=["prs"]
        ),  # fmt: skip
        _person(
            "Geheim Versteckt", "Stendal", visibility="nobody", job="Sprachmittlerin", languages=["prs"]
        ),  # fmt: skip
        _person("Inaktiv Ehemals", "Stendal", job="Sprachmittlerin", active=False),
        _person("Олена Коваленко", "Stendal", job="Lehrerin", sector="education", languages=["uk"]),
    ]
    organisations = [
        _organisation(
            "Verein Brücke",
            "verein-bruecke-stendal",
            "Stendal",
            description="Sprachcafé und Beratung",
            topics=["sprachmittlung"],
            languages=["prs", "ar"],
            admin=farida,
        ),  # fmt: skip
        _organisation(
            "Praxis am Markt",
            "praxis-am-markt",
            "Tangerhütte",
            visibility="members",
            kind="health",
            sector="health",
            admin=farida,
            latitude=Decimal("52.433000"),
        ),  # fmt: skip
        _organisation(
            "Ärztehaus Stendal", "aerztehaus-stendal", "Stendal", kind="health", sector="health", admin=anna
        ),  # fmt: skip
    ]
    # A pending request names no organisation.
    Membership.objects.create(organisation=organisations[2], user=people[2].user, role="member", status="requested")
    return people, organisations


def _profiles():
    return Profile.objects.select_related("user__region", "user__municipality").prefetch_related("topics", "languages")


def _organisations():
    return Organisation.objects.select_related("municipality__region").prefetch_related("topics", "languages")


def _snapshot():
    """Every index row by owner, with its languages, topics and full-text row."""
    rows = {}
    for entry in SearchEntry.objects.prefetch_related("languages", "topics"):
        owner = (entry.kind, entry.object_id)
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("SELECT stemmed, filters FROM search_fts WHERE rowid = %s", [entry.pk])
            else:
                sql = "SELECT search_vector::text FROM search_searchentry WHERE id = %s"
                cursor.execute(sql, [entry.pk])
            fulltext = [tuple(row) for row in cursor.fetchall()]
        rows[owner] = {
            **{column: getattr(entry, column) for column in COLUMNS},
            "languages": sorted(language.code for language in entry.languages.all()),
            "topics": sorted(topic.pk for topic in entry.topics.all()),
            "fulltext": fulltext,
        }
    return rows


SEARCHES = [
    {"text": "Sprachmittlerin"},
    {"text": "Aerztin"},
    {"text": "Sprachmitler"},
    {"text": "Brücke"},
    {"text": "Praxis"},
    {"text": "Dari"},
    {"language": "prs"},
    {"interpreter": True},
    {"sector": "health"},
    {"kind": "organisation"},
    {},
]


def _results(member):
    found = []
    for viewer in (AnonymousUser(), member):
        for criteria in SEARCHES:
            found.append([entry.title for entry in search(viewer, Criteria(**criteria))])
    return found


def _clear_index():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
    SearchEntry.objects.all().delete()


def _index_one_by_one():
    for profile in _profiles():
        reindex("person", [profile])
    for organisation in _organisations():
        reindex("organisation", [organisation])


def test_rebuild_writes_the_same_rows_and_finds_the_same(network, volunteer):
    _clear_index()
    _index_one_by_one()
    expected_rows, expected_results = _snapshot(), _results(volunteer)
    assert len(expected_rows) == 7  # 6 profiles less the hidden and the inactive one, 3 orgs
    person_tags = sorted(row["tags"] for key, row in expected_rows.items() if key[0] == "person" and row["tags"])
    assert person_tags == ["interp:yes", "interp:yes"]
    # The data finds something at all, and members see more than anonymous visitors.
    assert sum(len(titles) for titles in expected_results) > 2 * len(SEARCHES)
    anonymous, member = expected_results[: len(SEARCHES)], expected_results[len(SEARCHES) :]
    assert any("Anna Krüger" in titles for titles in member)
    assert not any("Anna Krüger" in titles for titles in anonymous)

    _clear_index()
    written = rebuild()

    assert written == 7
    assert _snapshot() == expected_rows
    assert _results(volunteer) == expected_results


def test_reindex_and_rebuild_replace_existing_entries(network, volunteer):
    people, organisations = network
    _clear_index()
    _index_one_by_one()
    expected_rows = _snapshot()

    # Over entries that exist already (and from plain lists): replaced, not duplicated.
    reindex("person", list(_profiles()))
    reindex("organisation", list(_organisations()))
    assert _snapshot() == expected_rows
    assert rebuild() == 7
    assert _snapshot() == expected_rows

    # A profile that became hidden loses its entry, its full-text row included.
    farida = people[0]
    old_entry = SearchEntry.objects.get(kind="person", object_id=farida.pk)
    Profile.objects.filter(pk=farida.pk).update(visibility="nobody")
    reindex("person", _profiles().filter(pk=farida.pk))
    assert not SearchEntry.objects.filter(kind="person", object_id=farida.pk).exists()
    assert "Farida Ahmadi" not in [e.title for e in search(volunteer, Criteria(text="Sprachmittlerin"))]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts WHERE rowid = %s", [old_entry.pk])
            assert cursor.fetchone()[0] == 0


def test_rebuild_queries_do_not_grow_with_the_owners(network, django_assert_max_num_queries, django_assert_num_queries):
    # The directory's own kinds: every other app's kind has its own rebuild test.
    _clear_index()
    with django_assert_max_num_queries(30) as few:
        rebuild(["person", "organisation"])
    for index in range(10):
        _person(f"Person {index}", "Stendal", job="Beraterin", languages=["de"], topics=["gesundheit"])
    _clear_index()
    with django_assert_num_queries(len(few.captured_queries)):  # equal, not at most
        rebuild(["person", "organisation"])
