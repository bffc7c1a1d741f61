"""Rules of the accounts services and reads that mutation testing found unguarded.

What a person would notice: a profile page listing organisations the member does not
belong to (or only asked to join), a page without the member's languages and topics, a
new name or region that the directory does not learn, an audit log that does not say
whose coordinator rights an admin changed.
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from landnetz.accounts import services
from landnetz.accounts.models import Profile
from landnetz.accounts.queries import card_for, profile_of
from landnetz.accounts.tests.test_profile import image_file
from landnetz.core.models import AuditEntry, Topic
from landnetz.directory.queries import Criteria, search
from landnetz.organisations import services as organisation_services
from landnetz.organisations.models import Membership

pytestmark = pytest.mark.django_db


def publish(user, **extra):
    data = {
        "visibility": "public",
        "bio": "",
        "sector": "",
        "job_title": "Ehrenamtliche",
        "municipality": user.municipality_id,
        "topics": [],
        "is_interpreter": False,
        "open_to_newcomers": False,
        "contact_email": "",
        "contact_email_visibility": "nobody",
        "phone": "",
        "phone_visibility": "nobody",
        "messenger": "",
        "messenger_visibility": "nobody",
        "office_hours": "",
        "office_hours_visibility": "nobody",
    }
    languages = extra.pop("languages", [])
    data.update(extra)
    services.update_profile(user=user, profile=profile_of(user), data=data, languages=languages)
    return profile_of(user)


def club(admin, name):
    return organisation_services.create_organisation(
        actor=admin, name=name, municipality=admin.municipality, kind="club", sector="civil_society"
    )


def test_profile_page_lists_exactly_the_organisations_she_is_an_active_member_of(
    client, volunteer, room_owner, coordinator
):
    publish(volunteer)
    hers = club(room_owner, "Feuerwehrverein Bismark")
    Membership.objects.create(organisation=hers, user=volunteer)
    asked = club(room_owner, "Heimatverein Bismark")
    Membership.objects.create(organisation=asked, user=volunteer, status="requested")
    club(coordinator, "Integrationsnetz Stendal")  # someone else's, with an active admin

    html = client.get(f"/de/people/{volunteer.pk}/").content.decode()
    assert "Feuerwehrverein Bismark" in html
    assert "Heimatverein Bismark" not in html  # only asked to join
    assert "Integrationsnetz Stendal" not in html  # not hers at all
    assert [o.name for o in card_for(profile_of(volunteer), AnonymousUser()).organisations] == [
        "Feuerwehrverein Bismark"
    ]


def test_profile_page_shows_her_languages_and_topics(client, volunteer):
    topic = Topic.objects.create(slug="sprachcafe-test", name="Sprachcafé für alle")
    publish(volunteer, topics=[topic], languages=[("uk", "basic"), ("de", "native")])
    html = client.get(f"/de/people/{volunteer.pk}/").content.decode()
    assert "Sprachcafé für alle" in html
    assert "Ukrainisch" in html and "Deutsch" in html


def found(viewer, **criteria):
    return {entry.title for entry in search(viewer, Criteria(kind="person", **criteria))}


def test_a_new_name_and_region_reach_the_directory(client, volunteer, regions):
    publish(volunteer)
    assert found(AnonymousUser(), text="Wiesner") == {"Helga Wiesner"}
    client.force_login(volunteer)
    response = client.post(
        "/de/accounts/preferences/",
        {"display_name": "Helga Sommerfeld", "region": regions["harz"].pk, "preferred_language": "de"},
    )
    assert response.status_code == 302
    assert found(AnonymousUser(), text="Sommerfeld") == {"Helga Sommerfeld"}
    assert found(AnonymousUser(), text="Wiesner") == set()
    assert found(AnonymousUser(), region=regions["harz"]) == {"Helga Sommerfeld"}


def test_a_hidden_profile_leaves_the_directory_and_comes_back(volunteer):
    profile = publish(volunteer)
    services.set_profile_hidden(profile=profile, hidden=True)
    assert found(AnonymousUser(), text="Wiesner") == set()
    services.set_profile_hidden(profile=profile_of(volunteer), hidden=False)
    assert found(AnonymousUser(), text="Wiesner") == {"Helga Wiesner"}


def test_coordinator_changes_name_the_member_and_the_admin(network_admin, volunteer, regions):
    three = [regions["stendal"], regions["harz"], regions["magdeburg"]]
    services.set_coordinated_regions(actor=network_admin, user=volunteer, regions=three)
    services.set_coordinated_regions(actor=network_admin, user=volunteer, regions=[regions["harz"]])
    entries = AuditEntry.objects.filter(verb__startswith="coordinator.").order_by("pk")
    assert sorted((e.verb, e.region.slug) for e in entries) == [
        ("coordinator.assigned", "harz"),
        ("coordinator.assigned", "magdeburg"),
        ("coordinator.assigned", "stendal"),
        ("coordinator.removed", "magdeburg"),
        ("coordinator.removed", "stendal"),
    ]
    assert {(e.actor_id, e.object_type, e.object_id) for e in entries} == {
        (network_admin.pk, "accounts.user", str(volunteer.pk))
    }


def test_deactivating_through_the_service_ends_listing_and_is_audited(network_admin, volunteer, outsider):
    publish(volunteer)
    services.set_active(actor=network_admin, user=volunteer, active=False)
    volunteer.refresh_from_db()
    assert volunteer.is_active is False
    assert found(AnonymousUser(), text="Wiesner") == set()
    assert not outsider.has_perm("accounts.view_profile", profile_of(volunteer))

    services.set_active(actor=network_admin, user=volunteer, active=True)
    volunteer.refresh_from_db()
    assert volunteer.is_active is True
    assert found(AnonymousUser(), text="Wiesner") == {"Helga Wiesner"}
    entries = AuditEntry.objects.filter(object_id=str(volunteer.pk), verb__startswith="member.").order_by("pk")
    assert [(e.verb, e.actor_id) for e in entries] == [
        ("member.deactivated", network_admin.pk),
        ("member.activated", network_admin.pk),
    ]


def test_a_deactivated_members_profile_is_visible_to_nobody_else(client, volunteer, outsider):
    profile = publish(volunteer)
    volunteer.is_active = False
    volunteer.save(update_fields=["is_active"])
    assert not outsider.has_perm("accounts.view_profile", profile)
    assert not AnonymousUser().has_perm("accounts.view_profile", profile)
    client.force_login(outsider)
    assert client.get(f"/de/people/{volunteer.pk}/").status_code == 404


def test_a_moderators_delete_empties_the_profile_and_the_directory_entry(volunteer):
    topic = Topic.objects.create(slug="beratung-test", name="Beratung")
    publish(
        volunteer,
        bio="Ich helfe bei Behördengängen.",
        sector="civil_society",
        topics=[topic],
        languages=[("uk", "basic")],
        is_interpreter=True,
        open_to_newcomers=True,
        phone="+49 3935 555111",
        phone_visibility="public",
        messenger="https://t.me/helga_wiesner_ln",
        messenger_visibility="public",
    )
    assert found(AnonymousUser(), text="Behördengängen") == {"Helga Wiesner"}
    Profile.objects.filter(user=volunteer).update(moderation_hidden=True)  # reported, entry still there
    services.clear_profile(profile=profile_of(volunteer))
    profile = profile_of(volunteer)
    assert (profile.bio, profile.job_title, profile.sector, profile.phone, profile.messenger) == ("", "", "", "", "")
    assert (profile.visibility, profile.is_interpreter, profile.open_to_newcomers) == ("nobody", False, False)
    assert profile.moderation_hidden is False  # empty and private instead of hidden
    assert not profile.topics.exists() and not profile.languages.exists()
    assert found(volunteer, text="Wiesner") == set()
    assert found(AnonymousUser(), text="Behördengängen") == set()


def test_a_moderators_delete_removes_the_photo_and_its_file(client, volunteer, django_capture_on_commit_callbacks):
    publish(volunteer, photo=image_file())
    stored = Path(profile_of(volunteer).photo.path)
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.clear_profile(profile=profile_of(volunteer))
    assert not profile_of(volunteer).photo
    assert not stored.exists()
    client.force_login(volunteer)  # even the owner: there is no photo any more
    assert client.get(f"/de/people/{volunteer.pk}/photo/").status_code == 404
