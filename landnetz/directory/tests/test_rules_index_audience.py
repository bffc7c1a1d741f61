"""A profile's index entry names only the organisations its audience may see.

A public profile's entry is searched by anonymous visitors: the name of a members-only
organisation in it would let anyone find out who belongs to that organisation (search
for the name, get the people). Organisations become part of an entry when a membership
is approved, and again when the whole index is rebuilt (``rebuild_search``); both paths are checked.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from landnetz.accounts import services as account_services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality
from landnetz.directory.queries import Criteria, search
from landnetz.organisations import services as organisation_services
from landnetz.search import index

pytestmark = pytest.mark.django_db

SECRET_CLUB = "Verschwiegener Gesprächskreis Weißenfels"
OPEN_CLUB = "Offene Fahrradwerkstatt Stendal"


def show_profile(user, visibility):
    data = {
        "visibility": visibility,
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
    account_services.update_profile(user=user, profile=profile_of(user), data=data, languages=[])


def join(user, organisation, admin):
    membership = organisation_services.request_to_join(actor=user, organisation=organisation)
    organisation_services.approve_request(actor=admin, membership=membership)


@pytest.fixture
def clubs(migrant_org_chair, room_owner):
    secret = organisation_services.create_organisation(
        actor=migrant_org_chair,
        name=SECRET_CLUB,
        municipality=Municipality.objects.get(name="Weißenfels"),
        kind="club",
        sector="civil_society",
        visibility="members",
    )
    open_club = organisation_services.create_organisation(
        actor=room_owner,
        name=OPEN_CLUB,
        municipality=Municipality.objects.get(name="Stendal"),
        kind="club",
        sector="civil_society",
        visibility="public",
    )
    return secret, open_club


@pytest.fixture
def public_member(volunteer, clubs, migrant_org_chair, room_owner):
    """Helga shows her profile to everyone and belongs to both clubs."""
    secret, open_club = clubs
    show_profile(volunteer, "public")
    join(volunteer, secret, migrant_org_chair)
    join(volunteer, open_club, room_owner)
    return volunteer


@pytest.fixture
def members_only_member(newcomer, clubs, migrant_org_chair):
    """Olena shows her profile to members only and belongs to the members-only club."""
    show_profile(newcomer, "members")
    join(newcomer, clubs[0], migrant_org_chair)
    return newcomer


def found(viewer, text):
    """The people (not organisations) a search finds."""
    return {entry.title for entry in search(viewer, Criteria(text=text, kind="person"))}


def test_anonymous_search_for_a_members_only_organisation_finds_nobody(public_member, members_only_member):
    assert found(AnonymousUser(), "Verschwiegener Gesprächskreis") == set()
    # The public club is named in her public entry: organisations are indexed at all.
    assert found(AnonymousUser(), "Fahrradwerkstatt") == {"Helga Wiesner"}


def test_anonymous_directory_page_does_not_reveal_the_members_of_a_members_only_organisation(client, public_member):
    page = client.get("/de/directory/", {"q": "Verschwiegener Gesprächskreis"}).content.decode()
    assert "Helga Wiesner" not in page
    page = client.get("/de/directory/", {"q": "Fahrradwerkstatt"}).content.decode()
    assert "Helga Wiesner" in page


def test_members_find_a_members_only_profile_by_its_members_only_organisation(
    public_member, members_only_member, room_owner
):
    # Olena's entry is for members: the members-only club may be named there …
    assert found(room_owner, "Verschwiegener Gesprächskreis") == {"Olena Kovalenko"}
    # … Helga's public entry never names it, not even for members.
    assert "Helga Wiesner" not in found(room_owner, "Verschwiegener")


def test_bulk_rebuild_names_the_same_organisations(public_member, members_only_member, room_owner):
    assert index.rebuild(["person"]) >= 2
    assert found(AnonymousUser(), "Verschwiegener Gesprächskreis") == set()
    assert found(AnonymousUser(), "Fahrradwerkstatt") == {"Helga Wiesner"}
    assert found(room_owner, "Verschwiegener Gesprächskreis") == {"Olena Kovalenko"}
