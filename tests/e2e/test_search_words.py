"""A coordinator adds a search word with its Ukrainian name; a newcomer then finds the
German profile that uses the German word, by the Ukrainian one (German and Arabic pages)."""

import pytest

from landnetz.accounts import services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality
from tests.e2e.helpers import check_page, log_in, log_out, submit, visit
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _beekeeper():
    place = Municipality.objects.get(name="Tangerhütte")
    user = UserFactory(display_name="Gerd Imhof", region=place.region, municipality=place)
    data = {
        "visibility": "public", "bio": "Ich zeige Kindern meine Bienen.", "sector": "civil_society",
        "job_title": "Imker", "municipality": place.pk, "topics": [], "is_interpreter": False,
        "open_to_newcomers": True, "contact_email": "", "contact_email_visibility": "nobody", "phone": "",
        "phone_visibility": "nobody", "messenger": "", "messenger_visibility": "nobody", "office_hours": "",
        "office_hours_visibility": "nobody",
    }  # fmt: skip
    services.update_profile(user=user, profile=profile_of(user), data=data, languages=[("de", "native")])


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_a_coordinator_adds_a_word_and_the_newcomers_language_finds_it(page, coordinator, lang):
    _beekeeper()
    log_in(page, lang, coordinator.email, TEST_PASSWORD)
    visit(page, f"/{lang}/search/vocabulary/")
    check_page(page, lang)
    visit(page, f"/{lang}/search/vocabulary/new/")
    check_page(page, lang)
    page.fill("main [name=name]", "Imker")
    page.check("main [name=kind][value=profession]")
    page.fill("main [name=words_uk]", "пасічник, бджоляр")
    submit(page, "main form button[type=submit]")
    assert page.url.endswith(f"/{lang}/search/vocabulary/"), page.url
    check_page(page, lang)
    assert "Imker" in page.locator("main table").inner_text()

    log_out(page)
    visit(page, "/uk/search/?q=пасічник")
    check_page(page, "uk")
    assert "Gerd Imhof" in page.locator("main").inner_text()
