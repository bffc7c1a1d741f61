"""The header search as people use it: type a word into the box at the top of any page.

The volunteer finds a members-only organisation and a public person in German; a visitor
without login, in Arabic, finds the person but not the members-only organisation. The
results page passes axe-core on a 320 px phone.
"""

import pytest

from landnetz.accounts.models import Profile
from landnetz.organisations import services as organisation_services
from landnetz.search import index
from tests.e2e.helpers import log_in, submit, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _network(volunteer, counsellor):
    profile, _ = Profile.objects.update_or_create(
        user=counsellor, defaults={"visibility": "public", "job_title": "Sprachmittlerin für Dari"}
    )
    index.reindex("person", [profile])
    organisation_services.create_organisation(
        actor=volunteer,
        name="Sprachcafé Tangerhütte",
        municipality=volunteer.municipality,
        kind="club",
        sector="civil_society",
        visibility="members",
        description="Deutsch sprechen bei Kaffee und Kuchen.",
        topics=[],
        languages=["de"],
    )


def _search_from_header(page, words: str):
    page.fill("header input[name=q]", words)
    submit(page, "header .ln-header-search button[type=submit]")


def test_a_member_finds_people_and_organisations_from_any_page(page, volunteer, counsellor):
    _network(volunteer, counsellor)
    log_in(page, "de", volunteer.email, TEST_PASSWORD)
    visit(page, "/de/regions/")
    _search_from_header(page, "Sprach")

    main = page.locator("main").inner_text()
    assert "Farida Ahmadi" in main and "Sprachcafé Tangerhütte" in main
    assert "2 Ergebnisse" in main
    submit(page, "main .ln-subnav a[href*='kind=organisation']")
    assert "Sprachcafé Tangerhütte" in page.locator("main").inner_text()
    assert "Farida Ahmadi" not in page.locator("main").inner_text()
    submit(page, "main a:has-text('Sprachcafé Tangerhütte')")
    assert page.locator("h1").inner_text().strip() == "Sprachcafé Tangerhütte"


def test_a_visitor_in_arabic_on_a_phone_sees_only_what_is_public(new_context, volunteer, counsellor):
    _network(volunteer, counsellor)
    page = new_context(locale="ar", viewport={"width": 320, "height": 640}).new_page()
    visit(page, "/ar/")
    _search_from_header(page, "Sprach")

    main = page.locator("main").inner_text()
    assert "Farida Ahmadi" in main
    assert "Sprachcafé" not in main
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
