"""A newcomer searches in her own language and finds the German-language profile by its
topic — the words come from the shared vocabulary (search.vocabulary), not from the text."""

import pytest

from landnetz.accounts import services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality, Topic
from tests.e2e.helpers import check_page, visit
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _german_profile(name, place, topic_slug):
    municipality = Municipality.objects.get(name=place)
    user = UserFactory(display_name=name, region=municipality.region, municipality=municipality)
    data = {
        "visibility": "public", "bio": "Montags und mittwochs in der Volkshochschule.", "sector": "education",
        "job_title": "", "municipality": municipality.pk, "topics": list(Topic.objects.filter(slug=topic_slug)),
        "is_interpreter": False, "open_to_newcomers": True,
        "contact_email": "", "contact_email_visibility": "nobody", "phone": "", "phone_visibility": "nobody",
        "messenger": "", "messenger_visibility": "nobody", "office_hours": "", "office_hours_visibility": "nobody",
    }  # fmt: skip
    services.update_profile(user=user, profile=profile_of(user), data=data, languages=[("de", "native")])


@pytest.mark.parametrize(
    ("lang", "query"),
    [("uk", "курси німецької"), ("ar", "دورة اللغة الألمانية"), ("ru", "курсы немецкого")],
)
def test_a_search_in_the_newcomers_language_finds_the_german_profile_by_topic(new_context, lang, query):
    _german_profile("Gudrun Vollmer", "Tangerhütte", "sprachkurse")  # topic "Sprachkurse" only
    _german_profile("Peter Malchow", "Stendal", "wohnen")
    context = new_context(viewport={"width": 360, "height": 740}, locale=lang)
    page = context.new_page()
    visit(page, f"/{lang}/directory/")

    page.fill("main [name=q]", query)
    with page.expect_response(lambda response: "/directory/" in response.url):
        page.click("main form button[type=submit]")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'results-heading'")
    check_page(page, lang)

    results = page.locator("#results").inner_text()
    assert "Gudrun Vollmer" in results
    assert "Peter Malchow" not in results
