"""The layout on a small phone with large text (WCAG 1.4.10 reflow), the compact header
and left-to-right fragments inside Arabic text.

Every main page, at 320 CSS px with the site's large-text setting (a member's preference;
for visitors the same class is put on <html>, as a browser with a larger default font
would do), in German and Arabic: nothing scrolls sideways. The header takes less than a
third of a 360x640 phone screen, and its menu works without JavaScript.
"""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.utils import translation
from django.utils.translation import gettext as _
from playwright.sync_api import Page, expect

from landnetz.accounts.middleware import IDLE_KEY
from landnetz.accounts.models import Profile
from landnetz.organisations import services as organisation_services
from landnetz.search import index
from tests.e2e.helpers import assert_logged_in, check_page, log_in, log_out, visit
from tests.e2e.test_people_and_organisations import check_page_without_javascript
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LONG_NAME = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftsverein"
LONG_URL = "https://example.org/" + "sehr-langer-pfad-ohne-leerzeichen" * 4
LONG_PERSON = "Farida Ahmadi-Abdulrahmanzadeh-Mohammadzadeh-Sultanzadeh"

# Only for visitors: members get the class from their preference.
LARGE_TEXT = "document.documentElement.classList.add('ln-large-text')"
OVERFLOW = """
() => {
  const width = document.documentElement.clientWidth;  // without a scroll bar
  const wide = [...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > width + 1 || element.getBoundingClientRect().left < -1)
    .filter((element) => element.getClientRects().length > 0)
    .slice(0, 5)
    .map((element) => element.outerHTML.slice(0, 160));
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide};
}
"""


def _network(volunteer, counsellor):
    profile, _created = Profile.objects.update_or_create(
        user=counsellor,
        defaults={
            "visibility": "public",
            "job_title": "Sprachmittlerin für Dari",
            "bio": f"Mehr unter {LONG_URL} oder {LONG_NAME}.",
        },
    )
    counsellor.display_name = LONG_PERSON
    counsellor.save(update_fields=["display_name"])
    index.reindex("person", [profile])
    return organisation_services.create_organisation(
        actor=volunteer,
        name=LONG_NAME,
        municipality=volunteer.municipality,
        kind="club",
        sector="civil_society",
        visibility="public",
        description=f"Deutsch sprechen bei Kaffee und Kuchen. Siehe {LONG_URL}",
        website=LONG_URL[:300],
        email="sprachcafe.tangerhuette.kontakt@example.org",
        topics=[],
        languages=["de"],
    )


def _sideways_scroll(page: Page, *, visitor: bool) -> str | None:
    """What makes the page wider than the window, or None."""
    if visitor:
        page.evaluate(LARGE_TEXT)
    assert page.evaluate("document.documentElement.classList.contains('ln-large-text')"), page.url
    result = page.evaluate(OVERFLOW)
    if result["scrollWidth"] <= result["innerWidth"]:
        return None
    return f"{page.url} is {result['scrollWidth']} px wide at {result['innerWidth']} px: {result['wide']}"


def _check_pages(page: Page, urls: list[str], *, visitor: bool) -> None:
    problems = []
    for url in urls:
        visit(page, url)
        problems.append(_sideways_scroll(page, visitor=visitor))
        if not visitor:
            # Also with the menu open (the phone layout folds it).
            page.locator("header details.ln-menu > summary").click()
            problems.append(_sideways_scroll(page, visitor=visitor))
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)


def _pages(organisation, counsellor, lang: str, *, member: bool) -> list[str]:
    pages = [
        f"/{lang}/",
        f"/{lang}/directory/?q=Sprach",
        f"/{lang}/directory/",
        f"/{lang}/people/{counsellor.pk}/",
        f"/{lang}/organisations/",
        f"/{lang}/organisations/{organisation.slug}/",
        f"/{lang}/regions/",
        f"/{lang}/regions/stendal/",
        f"/{lang}/search/?q=Sprach",
        f"/{lang}/legal/datenschutz/",
    ]
    if member:
        pages += [
            f"/{lang}/notifications/",
            f"/{lang}/accounts/preferences/",
            f"/{lang}/accounts/profile/",
        ]
    else:
        pages += [f"/{lang}/accounts/signup/", f"/{lang}/accounts/login/"]
    return pages


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_visitor_pages_reflow_at_320_px_with_large_text(new_context, volunteer, counsellor, lang):
    organisation = _network(volunteer, counsellor)
    page = new_context(locale=lang, viewport={"width": 320, "height": 640}).new_page()
    _check_pages(page, _pages(organisation, counsellor, lang, member=False), visitor=True)


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_member_pages_reflow_at_320_px_with_large_text(new_context, volunteer, counsellor, lang):
    assert volunteer.large_text
    organisation = _network(volunteer, counsellor)
    page = new_context(locale=lang, viewport={"width": 320, "height": 640}).new_page()
    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    _check_pages(page, _pages(organisation, counsellor, lang, member=True), visitor=False)
    visit(page, f"/{lang}/regions/")
    log_out(page)  # from the folded menu


def _header_height(page: Page) -> float:
    box = page.locator("header.ln-header").bounding_box()
    assert box is not None
    return box["height"]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_header_takes_less_than_a_third_of_a_phone_screen(new_context, volunteer, lang):
    page = new_context(locale=lang, viewport={"width": 360, "height": 640}).new_page()
    visit(page, f"/{lang}/regions/stendal/")
    page.evaluate(LARGE_TEXT)
    assert _header_height(page) < 640 / 3

    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    visit(page, f"/{lang}/regions/stendal/")
    assert page.evaluate("document.documentElement.classList.contains('ln-large-text')")
    assert _header_height(page) < 640 / 3
    # The menu is folded; the current section stays marked inside it.
    menu = page.locator("header details.ln-menu")
    assert menu.get_attribute("open") is None
    current = page.locator("header nav a[aria-current=page]")
    assert current.get_attribute("href") == f"/{lang}/regions/"
    assert not current.is_visible()
    menu.locator("summary").click()
    assert current.is_visible()
    check_page(page)  # axe with the menu open
    # Opening the menu on a phone must not make the page scroll sideways either.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_wide_screens_show_the_navigation_without_a_menu_button(new_context):
    page = new_context(locale="de", viewport={"width": 1280, "height": 900}).new_page()
    visit(page, "/de/regions/")
    assert not page.locator("header details.ln-menu > summary").is_visible()
    assert page.locator("header nav a[aria-current=page]").is_visible()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_phone_menu_works_without_javascript(new_context, lang):
    page = new_context(locale=lang, viewport={"width": 320, "height": 640}, java_script_enabled=False).new_page()
    page.goto(f"/{lang}/")
    page.locator("header details.ln-menu > summary").click()
    with page.expect_navigation():
        page.click(f"header nav a[href='/{lang}/regions/']")
    assert page.url.endswith(f"/{lang}/regions/")
    check_page_without_javascript(page, new_context, lang)
    page.locator("header details.ln-menu > summary").click()
    # The language control is there and usable at 320 px: select and button inside the screen.
    for selector in ("#ln-language-select", "form.ln-language button[type=submit]"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320, (selector, box)
    page.select_option("#ln-language-select", "en")
    with page.expect_navigation():
        page.click("form.ln-language button[type=submit]")
    assert page.url.endswith("/en/regions/")


def test_the_language_select_looks_like_a_control(new_context):
    page = new_context(locale="ar", viewport={"width": 320, "height": 640}).new_page()
    visit(page, "/ar/")
    page.locator("header details.ln-menu > summary").click()
    select = page.locator("#ln-language-select")
    style = select.evaluate(
        "(el) => { const s = getComputedStyle(el); return {border: s.borderTopWidth, style: s.borderTopStyle,"
        " image: s.backgroundImage, appearance: s.appearance}; }"
    )
    assert style["style"] != "none" and float(style["border"].rstrip("px")) >= 1, style
    # An arrow: the browser's own (appearance auto) or a drawn one.
    assert style["appearance"] != "none" or style["image"] != "none", style
    label = page.locator("label[for=ln-language-select]")
    assert label.is_visible()
    select.focus()
    outline = select.evaluate("(el) => getComputedStyle(el).outlineStyle")
    assert outline != "none"


# Every text in <main> that holds an address sits in an element that isolates it left-to-right.
NOT_ISOLATED = """
() => {
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  const bad = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/https?:\\/\\/|@/.test(node.textContent)) continue;
    let isolated = false;
    for (let el = node.parentElement; el && el.tagName !== 'MAIN'; el = el.parentElement) {
      if (el.tagName === 'BDI' || el.getAttribute('dir') === 'ltr') { isolated = true; break; }
    }
    if (!isolated) bad.push(node.parentElement.outerHTML.slice(0, 200));
  }
  return bad;
}
"""


def test_urls_in_arabic_pages_are_isolated(new_context, volunteer, counsellor):
    organisation = _network(volunteer, counsellor)
    page = new_context(locale="ar", viewport={"width": 320, "height": 640}).new_page()
    for url in (f"/ar/organisations/{organisation.slug}/", f"/ar/people/{counsellor.pk}/"):
        visit(page, url)
        assert page.locator("main .ln-prose").get_by_text(LONG_URL).count() >= 1, url
        assert page.evaluate(NOT_ISOLATED) == [], url


# --- The warning before the idle logout ------------------------------------------------

IDLE_LIMIT = 15
IDLE_WARNING = 6  # typing keeps the session alive every IDLE_LIMIT // 3 = 5 s, before the warning


def _session_last_seen(page: Page) -> int:
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    return SessionStore(session_key=cookie["value"])[IDLE_KEY]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_idle_warning_lets_the_member_stay_logged_in(new_context, volunteer, settings, lang):
    page = new_context(locale=lang, viewport={"width": 320, "height": 640}).new_page()
    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    settings.LANDNETZ_SESSION_IDLE_SECONDS = IDLE_LIMIT
    settings.LANDNETZ_SESSION_IDLE_WARNING_SECONDS = IDLE_WARNING
    visit(page, f"/{lang}/accounts/profile/")
    last_seen = _session_last_seen(page)
    body = page.locator("body")
    assert int(body.get_attribute("data-idle-limit")) == IDLE_LIMIT
    assert int(body.get_attribute("data-idle-warning")) == IDLE_WARNING

    dialog = page.locator("dialog.ln-idle")
    expect(dialog).to_be_visible(timeout=IDLE_LIMIT * 1000)
    assert time.time() < last_seen + IDLE_LIMIT, "the warning came too late"
    assert dialog.get_attribute("role") == "alertdialog"
    assert page.evaluate("document.querySelector('dialog.ln-idle').contains(document.activeElement)")
    with translation.override(lang):
        stay = str(_("Stay logged in"))
        title = str(_("Stay logged in?"))
    assert page.evaluate("document.activeElement.textContent.trim()") == stay
    assert dialog.locator("h2:visible").inner_text().strip() == title
    check_page(page)  # axe with the dialog open

    page.keyboard.press("Enter")  # on the focused "Stay logged in"
    expect(dialog).to_be_hidden()
    page.wait_for_timeout(500)  # the keep-alive answer
    assert _session_last_seen(page) > last_seen, "Stay logged in did not refresh the session"

    # Typing into the form keeps the session alive: no warning, and no logout after twice
    # the limit since the page was loaded.
    field = page.locator("main form input[type=text], main form textarea").first
    while time.time() < last_seen + 2 * IDLE_LIMIT:
        field.press("End")
        field.type("x")
        page.wait_for_timeout(1000)
        assert not dialog.is_visible(), "the warning came although the member was typing"
    visit(page, f"/{lang}/accounts/preferences/")
    assert_logged_in(page)


def test_idle_warning_says_when_the_member_has_been_logged_out(new_context, volunteer, settings):
    page = new_context(locale="de", viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, "de", volunteer.email, TEST_PASSWORD)
    settings.LANDNETZ_SESSION_IDLE_SECONDS = 4
    settings.LANDNETZ_SESSION_IDLE_WARNING_SECONDS = 2
    page.goto("/de/regions/")  # not `visit`: axe may run into the moment of the logout
    last_seen = _session_last_seen(page)
    login = page.locator("dialog.ln-idle a[data-idle-login]")
    expect(login).to_be_visible(timeout=10_000)
    expect(login).to_be_focused()
    assert "/de/accounts/login/?next=" in login.get_attribute("href")
    assert time.time() >= last_seen + 4 - 1, "the script said 'logged out' too early"
    # The server counts whole seconds and logs out after more than the limit.
    page.wait_for_timeout(max(0, (last_seen + 4 + 1.5 - time.time()) * 1000))
    page.goto("/de/accounts/preferences/")
    assert "/accounts/login/" in page.url
