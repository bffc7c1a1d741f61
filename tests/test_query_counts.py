"""Every list and detail page runs as many queries with much data as with little.

Each page is measured at a small data set and again after ``grow`` added many more rows of
what the page shows (and of the rest of the network), with the cache cleared before each
measurement; the counts must be equal (``tests/querycount.py``). A page whose queries grow
with its rows (N+1) fails here, whatever its count at one size.
"""

import itertools

import pytest
from django.utils import timezone

from landnetz.accounts import services as account_services
from landnetz.accounts.models import Profile, User
from landnetz.accounts.queries import profile_of
from landnetz.core import services as core_services
from landnetz.core.models import Municipality, Topic
from landnetz.core.queries import privacy_statement_version
from landnetz.organisations import services as organisation_services
from landnetz.organisations.models import Invitation, Membership
from tests.querycount import assert_flat

pytestmark = pytest.mark.django_db

MORE = 12  # of each kind of row grow() adds; the small data set has one or two
SECTORS = ["civil_society", "business", "health"]
VISIBILITIES = ["public", "members", "nobody"]
LANGUAGES = [("ar", "native"), ("de", "good"), ("uk", "fluent"), ("prs", "basic"), ("fa", "good"), ("tr", "basic")]
VISITORS = [None, "outsider"]  # a visitor without login and a member

_numbers = itertools.count()


def place(name="Stendal") -> Municipality:
    return Municipality.objects.select_related("region").get(name=name)


def topics(count: int) -> list[Topic]:
    return list(Topic.objects.order_by("pk")[:count])


def member(where="Stendal", *, visibility=None, sector="") -> User:
    """A member (no password, no e-mail record: cheap), with a bare profile if ``visibility``."""
    number = next(_numbers)
    municipality = place(where)
    user = User.objects.create(
        email=f"zyx{number}@example.org",
        display_name=f"Zyx Person {number}",
        region=municipality.region,
        municipality=municipality,
        privacy_consent_at=timezone.now(),
        privacy_consent_version=privacy_statement_version(),
    )
    if visibility is not None:
        Profile.objects.create(user=user, visibility=visibility, sector=sector)
    return user


def person(*, user=None, where="Stendal", visibility="public", sector="health", topic_count=2, languages=None):
    """A member with a full profile, saved through the service (so the directory indexes it)."""
    user = user or member(where)
    data = {
        "visibility": visibility,
        "bio": "Ich helfe bei **Behördengängen**.",
        "sector": sector,
        "job_title": "Sprachmittlerin",
        "municipality": user.municipality_id,
        "topics": topics(topic_count),
        "is_interpreter": True,
        "open_to_newcomers": True,
        "contact_email": f"kontakt.{user.pk}@example.org",
        "contact_email_visibility": "members",
        "phone": "03931 123456",
        "phone_visibility": "public",
        "messenger": "",
        "messenger_visibility": "nobody",
        "office_hours": "Di 15–17 Uhr",
        "office_hours_visibility": "public",
    }
    languages = LANGUAGES[:2] if languages is None else languages
    account_services.update_profile(user=user, profile=profile_of(user), data=data, languages=list(languages))
    return user


def organisation(admin=None, *, where="Stendal", sector="civil_society", visibility="public", topic_count=2):
    """An organisation through the service (indexed, audited, ``admin`` its administrator)."""
    return organisation_services.create_organisation(
        actor=admin or member(where),
        name=f"Zyx Verein {next(_numbers)}",
        municipality=place(where),
        kind="club",
        sector=sector,
        visibility=visibility,
        description="Wir treffen uns **dienstags**.",
        topics=topics(topic_count),
        languages=["ar", "de"],
    )


def network(count: int, *, viewer=None) -> None:
    """``count`` more of everything: people, organisations with contact persons, audit entries,
    and unread notifications for the viewer (the header counts them on every page)."""
    from landnetz.notifications.models import Notification

    for index in range(count):
        where = ["Stendal", "Tangerhütte", "Weißenfels"][index % 3]
        someone = person(where=where, sector=SECTORS[index % 3], visibility=VISIBILITIES[index % 3])
        club = organisation(someone, where=where, sector=SECTORS[index % 3], visibility=VISIBILITIES[index % 2])
        Membership.objects.create(organisation=club, user=member(visibility="public"), is_contact_person=True)
        if viewer is not None:
            Notification.objects.create(recipient=viewer, kind="test.grown", actor=someone)


def count(needle: str):
    return lambda html: html.count(needle)


def login(client, request, persona):
    if persona is None:
        return None
    user = request.getfixturevalue(persona)
    client.force_login(user)
    return user


# --- pages that list no members' data ----------------------------------------------------------


@pytest.mark.parametrize("persona", VISITORS)
@pytest.mark.parametrize("url", ["/de/", "/de/regions/", "/de/regions/?postcode=39517"])
def test_home_and_region_list(client, request, regions, persona, url):
    viewer = login(client, request, persona)
    network(1, viewer=viewer)
    assert_flat(client, url, grow=lambda: network(MORE, viewer=viewer))


@pytest.mark.parametrize("persona", [None, "network_admin"])  # the admin also gets the edit button
@pytest.mark.parametrize("path", ["/de/legal/impressum/", "/uk/legal/leichte-sprache/"])  # own text, fallback
def test_legal_page(client, request, regions, persona, path, network_admin):
    viewer = login(client, request, persona)
    network(1, viewer=viewer)

    def grow():
        network(MORE, viewer=viewer)
        for slug in ("impressum", "leichte-sprache"):
            for version in range(MORE):  # every edit is a new version and an audit entry
                core_services.save_legal_page(
                    actor=network_admin, slug=slug, language="de", title="Titel", body=f"Stand {version}"
                )

    assert_flat(client, path, grow=grow)


def test_preferences(client, volunteer):
    client.force_login(volunteer)
    network(1, viewer=volunteer)

    def grow():
        network(MORE, viewer=volunteer)
        for _ in range(3):  # her own organisations
            Membership.objects.create(organisation=organisation(), user=volunteer)

    assert_flat(client, "/de/accounts/preferences/", grow=grow)


# --- region page ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", [None, "outsider", "coordinator"])
def test_region_page(client, request, regions, persona):
    login(client, request, persona)

    def grow(count):
        for index in range(count):
            sector, visibility = SECTORS[index % 3], VISIBILITIES[index % 3]
            member(visibility=visibility, sector=sector)  # counted by sector
            organisation(sector=sector, visibility=VISIBILITIES[index % 2], topic_count=0)
            coordinator = member(visibility=VISIBILITIES[index % 3])  # named, or only counted
            coordinator.coordinated_regions.add(regions["stendal"])

    grow(1)
    small, large = assert_flat(
        client, "/de/regions/stendal/", grow=lambda: grow(2 * MORE), shows=count('href="/de/organisations/zyx-')
    )
    assert count("/de/people/")(large.content.decode()) > count("/de/people/")(small.content.decode())


# --- directory -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", VISITORS)
@pytest.mark.parametrize(
    ("query", "headers"),
    [
        ({}, {}),  # browsing: everything visible
        ({"region": "stendal", "language": "ar", "interpreter": "on"}, {}),  # filters only
        ({"q": "Sprachmittlerin", "region": "stendal"}, {}),  # full-text search with a filter
        ({"q": "Verein", "kind": "organisation", "topic": "sprachkurse"}, {}),
        ({"q": "Sprachmittlerin", "near": "Stendal", "sort": "distance"}, {}),
        ({"q": "Sprachmittlerin"}, {"HX-Request": "true"}),  # the results fragment (htmx)
    ],
    ids=["browse", "filters", "search", "organisations", "distance", "htmx"],
)
def test_directory(client, request, regions, persona, query, headers):
    login(client, request, persona)

    def grow(count):
        for index in range(count):
            someone = person(visibility=VISIBILITIES[index % 2], sector=SECTORS[index % 3])
            organisation(someone, sector=SECTORS[index % 3], topic_count=10)

    grow(2)
    url = "/de/directory/?" + "&".join(f"{key}={value}" for key, value in query.items())
    assert_flat(client, url, grow=lambda: grow(MORE), shows=count("ln-result"), headers=headers)


# --- people ----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", [None, "outsider", "owner"])
def test_profile_page(client, request, regions, persona):
    owner = person(topic_count=1, languages=LANGUAGES[:1])
    if persona == "owner":
        client.force_login(owner)
    else:
        login(client, request, persona)
    Membership.objects.create(organisation=organisation(), user=owner)

    def grow():
        person(user=owner, topic_count=12, languages=LANGUAGES)  # more topics and languages
        for index in range(MORE):  # her organisations: public and members-only, active and requested
            club = organisation(visibility=VISIBILITIES[index % 2], topic_count=0)
            Membership.objects.create(organisation=club, user=owner, status=["active", "requested"][index % 4 // 3])

    assert_flat(client, f"/de/people/{owner.pk}/", grow=grow, shows=count('href="/de/organisations/zyx-'))


def test_profile_edit(client, volunteer, regions):
    person(user=volunteer, topic_count=1, languages=LANGUAGES[:1])
    client.force_login(volunteer)

    def grow():
        for number in range(MORE):  # more topics to choose from
            Topic.objects.create(slug=f"zyx-thema-{number}", name=f"Zyx Thema {number}", translations={"en": "x"})
        person(user=volunteer, topic_count=2 * MORE, languages=LANGUAGES)  # and more chosen

    assert_flat(client, "/de/accounts/profile/", grow=grow, shows=count("checked"))


# --- organisations -----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", [None, "outsider", "coordinator"])
@pytest.mark.parametrize("query", ["", "?sector=civil_society", "?region=stendal", "?region=stendal&page=2"])
def test_organisation_list(client, request, regions, persona, query):
    viewer = login(client, request, persona)

    def grow(count, visibilities=("public", "members")):
        for index in range(count):
            club = organisation(visibility=visibilities[index % 2], topic_count=1 + index % 4)
            if viewer is not None and index % 5 == 0:  # "my organisations" above the list
                Membership.objects.create(organisation=club, user=viewer)

    if "page=2" in query:
        grow(27, visibilities=("public", "public"))  # 25 on the first page, 2 on the second
    else:
        grow(2)
    assert_flat(client, f"/de/organisations/{query}", grow=lambda: grow(2 * MORE), shows=count("ln-result"))


@pytest.mark.parametrize("persona", [None, "outsider", "admin"])
def test_organisation_page(client, request, regions, persona):
    admin = member(visibility="public")
    club = organisation(admin, topic_count=1)
    if persona == "admin":
        client.force_login(admin)
    else:
        login(client, request, persona)

    def grow(count, topic_count):
        for index in range(count):  # contact persons with every profile visibility, and plain members
            user = member(visibility=VISIBILITIES[index % 3])
            Membership.objects.create(organisation=club, user=user, is_contact_person=True)
            Membership.objects.create(organisation=club, user=member(visibility="public"))
        club.topics.set(topics(topic_count))
        for code, _level in LANGUAGES:
            club.languages.get_or_create(code=code)

    grow(1, topic_count=1)
    assert_flat(client, f"/de/organisations/{club.slug}/", grow=lambda: grow(MORE, 12), shows=count("/de/people/"))


def test_organisation_members_page(client, regions, volunteer):
    club = organisation(volunteer)
    client.force_login(volunteer)

    def grow(count):
        for index in range(count):
            role, contact = ["member", "admin"][index % 2], index % 3 == 0
            Membership.objects.create(organisation=club, user=member(), role=role, is_contact_person=contact)
            Membership.objects.create(organisation=club, user=member(), status="requested")
            email = f"eingeladen{next(_numbers)}@example.org"
            Invitation.objects.create(organisation=club, email=email, invited_by=volunteer)

    grow(1)
    assert_flat(
        client, f"/de/organisations/{club.slug}/members/", grow=lambda: grow(MORE), shows=count('name="action"')
    )


# --- coordinators and network admins -----------------------------------------------------------


def test_topics(client, coordinator):
    client.force_login(coordinator)

    def grow():
        for number in range(MORE):
            topic = Topic.objects.create(slug=f"zyx-{number}", name=f"Zyx {number}", translations={"en": "Zyx"})
            Profile.objects.create(user=member(), visibility="public").topics.add(topic)
            organisation(topic_count=0).topics.add(topic)

    assert_flat(client, "/de/topics/", grow=grow, shows=count("<tr"))


@pytest.mark.parametrize("page", ["", "?page=2"])
def test_audit_log(client, network_admin, regions, page):
    client.force_login(network_admin)

    def grow(count):
        for _ in range(count):  # each by another member, about another object, in a region
            someone = member()
            core_services.audit(actor=someone, verb="test.action", obj=someone, region=regions["stendal"])
            core_services.audit(actor=None, verb="test.system", data={"n": 1})

    grow(1 if not page else 27)
    assert_flat(client, f"/de/audit/{page}", grow=lambda: grow(3 * MORE), shows=count("<tr"))
