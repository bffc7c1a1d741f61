"""Every page, logged out and logged in, in German and Arabic (right-to-left), through axe-core."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt

from tests.e2e.helpers import check_page, log_in, reauthenticate, submit, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ["de", "ar"]

PUBLIC_PAGES = [
    "",
    "regions/",
    "regions/stendal/",
    "regions/?postcode=39517",
    "regions/?postcode=abc",
    "legal/impressum/",
    "legal/datenschutz/",
    "legal/barrierefreiheit/",
    "legal/leichte-sprache/",
    "accounts/login/",
    "accounts/signup/",
    "accounts/password/reset/",
]

MEMBER_PAGES = [
    "accounts/preferences/",
    "accounts/2fa/",
    "accounts/2fa/totp/activate/",
    "accounts/email/",
    "accounts/password/change/",
    "accounts/consent/",
    "privacy/delete-account/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES, ids=lambda p: p.strip("/") or "home")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_page(page, lang, path):
    url = f"/{lang}/{path}"
    response = page.goto(url)
    # The legal pages come with a data migration: a 404 here is a failure, not a skip.
    assert response.status < 400, f"{url} answered {response.status}"
    check_page(page, lang)

    if path.endswith("postcode=39517"):
        results = page.locator("main [role=status]")
        assert "Tangerhütte" in results.inner_text()
    if path.endswith("postcode=abc"):
        assert page.locator(".ln-error-summary").is_visible()
        postcode = page.locator("#id_postcode")
        assert postcode.get_attribute("aria-invalid") == "true"
        assert "id_postcode_error" in postcode.get_attribute("aria-describedby")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_signup_submitted_empty_shows_accessible_errors(page, lang):
    visit(page, f"/{lang}/accounts/signup/")
    submit(page, "main form button[type=submit]")
    summary = page.locator(".ln-error-summary")
    assert summary.is_visible()
    # Every invalid field is marked and points at its error message.
    invalid = page.locator("main [aria-invalid=true]")
    assert invalid.count() >= 4
    for index in range(invalid.count()):
        field = invalid.nth(index)
        described_by = (field.get_attribute("aria-describedby") or "").split()
        assert any(page.locator(f"[id='{ref}']").count() for ref in described_by), (
            f"{field.get_attribute('name')} has no error message linked by aria-describedby"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_member_pages(page, volunteer, lang):
    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    for path in MEMBER_PAGES:
        visit(page, f"/{lang}/{path}")
        if "/accounts/reauthenticate/" in page.url:
            # allauth asks for the password again before two-factor settings change.
            reauthenticate(page, TEST_PASSWORD)
        assert page.url.endswith(f"/{lang}/{path}"), f"expected /{lang}/{path}, got {page.url}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_audit_log_for_network_admin(page, network_admin, lang):
    totp = Authenticator.objects.get(user=network_admin, type=Authenticator.Type.TOTP)
    log_in(page, lang, network_admin.email, TEST_PASSWORD, totp_secret=decrypt(totp.data["secret"]))
    visit(page, f"/{lang}/audit/")
    assert page.locator("nav a[href$='/audit/']").count() == 1
