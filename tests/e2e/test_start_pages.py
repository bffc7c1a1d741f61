"""A start page for each person: a Ukrainian newcomer on a small phone finds a German
course from the home page (a link, or the search box) and lands on results; a coordinator
opens her region page with its members, municipalities and export."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from landnetz.directory.tests.test_search import make_person
from tests.e2e.helpers import check_page, follow, log_in, submit, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 320, "height": 640}
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture
def course(regions):
    return make_person(
        regions,
        "Olha Kovalenko",
        "Stendal",
        job="Deutschlehrerin",
        topics=["sprachkurse"],
        languages=[("uk", "native"), ("de", "fluent")],
        visibility="public",
    )


def test_a_ukrainian_visitor_on_a_phone_finds_a_german_course(new_context, course):
    page = new_context(viewport=PHONE, locale="uk-UA").new_page()
    visit(page, "/uk/")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    with translation.override("uk"):
        course_label = gettext("A German course")
    # The "what you find here" list comes before the network's story.
    first = page.locator("main h1")
    assert first.get_attribute("id") == "find-heading"

    follow(page, page.locator(".ln-find__list a", has_text=course_label))
    assert "/uk/directory/" in page.url and "topic=sprachkurse" in page.url
    assert page.locator("#results").get_by_text("Olha Kovalenko").count() == 1
    assert page.evaluate(NO_SIDEWAYS_SCROLL)

    # The same with the search box, and a place.
    visit(page, "/uk/")
    page.fill("#find-q", "Olha")
    page.fill("#find-near", "Tangerhuette")
    submit(page, ".ln-find__search button[type=submit]")
    assert "/uk/directory/" in page.url
    assert page.locator("#results").get_by_text("Olha Kovalenko").count() == 1


def test_a_coordinator_opens_her_region_page(page, regions, coordinator, course):
    make_person(regions, "Mona Mitglied", "Tangerhütte", visibility="members")
    log_in(page, "de", coordinator.email, TEST_PASSWORD)
    visit(page, "/de/")
    follow(page, page.locator("main a[href='/de/regions/stendal/']").first)
    assert page.url.endswith("/de/regions/stendal/")
    assert page.locator("header a[aria-current='page']").get_attribute("href") == "/de/regions/"
    members = page.locator("#members .ln-members")
    assert members.get_by_text("Olha Kovalenko").count() == 1
    assert members.get_by_text("Mona Mitglied").count() == 1  # she is logged in: members-only profiles too
    with page.expect_download() as download:
        page.click("a[href='/de/regions/stendal/export.csv']")
    content = download.value.path().read_bytes().decode("utf-8-sig")
    assert "Olha Kovalenko" in content and "Mona Mitglied" in content

    follow(page, page.locator("table a", has_text="Tangerhütte").first)
    assert "near=Tangerh" in page.url
    check_page(page)
