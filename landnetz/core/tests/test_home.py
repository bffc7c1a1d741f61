"""The start page for visitors and newcomers: first what one finds here, in the page's
language, with a search box; then the network's story. Members keep their work list."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

from landnetz.core.models import Topic
from landnetz.directory.tests.test_search import make_person
from tests.html import parse

pytestmark = pytest.mark.django_db

FIND_LABELS = [
    "A German course",
    "Counselling",
    "A doctor",
    "Help with a letter from an office",
    "Work and training",
]


def home(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response.content.decode(), parse(response.content)


def finds_of(document) -> dict[str, str]:
    """{link text: href} of the "what you can find here" list."""
    return {link.text(): link["href"] for link in document.find("ul", class_="ln-find__list").find_all("a")}


def query_of(href: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(href).query).items()}


@pytest.mark.parametrize("language", ["de", "uk", "ar"])
def test_a_visitor_first_learns_what_to_find_here_in_the_page_language(client, regions, language):
    html, document = home(client, language)
    finds = finds_of(document)
    with translation.override(language):
        labels = [gettext(label) for label in FIND_LABELS]
        speaks = gettext("Someone who interprets" if language == "de" else "Someone who speaks your language")
        doctor_word = pgettext("search word", "doctor")
        letter_word = pgettext("search word", "authority")
    assert list(finds) == [speaks, *labels]
    for href in finds.values():
        assert urlsplit(href).path == f"/{language}/directory/"
    links = dict(zip(["speaks", *FIND_LABELS], finds.values(), strict=True))
    assert query_of(links["speaks"]) == ({"interpreter": "on"} if language == "de" else {"language": language})
    assert query_of(links["A German course"]) == {"topic": "sprachkurse"}
    assert query_of(links["Counselling"]) == {"topic": "beratung"}
    assert query_of(links["A doctor"]) == {"q": doctor_word}
    assert query_of(links["Help with a letter from an office"]) == {"q": letter_word}
    assert query_of(links["Work and training"]) == {"topic": "arbeitsmarkt"}
    # The only <h1> is "find help"; the network's story follows below it.
    assert [h1["id"] for h1 in document.find_all("h1")] == ["find-heading"]
    assert html.index('id="find-heading"') < html.index("ln-hero") < html.index('id="legs-heading"')


@pytest.mark.parametrize("language", ["de", "uk"])
def test_the_search_box_asks_the_directory_with_labelled_fields(client, regions, language):
    _, document = home(client, language)
    form = document.find("form", class_="ln-find__search")
    assert form["method"] == "get"
    assert form["action"] == f"/{language}/directory/"
    names = []
    for field in form.find_all("input"):
        assert document.find("label", **{"for": field["id"]}).text()  # every field has a visible label
        names.append(field["name"])
    assert names == ["q", "near"]  # the directory form's own field names
    assert form.find("button")["type"] == "submit"


@pytest.mark.parametrize("language", ["de", "uk"])
def test_every_link_lands_on_results_without_errors(client, regions, language):
    make_person(
        regions, "Olha Koval", "Stendal", topics=["sprachkurse"], languages=[("uk", "native")], interpreter=True
    )
    _, document = home(client, language)
    for href in finds_of(document).values():
        response = client.get(href)
        assert response.status_code == 200
        assert 'aria-invalid="true"' not in response.content.decode(), href
    course = client.get(query_of_link(document, "A German course", language)).content.decode()
    assert "Olha Koval" in course
    search = client.get(f"/{language}/directory/?q=Olha&near=Stendal").content.decode()
    assert "Olha Koval" in search


def query_of_link(document, label, language) -> str:
    with translation.override(language):
        return finds_of(document)[gettext(label)]


def test_a_deleted_topic_falls_back_to_a_search_word(client, regions):
    Topic.objects.filter(slug="sprachkurse").delete()
    _, document = home(client, "uk")
    with translation.override("uk"):
        href = finds_of(document)[gettext("A German course")]
        word = pgettext("search word", "German course")
    assert query_of(href) == {"q": word}
    assert client.get(href).status_code == 200


def test_a_member_keeps_the_start_page_with_the_work_list(client, coordinator):
    client.force_login(coordinator)
    html, document = home(client, "de")
    assert "ln-find__search" not in html
    assert 'id="work-heading"' in html  # "Waiting for you"
    assert [h1.get("id") for h1 in document.find_all("h1")] == [None]  # the network's heading
    # What one finds here comes after the work list: a logged-in newcomer still needs it.
    assert html.index('id="work-heading"') < html.index('id="member-finds-heading"')
    assert len(finds_of(document)) == 1 + len(FIND_LABELS)
    assert 'class="kern-link" href="/de/accounts/profile/"' in html[html.index('id="member-finds-heading"') :]


def test_region_names_in_the_region_list_are_links(client, regions):
    document = parse(client.get("/de/regions/").content)
    links = {
        link["href"] for item in document.find_all("li", class_="ln-region-list__item") for link in item.find_all("a")
    }
    assert links == {f"/de/regions/{region.slug}/" for region in regions.values()}
    for item in document.find_all("li", class_="ln-region-list__item"):
        assert item.find("h3").find("a")  # the name itself is the link
