"""The volunteer edits her profile at 200 % zoom with the keyboard only (issue 8).

A 640 × 400 CSS-pixel viewport at device scale factor 2 is a 1280 × 800 screen zoomed to
200 %. She adds a language row (JavaScript: in place, no page load), chooses who sees her
profile with the arrow keys in a radio group, saves with Enter, and her profile page marks
her English text as English. axe-core checks every page on the way.
"""

import pytest
from playwright.sync_api import expect

from landnetz.accounts.models import Profile
from tests.e2e.helpers import check_page, log_in, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ZOOMED = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
BIO = "I accompany families to offices and doctors."


def focused(page) -> str:
    return page.evaluate("document.activeElement.name || document.activeElement.id")


def press(page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


def test_volunteer_edits_her_profile_with_the_keyboard_at_200_percent(new_context, volunteer):
    page = new_context(**ZOOMED).new_page()
    log_in(page, "de", volunteer.email, TEST_PASSWORD)
    visit(page, "/de/accounts/profile/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 640, "the page scrolls sideways at 200 %"

    # Her role, then Tab to "About me", then Tab to the language of these texts: English.
    page.focus("main [name=job_title]")
    page.keyboard.type("Volunteer guide")
    press(page, "Tab")
    assert focused(page) == "bio"
    page.keyboard.type(BIO)
    press(page, "Tab")
    assert focused(page) == "bio_language"
    assert page.input_value("main [name=bio_language]") == "de"  # the page's language to start with
    press(page, "ArrowDown")  # German → English
    assert page.input_value("main [name=bio_language]") == "en"

    # A third language row, added in place: no page load, the focus in the new row.
    add = page.locator("main button[data-formset-add=languages]")
    expect(page.locator("#languages-rows .ln-language-row")).to_have_count(2)
    page.evaluate("window.sameDocument = true")  # gone if the page were loaded again
    add.focus()
    press(page, "Enter")
    expect(page.locator("#languages-rows .ln-language-row")).to_have_count(3)
    assert page.evaluate("window.sameDocument === true"), "the row came from a page load, not in place"
    assert page.input_value("main [name=languages-TOTAL_FORMS]") == "3"
    assert focused(page) == "languages-2-code"
    assert page.locator("#languages-rows .ln-language-row").nth(2).get_attribute("aria-label").endswith("3")
    press(page, "ArrowDown", 4)  # — → German → English → Arabic → Ukrainian
    assert page.input_value("main [name=languages-2-code]") == "uk"
    press(page, "Tab")
    assert focused(page) == "languages-2-level"
    press(page, "ArrowDown", 3)  # — → native → fluent → good
    assert page.input_value("main [name=languages-2-level]") == "good"
    check_page(page)  # the new row too: labels, ids, contrast

    # Who sees her profile: Tab into the radio group lands on the chosen option, arrows move.
    page.focus("main [name=visibility][value=nobody]")
    press(page, "ArrowUp")
    assert page.evaluate("document.activeElement.value") == "members"
    assert page.locator("main [name=visibility]:checked").get_attribute("value") == "members"

    # Enter in a text field saves (the default button is "Save", not "Add another language").
    page.focus("main [name=job_title]")
    with page.expect_navigation():
        press(page, "Enter")
    check_page(page)
    profile = Profile.objects.get(user=volunteer)
    assert (profile.visibility, profile.job_title, profile.bio, profile.bio_language) == (
        "members",
        "Volunteer guide",
        BIO,
        "en",
    )
    assert list(profile.languages.values_list("code", "level")) == [("uk", "good")]

    # Her page: the English text is marked English inside the German page.
    visit(page, f"/de/people/{volunteer.pk}/")
    bio = page.locator("main .ln-profile [lang=en]", has_text="accompany families")
    expect(bio).to_have_count(1)
    assert bio.get_attribute("dir") == "auto"
    expect(page.locator("main .ln-profile p[lang=en]")).to_have_text("Volunteer guide")
