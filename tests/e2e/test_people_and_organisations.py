"""People and organisations in the browser, in German and Arabic (right-to-left).

Profiles (edit, preview, what another member sees), organisations (register, invite a
colleague by e-mail, accept), the directory (htmx and without JavaScript, typo-tolerant
search), topics for coordinators and the region page. Every page reached goes through
axe-core, also those with form errors.

New features are still being translated into German: assertions use structure, URLs and
data (names, places, numbers), never the wording of new interface texts.
"""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    check_page,
    follow,
    form_with,
    link_in,
    log_in,
    outbox_size,
    submit,
    submit_button,
    visit,
    wait_for_mail,
)
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ["de", "ar"]
HTMX_TIMEOUT_MS = 10_000


# --- Data ------------------------------------------------------------------------------


def speaks(user, lang: str):
    """Make `lang` the member's language: log-in redirects and e-mails follow it."""
    user.preferred_language = lang
    user.save(update_fields=["preferred_language"])
    return user


def municipality(name: str):
    from landnetz.core.models import Municipality

    return Municipality.objects.select_related("region").get(name=name)


def topic(slug: str):
    from landnetz.core.models import Topic

    return Topic.objects.get(slug=slug)


def make_profile(
    name: str,
    place: str,
    *,
    user=None,
    visibility: str = "public",
    job_title: str = "",
    sector: str = "",
    bio: str = "",
    topics=(),
    languages=(),
    interpreter: bool = False,
    **contacts,
):
    """A member with a profile, saved through the same service as the profile form."""
    from landnetz.accounts import services
    from landnetz.accounts.queries import profile_of

    where = municipality(place)
    if user is None:
        user = UserFactory(display_name=name, region=where.region, municipality=where)
    data = {
        "visibility": visibility,
        "bio": bio,
        "sector": sector,
        "job_title": job_title,
        "municipality": where.pk,
        "topics": [topic(slug) for slug in topics],
        "is_interpreter": interpreter,
        "open_to_newcomers": False,
        "contact_email": "",
        "contact_email_visibility": "nobody",
        "phone": "",
        "phone_visibility": "nobody",
        "messenger": "",
        "messenger_visibility": "nobody",
        "office_hours": "",
        "office_hours_visibility": "nobody",
        **contacts,
    }
    services.update_profile(user=user, profile=profile_of(user), data=data, languages=list(languages))
    return user


def make_organisation(actor, name: str, place: str, *, kind: str, sector: str, visibility: str = "public", **extra):
    from landnetz.organisations import services

    return services.create_organisation(
        actor=actor,
        name=name,
        kind=kind,
        sector=sector,
        municipality=municipality(place),
        visibility=visibility,
        **extra,
    )


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 160), (40, 120, 90)).save(buffer, format="PNG")
    return buffer.getvalue()


# --- Browser ---------------------------------------------------------------------------


def logged_in_page(new_context, lang: str, user, **options) -> Page:
    """A fresh browser context (own cookies) in which `user` logged in through the form."""
    page = new_context(**options).new_page()
    log_in(page, lang, user.email, TEST_PASSWORD)
    return page


def check_page_without_javascript(page: Page, new_context, lang: str) -> None:
    """`check_page` for a page loaded with JavaScript off.

    axe-core needs JavaScript (its timers never fire otherwise), so the very HTML this
    page received is served again, at the same address, to a page with JavaScript on.
    """
    html, url = page.content(), page.url
    probe = new_context().new_page()
    probe.route(
        lambda address: address == url,
        lambda route: route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8"),
    )
    probe.goto(url)
    check_page(probe, lang)
    probe.close()


def assert_error_fields_described(page: Page, minimum: int = 1) -> None:
    """The error summary is shown and every invalid field points at its error message.

    A radio button or checkbox of a group may leave that to its <fieldset>.
    """
    expect(page.locator("main .ln-error-summary")).to_be_visible()
    invalid = page.locator("main [aria-invalid=true]")
    assert invalid.count() >= minimum, f"expected at least {minimum} invalid field(s) on {page.url}"
    for index in range(invalid.count()):
        field = invalid.nth(index)
        described_by = field.evaluate(
            """field => [field, field.closest('fieldset')]
                .flatMap(element => (element?.getAttribute('aria-describedby') || '').split(' '))
                .filter(Boolean)"""
        )
        assert any(ref.endswith("_error") and page.locator(f"[id='{ref}']").count() for ref in described_by), (
            f"{field.get_attribute('name')} has no error message linked by aria-describedby"
        )
    # Every link in the summary leads to a field on the page.
    for href in page.locator("main .ln-error-summary a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    ):
        assert href.startswith("#") and len(href) > 1, f"error summary link {href!r} leads nowhere"
        assert page.locator(f"[id='{href[1:]}']").count() == 1, f"error summary link {href!r} has no target"


def assert_not_in_html(page: Page, *texts: str) -> None:
    """None of `texts` is in what the server sends for this page (to this browser's cookies).

    Fetched again rather than read from the DOM: the injected axe-core script is in the DOM.
    """
    response = page.request.get(page.url)
    assert response.status == 200, f"{page.url} answered {response.status}"
    html = response.text()
    for text in texts:
        at = html.find(text)
        assert at < 0, f"{text!r} is in the HTML of {page.url}: …{html[max(0, at - 300) : at + 100]}…"


def result_titles(page: Page) -> list[str]:
    return [title.strip() for title in page.locator("main .ln-result h3").all_inner_texts()]


def fill_directory_search(page: Page, **fields) -> None:
    """Set the directory's filters (names as in the form); a checkbox takes True/False."""
    form = form_with(page, "q")
    for name, value in fields.items():
        field = form.locator(f"[name='{name}']")
        if value is True or value is False:
            field.set_checked(value)
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value=value)
        else:
            field.fill(value)


def back_to_new_document(page: Page) -> None:
    """The browser's Back button, on an entry htmx pushed: wait for the page it loads.

    htmx keeps no copies of earlier pages (historyCacheSize 0) and loads them again as
    whole pages (refreshOnHistoryMiss); Playwright's go_back() would give up on that reload.
    """
    page.evaluate("window.__lnOldDocument = true; setTimeout(() => history.back(), 0)")
    try:
        page.wait_for_function(
            "() => !window.__lnOldDocument && document.readyState === 'complete'", timeout=HTMX_TIMEOUT_MS
        )
    except Exception as error:  # noqa: BLE001 - say what went wrong, not just "timeout"
        shown = "only the results fragment" if page.locator("header").count() == 0 else "the old page"
        raise AssertionError(f"Back to {page.url} showed {shown}, not the earlier page loaded again") from error


def htmx_search(page: Page, lang: str, expected_titles: list[str], **fields) -> None:
    """Search with JavaScript on: the results are swapped in place (htmx), no page load."""
    page.evaluate("window.__lnNoReload = true; window.__lnStatus = document.querySelector('main [role=status]')")
    fill_directory_search(page, **fields)
    wanted = {name: ("on" if value is True else value) for name, value in fields.items() if value is not False}

    def is_final_request(response) -> bool:
        if response.request.headers.get("hx-request") != "true" or "/directory/" not in response.url:
            return False
        query = {name: values[-1] for name, values in parse_qs(urlparse(response.url).query).items()}
        return all(query.get(name) == value for name, value in wanted.items())

    with page.expect_response(is_final_request, timeout=HTMX_TIMEOUT_MS) as response_info:
        form_with(page, "q").locator("button[type=submit]").click()
    assert response_info.value.status == 200
    titles = page.locator("main .ln-result h3")
    expect(titles).to_have_count(len(expected_titles), timeout=HTMX_TIMEOUT_MS)
    expect(titles).to_have_text(expected_titles, timeout=HTMX_TIMEOUT_MS)
    assert page.evaluate("window.__lnNoReload === true"), "the search loaded a new page instead of swapping the results"
    # One results region, one status message: the swap replaced the results, it did not nest them.
    assert page.locator("#results").count() == 1, "the results were swapped into themselves (nested #results)"
    status = page.locator("main [role=status]")
    expect(status).to_have_count(1)
    # The live region itself stays, only its text changes: screen readers announce the new count.
    assert page.evaluate("window.__lnStatus === document.querySelector('main [role=status]')"), (
        "the role=status element was replaced, so screen readers may not announce the new count"
    )
    numbers = re.findall(r"\d+", status.inner_text())
    assert numbers and int(numbers[0]) == len(expected_titles), f"status {status.inner_text()!r}"
    # The address follows the search (hx-push-url), so it can be shared and reloaded.
    pushed = {name: values[-1] for name, values in parse_qs(urlparse(page.url).query).items()}
    assert all(pushed.get(name) == value for name, value in wanted.items()), page.url
    check_page(page, lang)


# --- 1. A volunteer's profile --------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_volunteer_completes_her_profile(new_context, lang, volunteer, outsider, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    speaks(volunteer, lang)
    speaks(outsider, lang)
    tangerhuette = municipality("Tangerhütte")
    volunteering = topic("ehrenamt")
    phone, office_hours = "+49 39366 98765", "Dienstag 10–12 Uhr, Bürgerhaus Tangerhütte"
    email, messenger = "helga.wiesner@example.org", "https://signal.me/#p/+4915112345678"
    bio, job_title = "Ich begleite Familien zu **Ämtern** und Ärzten.", "Ehrenamtliche Lotsin"

    page = logged_in_page(new_context, lang, volunteer)
    follow(page, f"header a[href='/{lang}/accounts/profile/']")
    assert urlparse(page.url).path == f"/{lang}/accounts/profile/"
    # Every field once (a field rendered twice sends two values, and the last one wins).
    names = (
        form_with(page, "bio")
        .locator("[name]")
        .evaluate_all("fields => fields.filter(f => f.type !== 'checkbox' && f.type !== 'radio').map(f => f.name)")
    )
    assert len(names) == len(set(names)), sorted(name for name in names if names.count(name) > 1)
    # The municipality select is grouped by region.
    assert page.locator("main select[name=municipality] optgroup").count() >= 10
    assert page.locator(f"main select[name=municipality] optgroup option[value='{tangerhuette.pk}']").count() == 1

    # First attempt: a phone number with letters and a language without a level.
    page.check("[name=visibility][value=members]")
    page.fill("[name=bio]", bio)
    page.fill("[name=job_title]", job_title)
    page.select_option("[name=sector]", "civil_society")
    page.select_option("[name=municipality]", str(tangerhuette.pk))
    page.check(f"[name=topics][value='{volunteering.pk}']")
    page.select_option("[name=languages-0-code]", "de")
    page.select_option("[name=languages-0-level]", "native")
    page.select_option("[name=languages-1-code]", "ru")
    page.fill("[name=phone]", "ruf mich an")
    page.check("[name=phone_visibility][value=nobody]")
    page.fill("[name=office_hours]", office_hours)
    page.check("[name=office_hours_visibility][value=public]")
    page.fill("[name=contact_email]", email)
    page.check("[name=contact_email_visibility][value=members]")
    page.fill("[name=messenger]", messenger)
    page.check("[name=messenger_visibility][value=nobody]")
    page.check("[name=open_to_newcomers]")
    page.set_input_files("[name=photo]", files=[{"name": "helga.png", "mimeType": "image/png", "buffer": png_bytes()}])
    submit(page, submit_button(page, "bio"))
    assert_error_fields_described(page, minimum=2)
    assert page.locator("#id_phone").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_languages-1-level").get_attribute("aria-invalid") == "true"
    # What was entered is still there.
    assert page.input_value("[name=bio]") == bio
    assert page.input_value("[name=languages-1-code]") == "ru"
    assert page.is_checked(f"[name=topics][value='{volunteering.pk}']")

    # Corrected; the browser does not keep a file across a failed submit, so choose it again.
    page.fill("[name=phone]", phone)
    page.select_option("[name=languages-1-level]", "basic")
    page.set_input_files("[name=photo]", files=[{"name": "helga.png", "mimeType": "image/png", "buffer": png_bytes()}])
    submit(page, submit_button(page, "bio"))
    assert urlparse(page.url).path == f"/{lang}/accounts/profile/", page.url
    assert page.locator("main .ln-error-summary").count() == 0

    volunteer.refresh_from_db()
    profile = volunteer.profile
    assert (profile.visibility, profile.sector, profile.job_title, profile.bio) == (
        "members",
        "civil_society",
        job_title,
        bio,
    )
    assert (profile.phone, profile.phone_visibility) == (phone, "nobody")
    assert (profile.office_hours, profile.office_hours_visibility) == (office_hours, "public")
    assert (profile.contact_email, profile.contact_email_visibility) == (email, "members")
    assert (profile.messenger, profile.messenger_visibility) == (messenger, "nobody")
    assert profile.open_to_newcomers and not profile.is_interpreter
    assert volunteer.municipality == tangerhuette and volunteer.region.slug == "stendal"
    assert list(profile.topics.all()) == [volunteering]
    assert sorted(profile.languages.values_list("code", "level")) == [("de", "native"), ("ru", "basic")]
    assert profile.photo, "the photo was not saved"
    # The form shows the saved profile again, with the photo.
    assert page.input_value("[name=municipality]") == str(tangerhuette.pk)
    assert page.input_value("[name=languages-1-code]") == "ru"
    assert page.input_value("[name=phone_visibility]:checked") == "nobody"
    photo = page.locator(f"main img[src='/{lang}/people/{volunteer.pk}/photo/']")
    expect(photo).to_have_count(1)
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0"), "the saved photo does not load"

    # Preview as the public sees it: the profile is for members only, and the phone never shows.
    follow(page, f"main a[href='/{lang}/accounts/profile/preview/']")
    assert_not_in_html(page, "98765", email)
    assert page.locator("main .ln-profile").count() == 0, "a members-only profile is shown to the public"
    follow(page, f"main a[href='/{lang}/accounts/profile/']")
    # As members see it: another member's view, not her own — the phone stays hers alone.
    follow(page, f"main a[href='/{lang}/accounts/profile/preview/?as=members']")
    expect(page.locator("main h1")).to_have_text(volunteer.display_name)
    expect(page.locator(f"main a[href='mailto:{email}']")).to_have_count(1)
    assert_not_in_html(page, "98765")
    # Her own page shows everything, and marks what only she can see.
    visit(page, f"/{lang}/people/{volunteer.pk}/")
    assert page.locator("main .kern-badge--warning").count() >= 1

    # Another member: office hours and e-mail yes; phone and messenger nowhere in the HTML.
    other = logged_in_page(new_context, lang, outsider)
    visit(other, f"/{lang}/people/{volunteer.pk}/")
    assert_not_in_html(other, "98765", "39366", "4915112345678")  # for her eyes only
    main = other.locator("main")
    expect(main.locator(f"a[href='mailto:{email}']")).to_have_count(1)
    expect(main.locator(".ln-profile__head .kern-badge")).to_have_count(1)  # open to newcomers
    expect(main.locator("h1")).to_have_text(volunteer.display_name)
    expect(main).to_contain_text(office_hours)
    expect(main).to_contain_text(job_title)
    expect(main).to_contain_text("Tangerhütte")
    expect(main.locator(".ln-prose strong")).to_have_text("Ämtern")  # the bio's Markdown
    assert other.locator("main a[href^='tel:']").count() == 0
    photo_response = other.request.get(f"/{lang}/people/{volunteer.pk}/photo/")
    assert photo_response.status == 200 and photo_response.headers["content-type"] == "image/jpeg"
    # Topics are for coordinators: another member gets "forbidden", on an accessible page.
    visit(other, f"/{lang}/topics/", expected_status=403)

    # Without login the members-only profile and its photo do not exist.
    anonymous = new_context().new_page()
    visit(anonymous, f"/{lang}/people/{volunteer.pk}/", expected_status=404)
    assert anonymous.request.get(f"/{lang}/people/{volunteer.pk}/photo/").status == 404

    # She makes the profile public: the preview now shows it, with the public details only.
    visit(page, f"/{lang}/accounts/profile/")
    page.check("[name=visibility][value=public]")
    submit(page, submit_button(page, "bio"))
    follow(page, f"main a[href='/{lang}/accounts/profile/preview/']")
    expect(page.locator("main .ln-profile h1")).to_have_text(volunteer.display_name)
    expect(page.locator("main .ln-profile")).to_contain_text(office_hours)
    assert_not_in_html(page, "98765", email, "4915112345678")
    # … exactly what a visitor without login gets.
    visit(anonymous, f"/{lang}/people/{volunteer.pk}/")
    expect(anonymous.locator("main")).to_contain_text(office_hours)
    assert_not_in_html(anonymous, "98765", email, "4915112345678")


# --- 2. An employer registers an organisation and invites a colleague --------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_employer_registers_organisation_and_invites_colleague(new_context, lang, employer):
    from landnetz.organisations.models import Membership, Organisation

    speaks(employer, lang)
    gardelegen = municipality("Gardelegen")
    name = "Gräfe Metallbau"
    colleague_email = f"kollegin.{lang}@example.org"

    page = logged_in_page(new_context, lang, employer)
    follow(page, f"header a[href='/{lang}/organisations/']")
    follow(page, f"main a.kern-btn[href='/{lang}/organisations/new/']")

    # Sent empty: errors, accessible.
    submit(page, submit_button(page, "name"))
    assert_error_fields_described(page, minimum=2)
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_municipality").get_attribute("aria-invalid") == "true"

    page.fill("[name=name]", name)
    page.select_option("[name=kind]", "business")
    page.select_option("[name=sector]", "business")
    page.select_option("[name=municipality]", str(gardelegen.pk))
    page.fill("[name=description]", "Metallbau und Schweißtechnik. Wir bilden **Geflüchtete** aus.")
    page.check("[name=languages][value=ar]")
    submit(page, submit_button(page, "name"))

    organisation = Organisation.objects.get(name=name)
    assert urlparse(page.url).path == f"/{lang}/organisations/{organisation.slug}/", page.url
    expect(page.locator("main h1")).to_have_text(name)
    expect(page.locator("main")).to_contain_text("Gardelegen")
    expect(page.locator("main .ln-prose strong")).to_have_text("Geflüchtete")
    assert (organisation.kind, organisation.sector, organisation.municipality) == ("business", "business", gardelegen)
    assert list(organisation.languages.values_list("code", flat=True)) == ["ar"]
    assert Membership.objects.filter(organisation=organisation, user=employer, role="admin", status="active").exists()

    # Members page: invite the colleague, once with a mistyped address.
    follow(page, f"main a[href='/{lang}/organisations/{organisation.slug}/members/']")
    page.fill("[name=email]", "kollegin-at-example.org")
    # … and a role the page offered that no longer exists (a stale page): a radio group's error.
    page.locator("[name=role][value=member]").evaluate("radio => { radio.value = 'chief' }")
    submit(page, submit_button(page, "email"))
    assert_error_fields_described(page)
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    expect(page.locator("main .ln-error-summary a[href='#id_role_0']")).to_have_count(1)
    page.check("[name=role][value=member]")
    page.fill("[name=email]", colleague_email)
    mails_before = outbox_size()
    submit(page, submit_button(page, "email"))
    assert urlparse(page.url).path == f"/{lang}/organisations/{organisation.slug}/members/"
    expect(page.locator("main table").last).to_contain_text(colleague_email)

    message = wait_for_mail(colleague_email, mails_before)
    assert name in message.subject and name in message.body, (message.subject, message.body)
    link = urlparse(link_in(message, "/organisations/invitations/"))
    assert link.path.startswith(f"/{lang}/organisations/invitations/"), f"invitation link not in {lang}: {link.path}"

    # The colleague gets an account with that address, logs in and accepts.
    colleague = speaks(UserFactory(email=colleague_email, display_name="Marta Schweißer"), lang)
    colleague_page = logged_in_page(new_context, lang, colleague)
    visit(colleague_page, link.path)
    expect(colleague_page.locator("main h1")).to_contain_text(name)
    submit(colleague_page, "main form.ln-form button[type=submit]")
    assert urlparse(colleague_page.url).path == f"/{lang}/organisations/{organisation.slug}/", colleague_page.url
    assert colleague_page.locator(f"main form[action='/{lang}/organisations/{organisation.slug}/join/']").count() == 0
    assert colleague_page.locator(f"main form[action='/{lang}/organisations/{organisation.slug}/leave/']").count() == 1
    assert Membership.objects.filter(organisation=organisation, user=colleague, status="active", role="member").exists()
    # The link is used up.
    visit(colleague_page, link.path)
    assert colleague_page.locator("main form.ln-form").count() == 0

    # The employer sees the colleague among the members; no open invitation is left.
    visit(page, f"/{lang}/organisations/{organisation.slug}/members/")
    member_names = page.locator("main table th[scope=row]").all_inner_texts()
    assert any("Marta Schweißer" in cell for cell in member_names), member_names
    assert colleague_email not in page.locator("main").inner_text()


# --- 3. Who speaks Dari and interprets in Landkreis Stendal? ----------------------------


@pytest.fixture
def dari_speakers(regions):
    return {
        "stendal": make_profile(
            "Mina Rahimi", "Stendal", job_title="Sprachmittlerin", interpreter=True, languages=[("prs", "native")]
        ),
        "naumburg": make_profile(
            "Karim Noori", "Naumburg (Saale)", job_title="Dolmetscher", interpreter=True, languages=[("prs", "native")]
        ),
        # Speaks Dari in Stendal, but does not interpret: the checkbox has to matter.
        "speaker": make_profile(
            "Hamid Sadat", "Stendal", visibility="members", job_title="Koch", languages=[("prs", "native")]
        ),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_coordinator_finds_dari_interpreters_in_stendal(new_context, lang, coordinator, dari_speakers):
    speaks(coordinator, lang)
    search = {"language": "prs", "interpreter": True, "region": "stendal"}

    # With JavaScript: the results are swapped in place.
    page = logged_in_page(new_context, lang, coordinator)
    follow(page, f"header a[href='/{lang}/directory/']")
    htmx_search(page, lang, ["Mina Rahimi"], **search)
    found_at = page.url

    # The form replaces the address instead of adding a history entry per filter change
    # (one per arrow-key step would trap the Back button): the address is the search, and
    # Back leaves the directory for the page before it, loaded whole.
    assert "region=stendal" in found_at and "language=prs" in found_at
    back_to_new_document(page)
    assert "/directory/" not in page.url, page.url
    expect(page.locator("header")).to_have_count(1)
    check_page(page, lang)

    # The address of the search, opened again (a bookmark, a shared link), as a whole page.
    visit(page, found_at)
    assert result_titles(page) == ["Mina Rahimi"]
    link = page.locator("main .ln-result h3 a")
    assert link.get_attribute("href") == f"/{lang}/people/{dari_speakers['stendal'].pk}/"
    follow(page, link)
    expect(page.locator("main h1")).to_have_text("Mina Rahimi")

    # Without JavaScript the same form is an ordinary GET form.
    plain_context = new_context(java_script_enabled=False)
    plain = plain_context.new_page()
    plain.goto(f"/{lang}/accounts/login/")
    check_page_without_javascript(plain, new_context, lang)
    plain.fill("[name=login]", coordinator.email)
    plain.fill("[name=password]", TEST_PASSWORD)
    with plain.expect_navigation():
        submit_button(plain, "password").click()
    assert plain.locator("header form[action$='/accounts/logout/']").count() == 1, "log-in without JavaScript failed"
    response = plain.goto(f"/{lang}/directory/")
    assert response.status == 200
    check_page_without_javascript(plain, new_context, lang)
    fill_directory_search(plain, **search)
    with plain.expect_navigation():
        form_with(plain, "q").locator("button[type=submit]").click()
    query = parse_qs(urlparse(plain.url).query)
    assert (query["language"], query["interpreter"], query["region"]) == (["prs"], ["on"], ["stendal"]), plain.url
    assert result_titles(plain) == ["Mina Rahimi"]
    assert plain.locator("main [role=status]").count() == 1
    check_page_without_javascript(plain, new_context, lang)

    # A broken filter in the address: an accessible message instead of results.
    visit(page, f"/{lang}/directory/?language=klingon&near=abc")
    assert_error_fields_described(page, minimum=2)
    assert result_titles(page) == []


# --- 4. Migrant organisations in Burgenlandkreis ---------------------------------------------


@pytest.fixture
def migrant_organisations(migrant_org_chair):
    chair = migrant_org_chair
    migrant = {"kind": "migrant_organisation", "sector": "migrant_organisation"}
    return {
        "weissenfels": make_organisation(chair, "Afrikanischer Kulturverein Weißenfels", "Weißenfels", **migrant),
        "naumburg": make_organisation(chair, "Syrisches Haus Naumburg", "Naumburg (Saale)", **migrant),
        "hidden": make_organisation(chair, "Frauenkreis Zeitz", "Zeitz", visibility="members", **migrant),
        "elsewhere": make_organisation(chair, "Vietnamesischer Verein Stendal", "Stendal", **migrant),
        "business": make_organisation(chair, "Burgenland Logistik", "Weißenfels", kind="business", sector="business"),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_migrant_organisations_in_burgenlandkreis(new_context, lang, migrant_organisations, outsider):
    orgs = migrant_organisations
    public = ["Afrikanischer Kulturverein Weißenfels", "Syrisches Haus Naumburg"]

    # A visitor without login, in the directory (with JavaScript: htmx).
    page = new_context().new_page()
    visit(page, f"/{lang}/directory/")
    htmx_search(page, lang, public, kind="organisation", sector="migrant_organisation", region="burgenlandkreis")

    # … and in the organisation list's filter (an ordinary GET form).
    visit(page, f"/{lang}/organisations/")
    form = form_with(page, "sector")
    form.locator("[name=sector]").select_option("migrant_organisation")
    form.locator("[name=region]").select_option("burgenlandkreis")
    submit(page, form.locator("button[type=submit]"))
    assert result_titles(page) == public
    assert "Frauenkreis Zeitz" not in page.content()
    # The members-only organisation does not exist for visitors.
    visit(page, f"/{lang}/organisations/{orgs['hidden'].slug}/", expected_status=404)

    # A member also finds the members-only one.
    member = logged_in_page(new_context, lang, speaks(outsider, lang))
    visit(member, f"/{lang}/directory/?kind=organisation&sector=migrant_organisation&region=burgenlandkreis")
    assert result_titles(member) == [
        "Afrikanischer Kulturverein Weißenfels",
        "Frauenkreis Zeitz",
        "Syrisches Haus Naumburg",
    ]
    follow(member, member.locator("main .ln-result h3 a", has_text="Frauenkreis Zeitz"))
    assert urlparse(member.url).path == f"/{lang}/organisations/{orgs['hidden'].slug}/"
    expect(member.locator("main h1")).to_have_text("Frauenkreis Zeitz")


# --- 5. Typos -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_tolerates_typos(new_context, lang, regions):
    make_profile("Dr. Anna Berger", "Stendal", job_title="Hausärztin", sector="health")
    make_profile("Leyla Demir", "Stendal", job_title="Sprachmittlerin für Türkisch und Kurdisch")
    make_profile("Paul Jansen", "Stendal", job_title="Tischler")

    page = new_context().new_page()
    visit(page, f"/{lang}/directory/")
    htmx_search(page, lang, ["Dr. Anna Berger"], q="Aerztin")
    htmx_search(page, lang, ["Leyla Demir"], q="Sprachmitler")
    # Whole pages (a shared link, or no JavaScript) find the same.
    visit(page, f"/{lang}/directory/?q=Aerztin")
    assert result_titles(page) == ["Dr. Anna Berger"]


# --- 6. Topics, the region page, organisations without login --------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_coordinator_manages_topics(new_context, lang, coordinator):
    from landnetz.core.models import Topic

    page = logged_in_page(new_context, lang, speaks(coordinator, lang))
    follow(page, f"header a[href='/{lang}/topics/']")
    topics_before = page.locator("main tbody tr").count()
    assert topics_before == Topic.objects.count() > 0
    follow(page, f"main a[href='/{lang}/topics/new/']")
    submit(page, submit_button(page, "name"))
    assert_error_fields_described(page)
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"

    page.fill("[name=name]", "Digitale Teilhabe")
    page.fill("[name=name_ar]", "المشاركة الرقمية")
    page.fill("[name=name_en]", "Digital participation")
    submit(page, submit_button(page, "name"))
    assert urlparse(page.url).path == f"/{lang}/topics/"
    expect(page.locator("main tbody tr")).to_have_count(topics_before + 1)
    created = Topic.objects.get(name="Digitale Teilhabe")
    assert created.translations == {"ar": "المشاركة الرقمية", "en": "Digital participation"}

    # The same name again is refused, accessibly.
    follow(page, f"main a[href='/{lang}/topics/new/']")
    page.fill("[name=name]", "digitale teilhabe")
    submit(page, submit_button(page, "name"))
    expect(page.locator("main .ln-error-summary")).to_be_visible()
    assert Topic.objects.filter(name__iexact="digitale teilhabe").count() == 1

    visit(page, f"/{lang}/topics/")
    follow(page, f"main a[href='/{lang}/topics/{created.slug}/']")
    assert page.input_value("[name=name_ar]") == "المشاركة الرقمية"
    # Members choose the new topic on their profile, labelled in the page's language.
    visit(page, f"/{lang}/accounts/profile/")
    label = page.locator(f"[name=topics][value='{created.pk}'] + label")
    expect(label).to_contain_text("المشاركة الرقمية" if lang == "ar" else "Digitale Teilhabe")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_region_page_and_organisations_without_login(new_context, lang, coordinator, volunteer, employer):
    make_profile(coordinator.display_name, "Stendal", user=coordinator, sector="administration")
    make_profile(volunteer.display_name, "Tangerhütte", user=volunteer, visibility="members", sector="civil_society")
    shop = make_organisation(
        employer,
        "Tangerhütter Tischlerei",
        "Tangerhütte",
        kind="business",
        sector="business",
        description="Ausbildung und **Praktika**.",
        street="Lindenstraße 3",
        postcode="39517",
    )
    make_organisation(
        employer, "Stammtisch Stendal", "Stendal", kind="club", sector="civil_society", visibility="members"
    )

    page = new_context().new_page()
    visit(page, f"/{lang}/regions/stendal/")
    # Coordinators: the coordinator's profile is public, so her name is a link.
    coordinators = page.locator("main section[aria-labelledby=coordinators-heading]")
    expect(coordinators.locator(f"a[href='/{lang}/people/{coordinator.pk}/']")).to_have_text(coordinator.display_name)
    # Members by sector: counts over all members (also members-only profiles), no names.
    counts = page.locator("main section[aria-labelledby=legs-heading] tbody td").all_inner_texts()
    assert sorted(int(count) for count in counts if count.strip() != "0") == [1, 1], counts
    assert volunteer.display_name not in page.content()
    # Organisations by sector: only the public one for a visitor.
    organisations = page.locator("main section[aria-labelledby=organisations-heading]")
    expect(organisations.locator("a")).to_have_count(1)
    expect(organisations.locator("a")).to_have_text("Tangerhütter Tischlerei")
    assert "Stammtisch Stendal" not in page.content()
    follow(page, organisations.locator("a"))

    # The organisation's page without login.
    assert urlparse(page.url).path == f"/{lang}/organisations/{shop.slug}/"
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text("Tangerhütter Tischlerei")
    expect(main).to_contain_text("Lindenstraße 3")
    expect(main.locator(".ln-prose strong")).to_have_text("Praktika")
    assert main.locator("form[action$='/join/']").count() == 0
    login = main.locator(f"a[href^='/{lang}/accounts/login/?next=']")
    expect(login).to_have_count(1)
    assert login.get_attribute("href").endswith(f"/organisations/{shop.slug}/")
    follow(page, main.locator(f"a[href='/{lang}/regions/stendal/']"))

    # The list without login: the public organisation only.
    visit(page, f"/{lang}/organisations/")
    assert result_titles(page) == ["Tangerhütter Tischlerei"]
    follow(page, f"main .ln-result a[href='/{lang}/organisations/{shop.slug}/']")
    follow(page, f"main nav a[href='/{lang}/organisations/']")
    # Registering needs a login.
    assert page.locator(f"main a[href='/{lang}/accounts/login/?next=/{lang}/organisations/new/']").count() == 1
