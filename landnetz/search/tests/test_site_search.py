"""The site search seam: kinds registered by apps, audiences, the header search page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.db.models.signals import post_delete

from landnetz.accounts.models import Profile
from landnetz.core.models import Topic
from landnetz.organisations.models import Organisation
from landnetz.search import index, queries, registry
from landnetz.search.models import SearchEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GROUP = "group:7"


def _person(regions, name, *, visibility="public", job="", place="Stendal"):
    municipality = regions["stendal"].municipalities.get(name=place)
    user = UserFactory(display_name=name, region=regions["stendal"], municipality=municipality)
    profile = Profile.objects.create(user=user, visibility=visibility, job_title=job)
    index.reindex("person", [profile])
    return user


def _organisation(regions, name, *, visibility="public", description=""):
    organisation = Organisation.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-").replace("é", "e"),
        kind="club",
        sector="civil_society",
        description=description,
        municipality=regions["stendal"].municipalities.get(name="Stendal"),
        visibility=visibility,
    )
    index.reindex("organisation", [organisation])
    return organisation


@pytest.fixture
def group_notes(regions):
    """A kind of another app whose documents belong to a group: topics stand in for notes.

    Registered for the test only; members of the group are those the provider names.
    """
    members: set[int] = set()

    def documents(topics):
        return [
            registry.Document(
                kind="note",
                object_id=topic.pk,
                key=topic.slug,
                title=topic.name,
                audience=GROUP,
                text=[topic.name, "Gruppennotiz Elternabend"],
                region_id=regions["stendal"].pk,
            )
            for topic in topics
        ]

    kind = registry.SearchKind(
        name="note",
        label="Note",
        label_plural="Notes",
        model=Topic,
        documents=documents,
        everything=lambda: Topic.objects.all(),
        url=lambda key: f"/notes/{key}/",
        result_template="directory/result_person.html",
    )
    registry.register(kind)

    def provider(viewer):
        return [GROUP] if viewer.pk in members else []

    registry.register_audiences(provider)
    topic = Topic.objects.create(name="Elternabend Kita Sonnenschein", slug="elternabend-kita")
    index.reindex("note", [topic])
    yield members, topic
    registry._kinds.pop("note")
    registry._audience_providers.remove(provider)
    post_delete.disconnect(sender=Topic, dispatch_uid="search-forget-note")


def test_the_header_search_finds_people_and_organisations_in_german_and_arabic(client, regions):
    _person(regions, "Mariam Rahimi", job="Sprachmittlerin")
    _organisation(regions, "Sprachcafé Stendal", description="Deutsch üben bei Kaffee")
    _person(regions, "Heimlich Verborgen", job="Sprachmittlerin", visibility="nobody")

    for language in ("de", "ar"):
        response = client.get(f"/{language}/search/", {"q": "Sprach"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Mariam Rahimi" in html and "Sprachcafé Stendal" in html
        assert "Heimlich" not in html
        assert f'href="/{language}/organisations/sprachcafe-stendal/"' in html


def test_the_kind_filter_and_counts_follow_the_results(client, regions):
    _person(regions, "Mariam Rahimi", job="Sprachmittlerin")
    _person(regions, "Oksana Melnyk", job="Sprachlehrerin")
    _organisation(regions, "Sprachcafé Stendal")

    html = client.get("/de/search/", {"q": "Sprach"}).content.decode()
    assert "Personen (2)" in html and "Organisationen (1)" in html and "(3)" in html

    html = client.get("/de/search/", {"q": "Sprach", "kind": "organisation"}).content.decode()
    assert "Sprachcafé Stendal" in html and "Mariam Rahimi" not in html
    assert "1 Ergebnis" in html


def test_members_only_profiles_are_counted_only_for_members(client, regions, volunteer):
    _person(regions, "Mariam Rahimi", job="Sprachmittlerin", visibility="members")

    html = client.get("/de/search/", {"q": "Sprachmittlerin"}).content.decode()
    assert "Mariam" not in html and "Personen (0)" in html

    client.force_login(volunteer)
    html = client.get("/de/search/", {"q": "Sprachmittlerin"}).content.decode()
    assert "Mariam" in html and "Personen (1)" in html


@pytest.mark.parametrize("engine_text", ["Elternabend", ""])
def test_group_audience_is_kept_from_non_members(regions, volunteer, outsider, group_notes, engine_text):
    members, topic = group_notes
    members.add(volunteer.pk)
    criteria = queries.Criteria(text=engine_text, kinds=("note",))

    assert [entry.object_id for entry in queries.search(volunteer, criteria)] == [topic.pk]
    assert list(queries.search(outsider, criteria)) == []
    assert list(queries.search(AnonymousUser(), criteria)) == []
    assert queries.counts_by_kind(outsider, queries.Criteria(text="Elternabend")).get("note", 0) == 0
    assert queries.counts_by_kind(volunteer, queries.Criteria(text="Elternabend"))["note"] == 1


def test_group_content_never_shows_on_the_page_of_a_non_member(client, regions, volunteer, outsider, group_notes):
    members, _topic = group_notes
    members.add(volunteer.pk)

    client.force_login(outsider)
    html = client.get("/de/search/", {"q": "Elternabend"}).content.decode()
    assert "Kita Sonnenschein" not in html and "Notes (0)" in html

    client.force_login(volunteer)
    html = client.get("/de/search/", {"q": "Elternabend"}).content.decode()
    assert "Kita Sonnenschein" in html and "Notes (1)" in html


def test_deleting_an_object_removes_its_document(regions, group_notes):
    _members, topic = group_notes
    assert SearchEntry.objects.filter(kind="note", object_id=topic.pk).exists()
    topic.delete()
    assert not SearchEntry.objects.filter(kind="note", object_id=topic.pk).exists()


def test_user_text_cannot_pose_as_a_tag(regions):
    """A tag is a filter word from the app's keys: typing it into a profile does not set it."""
    _person(regions, "Mariam Rahimi", job="zztaginterpyes interp:yes")
    criteria = queries.Criteria(tags=("interp:yes",))
    assert list(queries.search(AnonymousUser(), criteria)) == []
    assert list(queries.search(AnonymousUser(), queries.Criteria(text="Mariam", tags=("interp:yes",)))) == []


def test_an_unknown_kind_is_refused_with_a_message_and_no_results(client, regions):
    _person(regions, "Mariam Rahimi", job="Sprachmittlerin")
    response = client.get("/de/search/", {"q": "Sprach", "kind": "secret"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte wählen Sie aus der Liste aus." in html and "Mariam" not in html


def test_an_empty_search_explains_what_to_type(client, regions):
    html = client.get("/uk/search/").content.decode()
    assert 'name="q"' in html and "ln-results-list" not in html


def test_the_search_box_is_in_every_page_header(client, regions):
    html = client.get("/de/").content.decode()
    assert 'role="search"' in html and 'action="/de/search/"' in html


def test_rebuild_search_rebuilds_every_kind_and_refuses_unknown_ones(regions, capsys):
    user = _person(regions, "Mariam Rahimi", job="Sprachmittlerin")
    _organisation(regions, "Sprachcafé Stendal")
    SearchEntry.objects.all().delete()

    call_command("rebuild_search")
    assert set(SearchEntry.objects.values_list("kind", "object_id")) == {
        ("person", user.profile.pk),
        ("organisation", Organisation.objects.get().pk),
    }
    call_command("rebuild_search", "organisation")
    assert SearchEntry.objects.count() == 2
    with pytest.raises(CommandError, match="Unknown kinds: people"):
        call_command("rebuild_search", "people")


def test_a_kind_cannot_be_registered_twice_with_another_meaning():
    kind = registry.get("person")
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(registry.SearchKind(**{**kind.__dict__, "label": "Mensch"}))


def test_a_broad_search_ranks_the_newest_matches_and_says_so(client, regions, monkeypatch):
    """More matches than WINDOW: the newest WINDOW are ranked; the page says the search is broad."""
    monkeypatch.setattr(queries, "WINDOW", 3)
    users = [_person(regions, f"Person {number}", job="Sprachmittlerin") for number in range(5)]
    newest = {user.profile.pk for user in users[-3:]}

    found = queries.search(AnonymousUser(), queries.Criteria(text="Sprachmittlerin"))
    assert {entry.object_id for entry in found} == newest

    html = client.get("/de/search/", {"q": "Sprachmittlerin"}).content.decode()
    assert "Mehr als 3 Ergebnisse" in html and "Personen (" not in html
    html = client.get("/de/directory/", {"q": "Sprachmittlerin"}).content.decode()
    assert "Mehr als 3 Ergebnisse" in html


def test_a_search_below_the_window_ranks_every_match(regions, monkeypatch):
    monkeypatch.setattr(queries, "WINDOW", 3)
    users = [_person(regions, f"Person {number}", job="Sprachmittlerin") for number in range(3)]
    found = queries.search(AnonymousUser(), queries.Criteria(text="Sprachmittlerin"))
    assert {entry.object_id for entry in found} == {user.profile.pk for user in users}
