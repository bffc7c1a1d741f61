"""The volunteer's notifications: header count, the list, opening one, e-mail settings,
and the one-click unsubscribe page — in German and Arabic, axe on every page."""

import pytest

from landnetz.core.models import Municipality
from landnetz.notifications.models import Preference
from landnetz.notifications.tokens import unsubscribe_token
from landnetz.organisations.services import create_organisation
from tests.e2e.helpers import log_in, submit, submit_button, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_volunteer_reads_a_join_request_and_chooses_a_weekly_summary(page, volunteer, newcomer, lang):
    from landnetz.organisations.services import request_to_join

    cafe = create_organisation(
        actor=volunteer,
        name="Sprachcafé Tangerhütte",
        kind="club",
        sector="civil_society",
        municipality=Municipality.objects.get(name="Tangerhütte"),
    )
    request_to_join(actor=newcomer, organisation=cafe)

    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    visit(page, f"/{lang}/")
    badge = page.locator("header .ln-badge")
    assert badge.inner_text().startswith("1")
    submit(page, f"header a[href='/{lang}/notifications/']")
    item = page.locator("main .ln-notification--unread")
    assert "Olena Kovalenko" in item.inner_text()
    submit(page, item.locator("button"))
    assert page.url.endswith(f"/{lang}/organisations/{cafe.slug}/members/")
    assert page.locator("header .ln-badge").count() == 0

    visit(page, f"/{lang}/notifications/settings/")
    page.check("input[name='organisations.join_request'][value='weekly']")
    submit(page, submit_button(page, "organisations.join_request"))
    assert Preference.objects.get(user=volunteer, kind="organisations.join_request").channel == "weekly"


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_unsubscribe_page_from_an_email_link(page, volunteer, lang):
    token = unsubscribe_token(volunteer, "organisations.join_request")
    visit(page, f"/{lang}/notifications/unsubscribe/{token}/")
    submit(page, "main form button[type=submit]")
    assert page.locator("main [role=status]").is_visible()
    assert Preference.objects.get(user=volunteer, kind="organisations.join_request").channel == "off"
    visit(page, f"/{lang}/notifications/unsubscribe/forged/", expected_status=400)
