"""Leaving and agreeing again, as members do it: deleting one's account, renewed consent.

In Ukrainian or German and in Arabic (right to left), every page through axe-core.
"""

import pytest

from landnetz.accounts.models import User
from tests.e2e.helpers import log_in, submit, submit_button, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("lang", ["uk", "ar"])
def test_newcomer_deletes_her_account(page, newcomer, lang):
    log_in(page, lang, newcomer.email, TEST_PASSWORD)
    visit(page, f"/{lang}/accounts/preferences/")
    submit(page, f"nav a[href='/{lang}/privacy/delete-account/']")
    # Sent without the password and the tick: accessible errors, nothing deleted.
    submit(page, submit_button(page, "password"))
    assert page.locator(".ln-error-summary").is_visible()
    assert page.locator("#id_password").get_attribute("aria-invalid") == "true"
    assert User.objects.filter(pk=newcomer.pk).exists()
    page.fill("[name=password]", TEST_PASSWORD)
    page.check("[name=confirm]")
    submit(page, submit_button(page, "password"))
    assert page.url.endswith(f"/{lang}/")
    assert page.locator("header form[action$='/accounts/logout/']").count() == 0
    assert not User.objects.filter(email=newcomer.email).exists()
    # Her password no longer opens anything.
    visit(page, f"/{lang}/accounts/login/")
    page.fill("[name=login]", newcomer.email)
    page.fill("[name=password]", TEST_PASSWORD)
    submit(page, submit_button(page, "password"))
    assert page.locator("header form[action$='/accounts/logout/']").count() == 0


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_member_agrees_to_a_changed_privacy_statement(page, volunteer, network_admin, lang):
    from landnetz.core.services import save_legal_page

    save_legal_page(actor=network_admin, slug="datenschutz", language="de", title="Datenschutz", body="Neue Fassung")
    log_in(page, lang, volunteer.email, TEST_PASSWORD)  # lands on the question
    assert "/accounts/consent/" in page.url
    submit(page, submit_button(page, "privacy_consent"))  # not ticked: an error, still asked
    assert page.locator(".ln-error-summary").is_visible()
    page.check("[name=privacy_consent]")
    submit(page, submit_button(page, "privacy_consent"))
    assert "/accounts/consent/" not in page.url  # on to her start page, in her own language
    volunteer.refresh_from_db()
    assert volunteer.privacy_consent_version == 2
