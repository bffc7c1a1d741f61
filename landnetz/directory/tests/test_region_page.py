"""The region page: its members as far as each shows themselves to the viewer, its
municipalities as links to a nearby search, and a CSV export of what it lists."""

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext

from landnetz.accounts import services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality
from landnetz.directory.tests.test_search import make_person
from landnetz.directory.views import PAGE_SIZE
from tests.factories import UserFactory
from tests.html import parse
from tests.querycount import assert_flat
from tests.test_query_counts import MORE, organisation, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def stendal_people(regions):
    return {
        "public": make_person(regions, "Paula Public", "Stendal", job="Sprachmittlerin", visibility="public"),
        "members": make_person(regions, "Mona Members", "Tangerhütte", job="Lehrerin", visibility="members"),
        "nobody": make_person(regions, "Nora Nobody", "Stendal", job="Ärztin", visibility="nobody"),
        "elsewhere": make_person(regions, "Ella Elsewhere", "Naumburg (Saale)", visibility="public"),
    }


def member_names(client, url="/de/regions/stendal/") -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    lists = parse(response.content).find("section", id="members").find_all("ul", class_="ln-members")
    return [item.find("a").text() for item in lists[0].find_all("li")] if lists else []


def test_a_visitor_sees_only_public_profiles(client, stendal_people):
    assert member_names(client) == ["Paula Public"]


def test_a_member_also_sees_profiles_shown_to_members(client, stendal_people, outsider):
    client.force_login(outsider)
    assert member_names(client) == ["Mona Members", "Paula Public"]


def test_each_member_links_to_their_profile(client, stendal_people):
    section = parse(client.get("/de/regions/stendal/").content).find("section", id="members")
    assert [link["href"] for link in section.find_all("a", class_="kern-link") if "/people/" in link["href"]] == [
        f"/de/people/{stendal_people['public'].pk}/"
    ]


def test_nobody_visible_says_what_to_do_next(client, regions, outsider):
    make_person(regions, "Nora Nobody", "Stendal", visibility="nobody")
    html = client.get("/de/regions/stendal/").content.decode()
    section = parse(html).find("section", id="members")
    with translation.override("de"):
        empty = gettext("No member of this region shows their profile to visitors yet.")
    assert empty in section.text()
    hrefs = {link["href"] for link in section.find_all("a")}
    assert "/de/accounts/login/?next=/de/regions/stendal/" in hrefs
    assert "/de/accounts/signup/" in hrefs

    client.force_login(outsider)
    section = parse(client.get("/de/regions/stendal/").content).find("section", id="members")
    with translation.override("de"):
        assert gettext("No member of this region shows their profile to you yet.") in section.text()


def test_members_are_paginated(client, regions):
    for number in range(PAGE_SIZE + 1):
        make_person(regions, f"Person {number:02d}", "Stendal", visibility="public")
    assert len(member_names(client)) == PAGE_SIZE
    assert member_names(client, "/de/regions/stendal/?page=2") == ["Person 20"]
    nav = parse(client.get("/de/regions/stendal/").content).find("nav", class_="ln-pagination")
    assert nav.find("a", rel="next")["href"] == "?page=2"


def test_municipalities_link_to_a_nearby_search(client, regions):
    document = parse(client.get("/de/regions/stendal/").content)
    table = document.find("section", **{"aria-labelledby": "municipalities-heading"}).find("table")
    names = set(Municipality.objects.filter(region=regions["stendal"]).values_list("name", flat=True))
    hrefs = [link["href"] for link in table.find_all("a")]
    assert len(hrefs) == len(names)
    places = {parse_qs(urlsplit(href).query)["near"][0] for href in hrefs}
    assert places == names
    assert all(urlsplit(href).path == "/de/directory/" for href in hrefs)
    for link in table.find_all("a"):  # the visible name starts the link's name (label in name)
        assert link.text().startswith(parse_qs(urlsplit(link["href"]).query)["near"][0])


def test_a_municipality_link_finds_the_nearest_first(client, regions):
    make_person(regions, "Dora Distant", "Naumburg (Saale)", visibility="public")
    make_person(regions, "Tina Tangerhütte", "Tangerhütte", visibility="public")
    document = parse(client.get("/de/regions/stendal/").content)
    (href,) = [link["href"] for link in document.find_all("a") if "near=Tangerh" in link["href"]]
    html = client.get(href).content.decode()
    assert 'aria-invalid="true"' not in html
    assert "Tina Tangerhütte" in html
    assert "Dora Distant" not in html  # outside the default radius


# --- CSV export ------------------------------------------------------------------------------


def export(client, region="stendal") -> list[list[str]]:
    response = client.get(f"/de/regions/{region}/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="landnetz-{region}.csv"'
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    # Semicolon-separated, as German spreadsheets expect.
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_page_links_to_its_export(client, regions):
    document = parse(client.get("/de/regions/stendal/").content)
    assert document.find("a", href="/de/regions/stendal/export.csv")


def test_the_export_lists_what_the_visitor_may_see(client, stendal_people, volunteer):
    public = organisation(volunteer, visibility="public")
    members_only = organisation(volunteer, visibility="members")
    organisation(volunteer, where="Weißenfels", visibility="public")  # another region
    rows = export(client)
    with translation.override("de"):
        assert rows[0][:2] == [gettext("Type"), gettext("Name")]
    names = [row[1] for row in rows[1:]]
    assert names == [public.name, "Paula Public"]  # organisations first, then people
    (paula,) = [row for row in rows if row[1] == "Paula Public"]
    assert "Sprachmittlerin" in paula
    assert "Stendal" in paula
    assert paula[-1] == f"http://testserver/de/people/{stendal_people['public'].pk}/"
    assert members_only.name not in names


def test_the_export_of_a_member_adds_what_members_may_see(client, stendal_people, volunteer, outsider):
    members_only = organisation(volunteer, visibility="members")
    client.force_login(outsider)
    names = [row[1] for row in export(client)[1:]]
    assert names == [members_only.name, "Mona Members", "Paula Public"]
    assert "Nora Nobody" not in names and "Ella Elsewhere" not in names


def test_the_export_holds_only_what_the_profile_shows(client, regions):
    user = make_person(
        regions, "Pia Phone", "Stendal", visibility="public", phone="03931 99999", phone_visibility="nobody"
    )
    content = "".join(",".join(row) for row in export(client))
    assert "Pia Phone" in content
    assert "99999" not in content
    assert user.email not in content


def test_the_export_is_safe_from_formula_injection(client, regions):
    place = Municipality.objects.get(name="Stendal")
    for name, job in [('=HYPERLINK("http://evil")', "+49 Job"), ("@SUM(A1)", "-1+2")]:
        user = UserFactory(display_name=name, region=place.region, municipality=place)
        data = {
            "visibility": "public", "bio": "", "sector": "", "job_title": job, "municipality": place.pk,
            "topics": [], "is_interpreter": False, "open_to_newcomers": False,
            "contact_email": "", "contact_email_visibility": "nobody", "phone": "", "phone_visibility": "nobody",
            "messenger": "", "messenger_visibility": "nobody", "office_hours": "", "office_hours_visibility": "nobody",
        }  # fmt: skip
        services.update_profile(user=user, profile=profile_of(user), data=data, languages=[])
    cells = [cell for row in export(client)[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil")' in cells
    assert "'@SUM(A1)" in cells
    assert "'+49 Job" in cells
    assert "'-1+2" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


# --- constant queries ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", [None, "outsider", "coordinator"])
@pytest.mark.parametrize("path", ["/de/regions/stendal/", "/de/regions/stendal/export.csv"])
def test_region_page_and_export_run_constant_queries(client, request, regions, persona, path):
    if persona:
        client.force_login(request.getfixturevalue(persona))

    def grow(count):
        for index in range(count):
            visibility = ["public", "members", "nobody"][index % 3]
            person(visibility=visibility, sector="health", topic_count=2)
            organisation(sector="civil_society", visibility=["public", "members"][index % 2], topic_count=2)

    grow(2)
    assert_flat(client, path, grow=lambda: grow(MORE), shows=lambda html: html.count("Zyx Person"))
