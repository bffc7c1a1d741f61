"""Groups in the browser: the coordinator creates a closed group in German, a member asks to
join in Arabic on a phone, the coordinator approves; a secret group stays invisible to an
outsider in the list, the search and by its address. axe-core on every page."""

import pytest

from landnetz.core.models import Region
from landnetz.groups import services
from landnetz.groups.models import Group, GroupMembership
from tests.e2e.helpers import log_in, submit, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NAME = "Netzwerk Integration Altmark"


def test_closed_group_from_creation_to_an_approved_request(new_context, coordinator, migrant_org_chair):
    stendal = Region.objects.get(slug="stendal")

    # The coordinator creates a closed group, in German.
    page = new_context(locale="de").new_page()
    log_in(page, "de", coordinator.email, TEST_PASSWORD)
    visit(page, "/de/groups/")
    submit(page, page.locator("main a.kern-btn[href='/de/groups/new/']"))
    # A form sent empty says what is missing and keeps the page accessible.
    submit(page, "main form button[type=submit]")
    assert page.locator(".ln-error-summary").is_visible()
    page.fill("[name=name]", NAME)
    page.check("input[name=kind][value=closed]")
    page.fill("[name=description]", "Monatliches Treffen der **Integrationsakteure** in Stendal.")
    page.select_option("select[name=region]", str(stendal.pk))
    submit(page, "main form button[type=submit]")
    group = Group.objects.get(name=NAME)
    assert page.url.endswith(f"/de/groups/{group.slug}/")
    assert "Geschlossen:" in page.locator("main").inner_text()
    assert page.locator("main .ln-prose strong").inner_text() == "Integrationsakteure"

    # Another member finds it and asks to join, in Arabic, on a phone.
    phone = new_context(locale="ar", viewport={"width": 360, "height": 740}).new_page()
    log_in(phone, "ar", migrant_org_chair.email, TEST_PASSWORD)
    visit(phone, "/ar/groups/?q=Altmark")
    submit(phone, f"main a[href='/ar/groups/{group.slug}/']")
    assert phone.locator("main").get_by_text("كاترين", exact=False).count() == 0  # members are for members
    submit(phone, f"main form[action='/ar/groups/{group.slug}/join/'] button")
    assert GroupMembership.objects.get(group=group, user=migrant_org_chair).status == "requested"
    assert phone.locator(f"main form[action='/ar/groups/{group.slug}/leave/']").is_visible()
    no_scroll = phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_scroll, "the group page scrolls sideways on a phone"

    # The coordinator approves the request on the members page.
    visit(page, "/de/")
    submit(page, f"main a[href='/de/groups/{group.slug}/members/']")
    row = page.locator("main tr", has_text="Samir Haddad")
    submit(page, row.locator("form", has=page.locator("input[value=approve]")).locator("button"))
    assert GroupMembership.objects.get(group=group, user=migrant_org_chair).status == "active"

    # Now a member, Samir sees who else is in the group.
    visit(phone, f"/ar/groups/{group.slug}/")
    assert "Katrin Behrendt" in phone.locator("main").inner_text()


def test_secret_group_stays_invisible_to_an_outsider(new_context, counsellor, migrant_org_chair, outsider):
    secret = services.create_group(
        actor=counsellor,
        name="Fallbesprechung Migrationsberatung",
        kind="secret",
        region=Region.objects.get(slug="burgenlandkreis"),
    )
    GroupMembership.objects.create(group=secret, user=migrant_org_chair, status="active")
    services.create_group(actor=counsellor, name="Sprachcafé Naumburg", kind="open")

    for lang in ("de", "ar"):
        page = new_context(locale=lang).new_page()
        log_in(page, lang, outsider.email, TEST_PASSWORD)
        visit(page, f"/{lang}/groups/")
        assert "Sprachcafé Naumburg" in page.locator("main").inner_text()
        assert "Fallbesprechung" not in page.content()
        visit(page, f"/{lang}/search/?q=Fallbesprechung")
        assert "Fallbesprechung Migrationsberatung" not in page.locator("main").inner_text()
        visit(page, f"/{lang}/groups/{secret.slug}/", expected_status=404)
        assert "Fallbesprechung" not in page.content()

    member = new_context(locale="de").new_page()
    log_in(member, "de", migrant_org_chair.email, TEST_PASSWORD)
    visit(member, "/de/search/?q=Fallbesprechung")
    assert "Fallbesprechung Migrationsberatung" in member.locator("main").inner_text()
