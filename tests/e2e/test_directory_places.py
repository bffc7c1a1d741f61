"""A place in the directory means near: nearest first, within the chosen radius — typed
without umlauts, with the form's own defaults, and the focus lands on the results."""

import pytest

from landnetz.accounts import services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality
from tests.e2e.helpers import check_page, log_in, visit
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _person(name, place):
    municipality = Municipality.objects.get(name=place)
    user = UserFactory(display_name=name, region=municipality.region, municipality=municipality)
    data = {
        "visibility": "public", "bio": "", "sector": "civil_society", "job_title": "Sprachmittlerin",
        "municipality": municipality.pk, "topics": [], "is_interpreter": True, "open_to_newcomers": True,
        "contact_email": "", "contact_email_visibility": "nobody", "phone": "", "phone_visibility": "nobody",
        "messenger": "", "messenger_visibility": "nobody", "office_hours": "", "office_hours_visibility": "nobody",
    }  # fmt: skip
    services.update_profile(user=user, profile=profile_of(user), data=data, languages=[("uk", "native")])


@pytest.mark.parametrize("lang", ["de", "uk"])
def test_a_place_search_sorts_by_distance_within_the_radius(page, volunteer, lang):
    _person("Zora Zander", "Tangerhütte")  # the place itself
    _person("Berta Abendroth", "Stendal")  # about 20 km
    _person("Carla Albrecht", "Gardelegen")  # about 40 km
    _person("Dora Kühn", "Naumburg (Saale)")  # about 150 km
    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    visit(page, f"/{lang}/directory/")

    page.fill("main [name=near]", "Tangerhuette")  # typed without the umlaut
    page.select_option("main [name=radius]", "50")
    with page.expect_response(lambda response: "/directory/" in response.url):
        page.click("main form button[type=submit]")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'results-heading'")
    check_page(page, lang)

    results = page.locator("#results").inner_text()
    assert results.index("Zora Zander") < results.index("Berta Abendroth") < results.index("Carla Albrecht")
    assert "Dora Kühn" not in results
    assert "radius=50" in page.url  # the address can be shared, without a history entry per change
