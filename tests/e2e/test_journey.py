"""A newcomer's whole way in, in German and again in Arabic, with axe-core on every page.

Sign up → confirm the e-mail address from the mail → log in → activate two-factor login
(TOTP) → see the recovery codes → log out → log in with the code → log out → reset the
password from the mail → log in with the new password and the code.
"""

import re

import pytest

from tests.e2e.helpers import (
    assert_logged_in,
    assert_mail_language,
    follow,
    fresh_totp_code,
    link_in,
    log_in,
    log_out,
    outbox_size,
    reauthenticate,
    submit,
    submit_button,
    visit,
    wait_for_mail,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEYS = {
    "de": {"name": "Anna Schmidt", "email": "anna.schmidt@example.org"},
    "ar": {"name": "ليلى حداد", "email": "layla.haddad@example.org"},
}
PASSWORD = "Feldweg-Apfelbaum-2031"
NEW_PASSWORD = "Dorfteich-Kastanie-4417"


@pytest.mark.parametrize("lang", list(JOURNEYS))
def test_newcomer_journey(page, regions, lang):
    person = JOURNEYS[lang]
    email = person["email"]
    used_codes: set[str] = set()

    # --- Sign up -------------------------------------------------------------------
    visit(page, f"/{lang}/")
    follow(page, f"main a[href='/{lang}/accounts/signup/']")
    page.fill("[name=display_name]", person["name"])
    page.fill("[name=email]", email)
    page.select_option("[name=region]", value=str(regions["stendal"].pk))
    page.fill("[name=password1]", PASSWORD)
    page.fill("[name=password2]", PASSWORD)
    page.check("[name=privacy_consent]")
    mails_before = outbox_size()
    submit(page, submit_button(page, "password1"))
    assert "/accounts/confirmation/" in page.url, f"expected the 'check your e-mail' page, got {page.url}"

    # --- Confirm the e-mail address from the mail ----------------------------------------
    message = wait_for_mail(email, mails_before)
    assert_mail_language(message, lang)
    visit(page, link_in(message, "/accounts/confirm-email/"))
    submit(page, "main form button[type=submit]")

    # --- Log in and activate two-factor login ---------------------------------------------
    log_in(page, lang, email, PASSWORD)
    assert page.url.rstrip("/").endswith(f"/{lang}"), f"after login expected the {lang} home page, got {page.url}"
    follow(page, f"header a[href='/{lang}/accounts/preferences/']")
    follow(page, f"main nav a[href='/{lang}/accounts/2fa/']")
    follow(page, f"main a[href='/{lang}/accounts/2fa/totp/activate/']")
    reauthenticate(page, PASSWORD)  # allauth asks for the password again before changing 2FA
    assert "/accounts/2fa/totp/activate/" in page.url, page.url
    secret = page.input_value("#authenticator_secret")
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret), f"unexpected TOTP secret {secret!r}"
    page.fill("[name=code]", fresh_totp_code(secret, used_codes))
    submit(page, submit_button(page, "code"))

    # --- Recovery codes, then back to the overview --------------------------------------
    assert "/accounts/2fa/recovery-codes/" in page.url, f"expected the recovery codes, got {page.url}"
    codes = page.input_value("#recovery_codes").split()
    assert len(codes) == 10 and all(re.fullmatch(r"[0-9a-f]{8}", c) for c in codes), codes
    follow(page, f"main nav a[href='/{lang}/accounts/2fa/']")
    assert page.locator(f"main a[href='/{lang}/accounts/2fa/totp/deactivate/']").count() == 1

    # --- Log out, log in again: now with the authenticator code -------------------------
    log_out(page)
    log_in(page, lang, email, PASSWORD, totp_secret=secret, used_codes=used_codes)
    assert page.url.rstrip("/").endswith(f"/{lang}"), page.url
    log_out(page)

    # --- Forgotten password ---------------------------------------------------------------
    visit(page, f"/{lang}/accounts/login/")
    follow(page, f"main a[href='/{lang}/accounts/password/reset/']")
    page.fill("[name=email]", email)
    mails_before = outbox_size()
    submit(page, submit_button(page, "email"))
    assert "/accounts/password/reset/done/" in page.url, page.url
    message = wait_for_mail(email, mails_before)
    assert_mail_language(message, lang)
    visit(page, link_in(message, "/accounts/password/reset/key/"))
    page.fill("[name=password1]", NEW_PASSWORD)
    page.fill("[name=password2]", NEW_PASSWORD)
    submit(page, submit_button(page, "password1"))
    assert "/accounts/password/reset/key/done/" in page.url, page.url

    # The old password no longer works; the new one does (with the code).
    visit(page, f"/{lang}/accounts/login/")
    page.fill("[name=login]", email)
    page.fill("[name=password]", PASSWORD)
    submit(page, submit_button(page, "password"))
    assert page.locator(".ln-error-summary").is_visible()
    log_in(page, lang, email, NEW_PASSWORD, totp_secret=secret, used_codes=used_codes)
    assert_logged_in(page)
    assert page.url.rstrip("/").endswith(f"/{lang}"), page.url
