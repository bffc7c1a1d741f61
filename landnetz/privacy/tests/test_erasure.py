"""Erasing an account: one service behind every path (self-service page, admin area).

Issue #6, item 6: deleting an account in the admin area left the photo on disk, the
search-index row with name and bio, and an organisation without administrator.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from landnetz.accounts.models import Profile, User
from landnetz.accounts.tests.test_profile import image_file, profile_data
from landnetz.core.models import AuditEntry, Municipality
from landnetz.organisations.models import Invitation, Membership, Organisation
from landnetz.organisations.services import create_organisation, invite
from landnetz.organisations.tests.helpers import add_member, image_bytes
from landnetz.privacy.services import erase_member
from landnetz.search.models import SearchEntry
from tests.factories import TEST_PASSWORD

from .scan import places_holding

pytestmark = pytest.mark.django_db

URL = "/de/privacy/delete-account/"


def fts_rows() -> int:
    if connection.vendor != "sqlite":
        return SearchEntry.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts")
        return cursor.fetchone()[0]


@pytest.fixture
def newcomer_with_data(client, newcomer, coordinator, settings):
    """Olena with a public profile, a photo, an organisation of her own and an invitation."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(newcomer)
    data = profile_data(visibility="public", photo=image_file(), bio="Ich suche einen Sprachkurs.")
    assert client.post("/de/accounts/profile/", data).status_code == 302
    stendal = Municipality.objects.get(name="Stendal")
    own = create_organisation(
        actor=newcomer,
        name="Ukrainischer Elternkreis Tangerhütte",
        kind="initiative",
        sector="migrant_organisation",
        municipality=stendal,
        logo=SimpleUploadedFile("logo.png", image_bytes("PNG"), content_type="image/png"),
    )
    other = create_organisation(
        actor=coordinator,
        name="Netzwerk Integration Stendal",
        kind="authority",
        sector="administration",
        municipality=stendal,
    )
    invite(actor=coordinator, organisation=other, email=newcomer.email)
    AuditEntry.objects.create(
        verb="test.about", object_type="accounts.user", object_id=str(newcomer.pk), object_repr=newcomer.display_name
    )
    profile = Profile.objects.get(user=newcomer)
    # The scan sees her before the erasure (so its empty answer afterwards means something).
    assert {"accounts.User.email", "search.SearchEntry.title"} <= set(places_holding(newcomer.email)) | set(
        places_holding("Kovalenko")
    )
    assert "core.AuditEntry.object_repr" in places_holding("Kovalenko")
    return {"photo": profile.photo.path, "logo": own.logo.path, "own": own, "other": other}


def assert_erased(user, data):
    import os

    assert not User.objects.filter(pk=user.pk).exists()
    assert not os.path.exists(data["photo"])
    assert not os.path.exists(data["logo"])
    assert not Organisation.objects.filter(pk=data["own"].pk).exists()  # she was its only member
    assert Organisation.objects.filter(pk=data["other"].pk).exists()
    assert not Invitation.objects.filter(email=user.email).exists()
    assert SearchEntry.objects.filter(kind="person").count() == 0
    assert fts_rows() == SearchEntry.objects.count()  # no orphaned full-text row
    for needle in [user.email, user.display_name, "Olena", "Kovalenko"]:
        assert places_holding(needle) == [], needle


def test_member_deletes_her_account_and_nothing_of_her_stays(
    client, newcomer, newcomer_with_data, django_capture_on_commit_callbacks
):
    page = client.get(URL)
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"password": TEST_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert "_auth_user_id" not in client.session
    assert_erased(newcomer, newcomer_with_data)
    assert AuditEntry.objects.filter(verb="member.erased").exists()


def test_wrong_password_changes_nothing(client, newcomer, newcomer_with_data):
    response = client.post(URL, {"password": "not-my-password", "confirm": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"][0].startswith("Das Passwort ist nicht")
    assert User.objects.filter(pk=newcomer.pk).exists()
    assert Profile.objects.get(user=newcomer).photo
    assert "_auth_user_id" in client.session


def test_without_confirmation_nothing_changes(client, newcomer, newcomer_with_data):
    response = client.post(URL, {"password": TEST_PASSWORD})
    assert response.status_code == 200
    assert User.objects.filter(pk=newcomer.pk).exists()


def test_last_admin_of_an_organisation_with_members_must_hand_over_first(client, newcomer, volunteer):
    organisation = create_organisation(
        actor=newcomer,
        name="Sprachcafé Tangerhütte",
        kind="club",
        sector="civil_society",
        municipality=Municipality.objects.get(name="Tangerhütte"),
    )
    add_member(organisation, volunteer, status="active")
    client.force_login(newcomer)
    page = client.get(URL).content.decode()
    assert "Sprachcafé Tangerhütte" in page
    assert 'name="password"' not in page
    client.post(URL, {"password": TEST_PASSWORD, "confirm": "on"})
    assert User.objects.filter(pk=newcomer.pk).exists()
    assert Membership.objects.filter(organisation=organisation, user=newcomer, role="admin").exists()
    with pytest.raises(ValidationError):
        erase_member(actor=newcomer, user=newcomer)


def test_only_the_member_or_a_network_admin_may_erase(newcomer, volunteer, coordinator, network_admin):
    for actor in (volunteer, coordinator):
        with pytest.raises(PermissionDenied):
            erase_member(actor=actor, user=newcomer)
    assert User.objects.filter(pk=newcomer.pk).exists()
    erase_member(actor=network_admin, user=newcomer)
    assert not User.objects.filter(pk=newcomer.pk).exists()


def test_network_admin_deletes_a_member_in_the_admin_area(
    client, network_admin, newcomer, newcomer_with_data, django_capture_on_commit_callbacks
):
    client.force_login(network_admin)
    url = f"/de/admin/accounts/user/{newcomer.pk}/delete/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert_erased(newcomer, newcomer_with_data)


def test_admin_area_refuses_to_orphan_an_organisation(client, network_admin, newcomer, volunteer):
    organisation = create_organisation(
        actor=newcomer,
        name="Sprachcafé Tangerhütte",
        kind="club",
        sector="civil_society",
        municipality=Municipality.objects.get(name="Tangerhütte"),
    )
    add_member(organisation, volunteer, status="active")
    client.force_login(network_admin)
    url = f"/de/admin/accounts/user/{newcomer.pk}/delete/"
    response = client.post(url, {"post": "yes"}, follow=True)
    assert "Sprachcafé Tangerhütte" in response.content.decode()
    assert User.objects.filter(pk=newcomer.pk).exists()


def test_admin_area_has_no_bulk_delete_of_members(client, network_admin):
    client.force_login(network_admin)
    html = client.get("/de/admin/accounts/user/").content.decode()
    assert "delete_selected" not in html


def test_deactivated_member_leaves_the_directory_and_cannot_log_in(client, network_admin, volunteer):
    """Issue #6, item 7: a deactivated account was still listed in the directory."""
    member = client.__class__()
    member.force_login(volunteer)
    member.post("/de/accounts/profile/", profile_data(visibility="public", bio="Sprachcafé"))
    assert "Helga Wiesner" in client.get("/de/directory/", {"q": "Wiesner"}).content.decode()
    client.force_login(network_admin)
    change = client.get(f"/de/admin/accounts/user/{volunteer.pk}/change/")
    form = change.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update(
        {
            "is_active": "",
            "coordinated_regions": [],
            "groups": [],
            "user_permissions": [],
            "region": volunteer.region_id,
            "municipality": volunteer.municipality_id,
        }
    )
    data = {k: v for k, v in data.items() if k not in {"last_login", "date_joined", "privacy_consent_at"}}
    response = client.post(f"/de/admin/accounts/user/{volunteer.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    assert "Helga Wiesner" not in client.get("/de/directory/", {"q": "Wiesner"}).content.decode()
    assert not SearchEntry.objects.filter(kind="person", object_id=Profile.objects.get(user=volunteer).pk).exists()
    assert AuditEntry.objects.filter(verb="member.deactivated", object_id=str(volunteer.pk)).exists()
    assert member.get("/de/accounts/profile/").status_code == 302  # the open session has ended


def test_a_member_without_password_confirms_through_reauthentication(client, regions):
    """Single sign-on members have no password; allauth confirms it is them instead."""
    from tests.factories import UserFactory

    member = UserFactory()
    member.set_unusable_password()
    member.save()
    client.force_login(member)  # not a fresh login
    page = client.get(URL)
    assert page.status_code == 200
    assert 'name="password"' not in page.content.decode()
    response = client.post(URL, {"confirm": "on"})
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]
    assert User.objects.filter(pk=member.pk).exists()
