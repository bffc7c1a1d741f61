"""A Ukrainian newcomer signs up on a 360 px phone, mistypes her address twice: the form
says so (error summary focused, "Error:" in the title), and the "please confirm" page lets
her correct the second typo herself — axe-core checks every page on the way."""

import pytest
from django.utils import translation

from landnetz.accounts.models import User
from tests.e2e.helpers import check_page, outbox_size, submit, visit, wait_for_mail
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_newcomer_corrects_her_address_after_signing_up(new_context):
    with translation.override("uk"):
        error_prefix = translation.gettext("Error:")
    page = new_context(locale="uk", viewport={"width": 360, "height": 740}).new_page()
    visit(page, "/uk/accounts/signup/")
    page.fill("main [name=display_name]", "Olena Bondarenko")
    page.fill("main [name=email]", "olena@gmail")  # no ".com"
    page.fill("main [name=place]", "Tangerhuette")
    page.fill("main [name=password1]", TEST_PASSWORD)
    page.fill("main [name=password2]", TEST_PASSWORD)
    page.check("main [name=privacy_consent]")
    submit(page, "main form button[type=submit]")

    assert page.title().startswith(error_prefix)
    assert page.evaluate("document.activeElement.classList.contains('ln-error-summary')")
    assert page.locator("main [name=privacy_consent]").is_checked()
    summary_link = page.locator(".ln-error-summary a[href='#id_email']")
    assert summary_link.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.fill("main [name=email]", "olena@gmial.com")  # corrected the first typo, made another
    page.fill("main [name=password1]", TEST_PASSWORD)
    page.fill("main [name=password2]", TEST_PASSWORD)
    submit(page, "main form button[type=submit]")
    assert page.url.endswith("/uk/accounts/confirmation/")
    assert "olena@gmial.com" in page.locator("#sent-to").inner_text()

    before = outbox_size()
    page.fill("#change-address-form [name=email]", "olena@gmail.com")
    submit(page, "#change-address-form button[type=submit]")
    check_page(page)
    assert "olena@gmail.com" in page.locator("#sent-to").inner_text()
    message = wait_for_mail("olena@gmail.com", before)
    assert "/confirm-email/" in message.body
    assert User.objects.get(display_name="Olena Bondarenko").email == "olena@gmail.com"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
