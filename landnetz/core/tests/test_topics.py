import pytest

from landnetz.core.models import AuditEntry, Topic

pytestmark = pytest.mark.django_db


def test_coordinator_creates_and_translates_a_topic(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/de/topics/new/",
        {"name": "Führerschein", "name_en": "Driving licence", "name_uk": "", "name_ar": "", "name_ru": ""},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(name="Führerschein")
    assert topic.slug == "fuehrerschein"
    assert topic.translations == {"en": "Driving licence"}
    assert AuditEntry.objects.filter(verb="topic.created", actor=coordinator).exists()
    client.get("/en/")  # label follows the interface language
    from django.utils import translation

    with translation.override("en"):
        assert topic.label == "Driving licence"
    with translation.override("uk"):
        assert topic.label == "Führerschein"


def test_duplicate_topic_name_is_refused(client, coordinator):
    client.force_login(coordinator)
    count = Topic.objects.count()
    response = client.post("/de/topics/new/", {"name": "wohnen"})
    assert response.status_code == 200
    assert "ln-error-summary" in response.content.decode()
    assert Topic.objects.count() == count


def test_renaming_a_topic_updates_the_directory(client, coordinator, volunteer):
    from landnetz.accounts.queries import profile_of
    from landnetz.search.index import reindex
    from landnetz.search.models import SearchEntry

    profile = profile_of(volunteer)
    profile.visibility = "members"
    profile.save()
    profile.topics.add(Topic.objects.get(slug="wohnen"))
    reindex("person", [profile])
    client.force_login(coordinator)
    client.post("/de/topics/wohnen/", {"name": "Wohnungssuche"})
    assert "wohnungssuche" in SearchEntry.objects.get(kind="person", object_id=profile.pk).document


def test_delete_needs_confirmation(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/de/topics/sport/delete/").status_code == 200
    assert Topic.objects.filter(slug="sport").exists()
    client.post("/de/topics/sport/delete/")
    assert not Topic.objects.filter(slug="sport").exists()


def test_members_cannot_manage_topics(client, volunteer):
    client.force_login(volunteer)
    assert client.post("/de/topics/new/", {"name": "Spam"}).status_code == 403
    assert client.post("/de/topics/sport/delete/").status_code == 403
    assert Topic.objects.filter(slug="sport").exists()
    assert not Topic.objects.filter(name="Spam").exists()
