"""Directory search through HTTP and through the query interface, on SQLite and PostgreSQL alike."""

import pytest

from landnetz.accounts import services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality, Topic
from landnetz.directory.queries import Criteria, search
from landnetz.search.index import reindex
from tests.factories import UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def make_person(
    regions,
    name,
    municipality,
    *,
    visibility="public",
    bio="",
    job="",
    sector="",
    topics=(),
    languages=(),
    interpreter=False,
    phone="",
    phone_visibility="nobody",
):
    place = Municipality.objects.get(name=municipality)
    user = UserFactory(display_name=name, region=place.region, municipality=place)
    data = {
        "visibility": visibility,
        "bio": bio,
        "sector": sector,
        "job_title": job,
        "municipality": place.pk,
        "topics": list(Topic.objects.filter(slug__in=topics)),
        "is_interpreter": interpreter,
        "open_to_newcomers": False,
        "contact_email": "",
        "contact_email_visibility": "nobody",
        "phone": phone,
        "phone_visibility": phone_visibility,
        "messenger": "",
        "messenger_visibility": "nobody",
        "office_hours": "",
        "office_hours_visibility": "nobody",
    }
    services.update_profile(user=user, profile=profile_of(user), data=data, languages=list(languages))
    return user


@pytest.fixture
def people(regions):
    return {
        "farida": make_person(
            regions,
            "Farida Ahmadi",
            "Stendal",
            job="Sprachmittlerin",
            interpreter=True,
            languages=[("prs", "native"), ("fa", "fluent")],
            sector="civil_society",
            topics=["sprachmittlung"],
        ),
        "karim": make_person(
            regions,
            "Karim Noori",
            "Naumburg (Saale)",
            job="Sprachmittler",
            interpreter=True,
            languages=[("prs", "native")],
        ),
        "anna": make_person(
            regions,
            "Anna Krüger",
            "Tangerhütte",
            job="Ärztin",
            bio="Hausärztin in Tangerhütte",
            sector="health",
            topics=["gesundheit"],
            visibility="members",
        ),
        "hidden": make_person(
            regions,
            "Geheim Versteckt",
            "Stendal",
            job="Sprachmittlerin",
            visibility="nobody",
            interpreter=True,
            languages=[("prs", "native")],
        ),
    }


def titles(viewer, **criteria):
    return [entry.title for entry in search(viewer, Criteria(**criteria))]


def test_dari_interpreter_in_stendal_is_one_search(people, regions, volunteer):
    found = titles(volunteer, language="prs", interpreter=True, region=regions["stendal"])
    assert found == ["Farida Ahmadi"]


def test_typos_and_missing_umlauts(people, volunteer):
    assert "Anna Krüger" in titles(volunteer, text="Aerztin")
    assert "Anna Krüger" in titles(volunteer, text="ärztin")
    assert set(titles(volunteer, text="Sprachmitler")) == {"Farida Ahmadi", "Karim Noori"}
    assert "Anna Krüger" in titles(volunteer, text="Hausaerztin Tangerhuette")


def test_stemming_finds_inflected_forms(people, volunteer):
    assert set(titles(volunteer, text="Sprachmittlerinnen")) >= {"Farida Ahmadi"}


def test_anonymous_sees_only_public_profiles(people):
    from django.contrib.auth.models import AnonymousUser

    assert "Anna Krüger" not in titles(AnonymousUser(), text="Ärztin")
    assert "Geheim Versteckt" not in titles(AnonymousUser(), text="Sprachmittlerin")


def test_hidden_profile_is_never_found(people, volunteer):
    assert "Geheim Versteckt" not in titles(volunteer, text="Geheim")
    assert "Geheim Versteckt" not in titles(volunteer, language="prs")


def test_sort_by_distance(people, volunteer):
    near = Municipality.objects.get(name="Naumburg (Saale)")
    found = titles(volunteer, language="prs", near=near, sort="distance")
    assert found == ["Karim Noori", "Farida Ahmadi"]


def test_hidden_phone_never_in_html(client, regions, volunteer):
    make_person(regions, "Telefon Test", "Stendal", job="Beraterin", phone="+49 3931 123456", phone_visibility="nobody")
    client.force_login(volunteer)
    html = client.get("/de/directory/", {"q": "Beraterin"}).content.decode()
    assert "Telefon Test" in html
    assert "123456" not in html


def test_search_page_filters_and_htmx_fragment(client, people, volunteer, regions):
    client.force_login(volunteer)
    response = client.get("/de/directory/", {"language": "prs", "interpreter": "on", "region": "stendal"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Farida Ahmadi" in html and "Karim Noori" not in html
    fragment = client.get("/de/directory/", {"language": "prs"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    assert 'role="status"' in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]


def test_bad_filters_get_a_message(client, people):
    response = client.get("/de/directory/", {"language": "klingon", "region": "atlantis", "q": "x\u202e"})
    assert response.status_code == 200
    assert "ln-error-summary" in response.content.decode()


def test_near_accepts_postcode_or_place_name(client, people, volunteer):
    client.force_login(volunteer)
    far = {"language": "prs", "radius": "any"}
    html = client.get("/de/directory/", {**far, "near": "06618", "sort": "distance"}).content.decode()
    assert html.index("Karim Noori") < html.index("Farida Ahmadi")  # 06618 is Naumburg
    html = client.get("/de/directory/", {**far, "near": "Stendal", "sort": "distance"}).content.decode()
    assert html.index("Farida Ahmadi") < html.index("Karim Noori")
    html = client.get("/de/directory/", {**far, "near": "Naumburg"}).content.decode()
    assert "km" in html
    response = client.get("/de/directory/", {"near": "Atlantis"})
    assert "ln-error-summary" in response.content.decode()
    assert 'value="Atlantis"' in response.content.decode()


@pytest.mark.parametrize("typed", ["Tangerhütte", "Tangerhuette", "Tangerhutte", "tangerhütte", "Tangerhü"])
def test_a_place_is_found_however_its_umlauts_are_typed(client, people, volunteer, typed):
    client.force_login(volunteer)
    response = client.get("/de/directory/", {"near": typed, "radius": "any"})
    html = response.content.decode()
    assert "ln-error-summary" not in html
    assert "km" in html


def test_a_place_sorts_by_distance_unless_another_order_is_chosen(client, regions, volunteer):
    """The form sends its defaults (empty sort): a place means nearest first, also with text."""
    make_person(regions, "Zora Zander", "Tangerhütte", job="Sprachmittler")
    make_person(regions, "Berta Abendroth", "Stendal", job="Sprachmittlerin")
    make_person(regions, "Carla Albrecht", "Gardelegen", job="Sprachmittlerin")
    client.force_login(volunteer)

    for text in ("", "Sprachmittler"):
        html = client.get("/de/directory/", {"q": text, "near": "Tangerhütte", "sort": "", "radius": "50"}).content
        html = html.decode()
        assert html.index("Zora Zander") < html.index("Berta Abendroth") < html.index("Carla Albrecht")
    html = client.get("/de/directory/", {"near": "Tangerhütte", "sort": "name", "radius": "50"}).content.decode()
    assert html.index("Berta Abendroth") < html.index("Carla Albrecht") < html.index("Zora Zander")


def test_the_radius_leaves_out_what_lies_farther(client, regions, volunteer):
    make_person(regions, "Anton Zander", "Tangerhütte", job="Sprachmittler")  # the place itself
    make_person(regions, "Berta Abendroth", "Stendal", job="Sprachmittlerin")  # about 20 km
    make_person(regions, "Carla Albrecht", "Gardelegen", job="Sprachmittlerin")  # about 40 km
    make_person(regions, "Dora Kühn", "Naumburg (Saale)", job="Sprachmittlerin")  # about 150 km
    client.force_login(volunteer)

    def shown(radius):
        html = client.get("/de/directory/", {"near": "Tangerhütte", "radius": radius}).content.decode()
        return {name for name in ("Anton", "Berta", "Carla", "Dora") if f"{name} " in html}

    assert shown("10") == {"Anton"}
    assert shown("") == shown("25") == {"Anton", "Berta"}  # the default
    assert shown("50") == {"Anton", "Berta", "Carla"}
    assert shown("any") == {"Anton", "Berta", "Carla", "Dora"}
    response = client.get("/de/directory/", {"near": "Tangerhütte", "radius": "7"})
    assert "ln-error-summary" in response.content.decode()


def test_region_page_shows_the_three_legs(client, regions, coordinator, volunteer):
    from landnetz.organisations.models import Organisation

    stendal = Municipality.objects.get(name="Stendal")
    for index in range(10):
        Organisation.objects.create(
            name=f"Verein {index:02d}",
            slug=f"verein-{index}",
            kind="club",
            sector="civil_society",
            municipality=stendal,
        )
    Organisation.objects.create(
        name="Nur für Mitglieder",
        slug="intern",
        kind="club",
        sector="business",
        municipality=stendal,
        visibility="members",
    )
    # Created without the services: index them as the services would (the overview reads the index).
    reindex("organisation", Organisation.objects.filter(municipality=stendal))
    make_person(regions, "Sektor Person", "Stendal", sector="health")
    html = client.get("/de/regions/stendal/").content.decode()  # query count: tests/test_query_counts.py
    assert "Katrin Behrendt" not in html  # her profile is "only me": counted, not named
    assert "Verein 07" in html and "Verein 08" not in html  # eight per sector, then a link
    assert "sector=civil_society" in html
    assert "Nur für Mitglieder" not in html
    client.force_login(volunteer)
    assert "Nur für Mitglieder" in client.get("/de/regions/stendal/").content.decode()


def test_htmx_with_invalid_filters_loads_the_whole_page(client, regions):
    response = client.get("/de/directory/", {"q": "x\u202e"}, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/de/directory/?q=")
    restore = client.get(
        "/de/directory/", {"q": "x"}, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.content.decode()


def test_coordinator_is_named_only_where_their_profile_is_visible(client, regions, coordinator, volunteer):
    """Issue #6, item 9: a coordinator whose profile is "only me" was named on the public region page."""
    from landnetz.accounts.models import Profile

    assert "Katrin Behrendt" not in client.get("/en/regions/stendal/").content.decode()
    client.force_login(volunteer)
    assert "Katrin Behrendt" not in client.get("/en/regions/stendal/").content.decode()
    Profile.objects.update_or_create(user=coordinator, defaults={"visibility": "members"})
    assert "Katrin Behrendt" in client.get("/en/regions/stendal/").content.decode()
    client.logout()
    html = client.get("/en/regions/stendal/").content.decode()
    assert "Katrin Behrendt" not in html
    assert "One coordinator of this region has not made their profile visible to you." in html
    Profile.objects.filter(user=coordinator).update(visibility="public")
    assert "Katrin Behrendt" in client.get("/en/regions/stendal/").content.decode()


def test_nothing_found_says_what_to_try_and_shows_the_nearest_farther_away(client, regions, volunteer):
    make_person(regions, "Dora Kühn", "Naumburg (Saale)", job="Sprachmittlerin", languages=[("prs", "native")])
    client.force_login(volunteer)
    response = client.get(
        "/de/directory/", {"q": "Sprachmittlerin", "language": "prs", "near": "Tangerhütte", "radius": "25"}
    )
    html = response.content.decode()
    assert "0 Ergebnisse" in html

    place = "near=Tangerh%C3%BCtte"
    assert f'href="?q=Sprachmittlerin&amp;language=prs&amp;{place}&amp;radius=any"' in html  # any distance
    assert f'href="?language=prs&amp;{place}&amp;radius=25"' in html  # without the search words
    assert f'href="?q=Sprachmittlerin&amp;{place}&amp;radius=25"' in html  # without filters
    nearest = html[html.index("Die nächsten Treffer") :]
    assert "Dora Kühn" in nearest and "km entfernt" in nearest  # the nearest match beyond the radius


def test_cards_say_why_they_matched_and_newcomers_find_who_welcomes_them(client, regions, volunteer):
    welcoming = make_person(
        regions, "Mariam Rahimi", "Stendal", job="Sprachmittlerin", topics=["sprachmittlung"],
        languages=[("prs", "native"), ("de", "good")], interpreter=True,
    )  # fmt: skip
    profile = welcoming.profile
    profile.open_to_newcomers = True
    profile.save()
    reindex("person", [profile])
    make_person(regions, "Karl Koch", "Stendal", job="Sprachmittler", languages=[("prs", "good")])

    html = client.get("/ar/directory/", {"language": "prs", "topic": "sprachmittlung"}).content.decode()
    card = html[html.index("Mariam Rahimi") : html.index("</li>", html.index("Mariam Rahimi"))]
    # In the page's language, the searched language and topic stand out; German never shows.
    assert "<strong>الدرية</strong>" in card and "الألمانية" in card
    assert "<strong>الوساطة اللغوية</strong>" in card and "Sprachmittlung" not in card
    assert "ترجمة شفوية" in card  # interprets

    only = client.get("/de/directory/", {"open_to_newcomers": "on"}).content.decode()
    assert "Mariam Rahimi" in only and "Karl Koch" not in only
    assert "Offen für Kontakt von Neuzugewanderten" in only


@pytest.mark.parametrize(
    "lang, words",
    [("uk", "посередництво"), ("ar", "استشارة"), ("ar", "الاستشارة"), ("ru", "консультирование"), ("de", "Beratung")],
)
def test_a_search_in_the_newcomers_language_finds_a_german_profile_by_topic(client, regions, lang, words):
    make_person(
        regions, "Gisela Brandt", "Stendal", job="Beraterin", bio="Ich berate zu Aufenthalt und Arbeit.",
        topics=["beratung", "sprachmittlung"],
    )  # fmt: skip
    html = client.get(f"/{lang}/directory/", {"q": words}).content.decode()
    assert "Gisela Brandt" in html


def test_organisation_cards_name_their_kind_in_the_page_language(client, regions, volunteer):
    from landnetz.organisations import services as organisation_services

    organisation_services.create_organisation(
        actor=volunteer, name="Sprachcafé Stendal", municipality=volunteer.municipality, kind="club",
        sector="civil_society", visibility="public", description="", topics=[], languages=["de"],
    )  # fmt: skip
    arabic = client.get("/ar/directory/", {"q": "Sprachcafé"}).content.decode()
    german = client.get("/de/directory/", {"q": "Sprachcafé"}).content.decode()
    assert "جمعية" in arabic and "Verein" not in arabic
    assert "Verein" in german


def test_a_search_without_a_radius_shows_the_default_one_selected(client, regions):
    # Otherwise the select shows its first option (10 km) while 25 km were searched, and the
    # next search, sent with that select, silently narrows to 10 km.
    page = parse(client.get("/de/directory/", {"q": "Arzt", "near": "Tangerhuette"}).content)
    selected = page.find("select", name="radius").find_all("option", selected=True)
    assert [option["value"] for option in selected] == ["25"]
