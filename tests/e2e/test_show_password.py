"""Sign-up as the newcomer does it on her phone: the town instead of the region list, and
the password shown while she types it."""

import pytest

from landnetz.accounts.models import User
from tests.e2e.helpers import submit, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("lang", ["uk", "ar"])
def test_sign_up_with_a_town_and_a_visible_password(new_context, lang):
    page = new_context(locale=lang, viewport={"width": 360, "height": 740}).new_page()
    visit(page, f"/{lang}/accounts/signup/")
    page.fill("main [name=display_name]", "Olena Bondarenko")
    page.fill("main [name=email]", "olena@example.org")
    page.fill("main [name=place]", "Tangerhuette")
    page.fill("main [name=password1]", TEST_PASSWORD)
    page.fill("main [name=password2]", TEST_PASSWORD)
    toggle = page.locator("main form input[type=checkbox][id^=ln-show-password]")
    assert page.locator("main [name=password1]").get_attribute("type") == "password"
    toggle.check()
    assert page.locator("main [name=password1]").get_attribute("type") == "text"
    assert page.locator("main [name=password2]").get_attribute("type") == "text"
    page.check("main [name=privacy_consent]")
    submit(page, "main form button[type=submit]")

    user = User.objects.get(email="olena@example.org")
    assert user.region.slug == "stendal" and user.municipality.name == "Tangerhütte"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
