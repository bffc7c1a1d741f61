"""The coordinator hides a reported profile from the moderation queue and its owner is
told why — reported by the newcomer, decided by the coordinator, in German and Arabic."""

import pytest

from landnetz.accounts.models import Profile
from landnetz.notifications.models import Notification
from tests.e2e.helpers import log_in, log_out, submit, submit_button, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_report_and_hide_a_profile(page, volunteer, newcomer, coordinator, lang):
    Profile.objects.update_or_create(user=volunteer, defaults={"visibility": "public", "bio": "Sprachcafé"})

    log_in(page, lang, newcomer.email, TEST_PASSWORD)
    visit(page, f"/{lang}/people/{volunteer.pk}/")
    submit(page, f"main a[href='/{lang}/moderation/report/accounts.profile/{volunteer.pk}/']")
    submit(page, submit_button(page, "reason"))  # nothing chosen: an accessible error
    assert page.locator(".ln-error-summary").is_visible()
    page.check("input[name=reason][value=harassment]")
    page.fill("[name=comment]", "Unfreundliche Nachrichten")
    submit(page, submit_button(page, "reason"))
    assert page.url.endswith(f"/{lang}/people/{volunteer.pk}/")
    log_out(page)

    log_in(page, lang, coordinator.email, TEST_PASSWORD)
    visit(page, f"/{lang}/")
    submit(page, f"header a[href='/{lang}/moderation/']")
    assert "Unfreundliche Nachrichten" in page.locator("main").inner_text()
    page.fill("main textarea[name=reason]", "Beleidigungen sind nicht erlaubt")
    submit(page, "main button[value=hide]")
    assert Profile.objects.get(user=volunteer).moderation_hidden
    log_out(page)

    visit(page, f"/{lang}/people/{volunteer.pk}/", expected_status=404)
    told = Notification.objects.get(recipient=volunteer, kind="moderation.decision")
    assert told.data["reason"] == "Beleidigungen sind nicht erlaubt"
