"""The header search runs the same number of queries with little and with much data."""

import pytest

from tests.querycount import assert_flat
from tests.test_query_counts import SECTORS, VISIBILITIES, login, organisation, person

pytestmark = pytest.mark.django_db

MORE = 12


@pytest.mark.parametrize("persona", [None, "outsider"])
@pytest.mark.parametrize(
    "query",
    ["q=Sprachmittlerin", "q=Zyx&kind=organisation", "q=Sprachmittlerin&kind=person&page=2"],
    ids=["text", "text-and-kind", "second-page"],
)
def test_site_search(client, request, regions, persona, query):
    login(client, request, persona)

    def grow(count):
        for index in range(count):
            someone = person(visibility=VISIBILITIES[index % 2], sector=SECTORS[index % 3])
            organisation(someone, sector=SECTORS[index % 3], visibility=VISIBILITIES[index % 2])

    grow(2)
    url = f"/de/search/?{query}"
    shows = (lambda html: html.count("ln-result")) if "page=2" not in query else None
    assert_flat(client, url, grow=lambda: grow(MORE * 3 if "page=2" in query else MORE), shows=shows)
