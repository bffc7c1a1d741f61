"""List, detail, edit, delete, verify and logo pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from landnetz.core.models import AuditEntry, Topic
from landnetz.organisations.models import Membership, Organisation
from landnetz.organisations.tests.helpers import add_member, image_bytes, valid_post
from landnetz.search.models import SearchEntry

pytestmark = pytest.mark.django_db


# --- list ---------------------------------------------------------------------------------


def test_empty_list_tells_what_to_do(client, volunteer):
    response = client.get("/en/organisations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No organisations have registered yet" in html
    assert "/en/accounts/login/?next=/en/organisations/new/" in html
    assert "/en/accounts/signup/" in html
    client.force_login(volunteer)
    html = client.get("/en/organisations/").content.decode()
    assert "/en/organisations/new/" in html


def test_list_shows_only_visible_organisations(client, org, members_only_org, outsider):
    html = client.get("/en/organisations/").content.decode()
    assert org.name in html
    assert members_only_org.name not in html
    client.force_login(outsider)
    html = client.get("/en/organisations/").content.decode()
    assert org.name in html and members_only_org.name in html


def test_list_filters_by_sector_and_region(client, org, members_only_org, outsider):
    client.force_login(outsider)
    html = client.get("/en/organisations/?sector=migrant_organisation").content.decode()
    assert members_only_org.name in html and org.name not in html
    html = client.get("/en/organisations/?region=stendal").content.decode()
    assert org.name in html and members_only_org.name not in html
    html = client.get("/en/organisations/?region=harz").content.decode()
    assert "No organisation matches these filters" in html
    # Unknown filter values do not break the page.
    assert client.get("/en/organisations/?region=atlantis&sector=x&page=abc").status_code == 200


def _many(make_org, admin, municipality, count, start=0):
    """``count`` organisations with topics, languages and a second member each."""
    from tests.factories import UserFactory

    topics = list(Topic.objects.all()[:3])
    for number in range(start, start + count):
        organisation = make_org(
            admin,
            name=f"Verein {number:03d}",
            municipality=municipality,
            topics=topics,
            languages=["de", "en"],
        )
        add_member(organisation, UserFactory())


def test_list_paginates_and_keeps_filters(client, make_org, volunteer, stendal):
    _many(make_org, volunteer, stendal, 30)
    html = client.get("/en/organisations/?region=stendal").content.decode()
    assert html.count('class="ln-result"') == 25
    assert "?region=stendal&amp;page=2" in html
    html = client.get("/en/organisations/?region=stendal&page=2").content.decode()
    assert html.count('class="ln-result"') == 5


# --- detail -------------------------------------------------------------------------------


def test_detail_shows_everything(client, make_org, volunteer, stendal):
    topic = Topic.objects.get(slug="sprachkurse")
    organisation = make_org(
        volunteer,
        name="Sprachcafé",
        municipality=stendal,
        description="Wir *treffen* uns.",
        topics=[topic],
        languages=["ar", "uk"],
        street="Markt 1",
        postcode="39576",
        opening_hours="Di 15–17 Uhr",
        website="https://sprachcafe.example",
        email="hallo@sprachcafe.example",
        phone="03931 1234",
    )
    response = client.get(f"/en/organisations/{organisation.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in [
        "Sprachcafé", "<em>treffen</em>", "Club", "Civil society", "Language courses", "Arabic",
        "Ukrainian", "Markt 1", "39576 Stendal", "Landkreis Stendal", "Di 15–17 Uhr", "https://sprachcafe.example",
        "hallo@sprachcafe.example", "03931 1234", 'href="tel:039311234"',
    ]:  # fmt: skip
        assert text in html, text
    # Visitors first learn how to reach the organisation: a route link, not raw coordinates;
    # a link only — the page itself loads nothing from OpenStreetMap.
    assert 'href="https://www.openstreetmap.org/directions?route=%3B52.6' in html
    assert "Latitude" not in html and 'src="https://' not in html
    assert html.index("How to reach us") < html.index("About us") < html.index("Languages and topics")
    # Anonymous visitors get no buttons that change anything.
    for path in ("/edit/", "/members/", "/join/", "/verify/", "/delete/"):
        assert f"/en/organisations/{organisation.slug}{path}" not in html


def test_buttons_follow_permissions(client, org, volunteer, coordinator, outsider, network_admin):
    detail = f"/en/organisations/{org.slug}/"
    client.force_login(volunteer)  # org admin
    html = client.get(detail).content.decode()
    assert all(f"{detail}{path}" in html for path in ("edit/", "members/", "leave/", "delete/"))
    assert f"{detail}verify/" not in html and f"{detail}join/" not in html
    client.force_login(coordinator)  # coordinates Stendal
    html = client.get(detail).content.decode()
    assert f"{detail}verify/" in html and f"{detail}join/" in html
    assert f"{detail}edit/" not in html
    client.force_login(outsider)
    html = client.get(detail).content.decode()
    assert f"{detail}join/" in html
    assert all(f"{detail}{path}" not in html for path in ("edit/", "members/", "verify/", "delete/", "leave/"))


def test_members_only_organisation_is_404_for_visitors(client, members_only_org, outsider):
    url = f"/en/organisations/{members_only_org.slug}/"
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 200


def test_unknown_slug_is_404(client):
    assert client.get("/en/organisations/no-such-thing/").status_code == 404


def test_detail_lists_every_visible_contact_person(client, org):
    """All of them, not the first few (its query count: tests/test_query_counts.py)."""
    from landnetz.accounts.models import Profile
    from tests.factories import UserFactory

    for _ in range(32):
        user = UserFactory()
        Profile.objects.create(user=user, visibility="public")
        add_member(org, user, is_contact_person=True)
    hidden = UserFactory(display_name="Nicht Sichtbar")
    Profile.objects.create(user=hidden, visibility="nobody")
    add_member(org, hidden, is_contact_person=True)
    html = client.get(f"/en/organisations/{org.slug}/").content.decode()
    assert html.count("/en/people/") == 32
    assert "Nicht Sichtbar" not in html


# --- edit ---------------------------------------------------------------------------------


def test_admin_edits_the_organisation(client, org, volunteer, stendal):
    client.force_login(volunteer)
    url = f"/en/organisations/{org.slug}/edit/"
    form = client.get(url)
    assert form.status_code == 200
    assert org.name in form.content.decode()
    response = client.post(url, valid_post(stendal, name="Willkommen in Stendal e.V.", description="Neu"))
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.description == "Neu"
    assert org.slug == "willkommen-in-stendal-ev-stendal"  # the address stays
    assert AuditEntry.objects.filter(verb="organisation.updated").exists()
    assert SearchEntry.objects.get(kind="organisation", object_id=org.pk).document.count("neu") >= 1


def test_renaming_removes_the_verification(client, org, volunteer, coordinator, stendal):
    client.force_login(coordinator)
    client.post(f"/en/organisations/{org.slug}/verify/")
    org.refresh_from_db()
    assert org.is_verified
    client.force_login(volunteer)
    client.post(f"/en/organisations/{org.slug}/edit/", valid_post(stendal, name="Ganz anderer Name"))
    org.refresh_from_db()
    assert org.name == "Ganz anderer Name"
    assert not org.is_verified


def test_edit_to_a_taken_name_is_refused(client, org, make_org, volunteer, coordinator, stendal):
    make_org(coordinator, name="Tafel Stendal", municipality=stendal)
    client.force_login(volunteer)
    response = client.post(f"/en/organisations/{org.slug}/edit/", valid_post(stendal, name="TAFEL STENDAL"))
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    org.refresh_from_db()
    assert org.name == "Willkommen in Stendal e.V."


def test_moving_follows_the_new_municipality_centre(client, org, volunteer, stendal, regions):
    tangerhuette = regions["stendal"].municipalities.get(name="Tangerhütte")
    client.force_login(volunteer)
    # The form shows the old centre; the member only changes the municipality.
    data = valid_post(
        tangerhuette,
        name=org.name,
        latitude=str(stendal.latitude),
        longitude=str(stendal.longitude),
    )
    client.post(f"/en/organisations/{org.slug}/edit/", data)
    org.refresh_from_db()
    assert (org.latitude, org.longitude) == (tangerhuette.latitude, tangerhuette.longitude)


def test_logo_upload_replace_and_remove(client, org, volunteer, stendal):
    client.force_login(volunteer)
    url = f"/en/organisations/{org.slug}/edit/"
    logo = SimpleUploadedFile("a.png", image_bytes("PNG"), content_type="image/png")
    client.post(url, {**valid_post(stendal, name=org.name), "logo": logo})
    org.refresh_from_db()
    first = org.logo.name
    assert first
    response = client.get(f"/en/organisations/{org.slug}/logo/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert "Remove the current logo" in client.get(url).content.decode()
    client.post(url, {**valid_post(stendal, name=org.name), "remove_logo": "on"})
    org.refresh_from_db()
    assert not org.logo
    assert client.get(f"/en/organisations/{org.slug}/logo/").status_code == 404


def test_logo_of_members_only_organisation_is_404_for_visitors(client, members_only_org, migrant_org_chair):
    from django.core.files.base import ContentFile

    members_only_org.logo.save("logo.png", ContentFile(image_bytes("PNG")), save=True)
    url = f"/en/organisations/{members_only_org.slug}/logo/"
    assert client.get(url).status_code == 404
    client.force_login(migrant_org_chair)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


# --- verify -------------------------------------------------------------------------------


def test_stendal_coordinator_verifies_a_stendal_organisation(client, org, coordinator):
    client.force_login(coordinator)
    assert client.get(f"/en/organisations/{org.slug}/verify/").status_code == 405
    response = client.post(f"/en/organisations/{org.slug}/verify/")
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.is_verified and org.verified_by == coordinator
    entry = AuditEntry.objects.get(verb="organisation.verified")
    assert entry.region.slug == "stendal"
    assert "verified" in client.get(f"/en/organisations/{org.slug}/").content.decode()
    client.post(f"/en/organisations/{org.slug}/verify/", {"action": "unverify"})
    org.refresh_from_db()
    assert not org.is_verified
    assert AuditEntry.objects.filter(verb="organisation.unverified", region__slug="stendal").exists()


def test_stendal_coordinator_cannot_verify_in_burgenlandkreis(client, members_only_org, coordinator):
    client.force_login(coordinator)
    response = client.post(f"/en/organisations/{members_only_org.slug}/verify/")
    assert response.status_code == 403
    members_only_org.refresh_from_db()
    assert not members_only_org.is_verified


def test_network_admin_verifies_anywhere(client, members_only_org, network_admin):
    client.force_login(network_admin)
    client.post(f"/en/organisations/{members_only_org.slug}/verify/")
    members_only_org.refresh_from_db()
    assert members_only_org.verified_by == network_admin


# --- delete -------------------------------------------------------------------------------


def test_admin_deletes_after_confirmation(client, org, volunteer):
    client.force_login(volunteer)
    url = f"/en/organisations/{org.slug}/delete/"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert Organisation.objects.filter(pk=org.pk).exists()  # GET changes nothing
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == "/en/organisations/"
    assert not Organisation.objects.filter(pk=org.pk).exists()
    assert not Membership.objects.filter(organisation_id=org.pk).exists()
    assert not SearchEntry.objects.filter(title=org.name).exists()
    assert AuditEntry.objects.filter(verb="organisation.deleted").exists()


def test_network_admin_may_delete(client, org, network_admin):
    client.force_login(network_admin)
    client.post(f"/en/organisations/{org.slug}/delete/")
    assert not Organisation.objects.filter(pk=org.pk).exists()


def test_without_a_point_the_route_goes_to_the_address(make_org, volunteer, stendal):
    organisation = make_org(volunteer, name="Tafel", municipality=stendal, street="Hallstraße 5", postcode="39576")
    organisation.latitude = organisation.longitude = None
    assert organisation.route_url == ("https://www.openstreetmap.org/search?query=Hallstra%C3%9Fe+5+39576+Stendal")
