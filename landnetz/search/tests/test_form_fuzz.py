"""Any input into the header search answers a page (never a server error) and writes nothing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from landnetz.accounts.models import Profile
from landnetz.search import index
from landnetz.search.models import SearchEntry
from tests.boundaries import TEXTS, examples, snapshot

pytestmark = pytest.mark.django_db

values = st.one_of(st.text(max_size=300), st.sampled_from(["person", "organisation", "note", "", "Person"]))


@pytest.fixture
def someone(volunteer):
    profile = Profile.objects.create(user=volunteer, visibility="public", job_title="Sprachmittlerin")
    index.reindex("person", [profile])
    return volunteer


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=values, kind=values, page=st.one_of(st.text(max_size=30), st.integers().map(str)))
@examples(
    [{"q": text, "kind": "", "page": "1"} for text in TEXTS]
    + [{"q": "Sprach", "kind": text, "page": "1"} for text in TEXTS]
    + [{"q": "Sprach", "kind": "person", "page": page} for page in ["0", "-1", "999999999999999999999", "x"]]
    + [{"q": '"Sprach" OR zzaudmembers', "kind": "", "page": "1"}, {"q": "NEAR(a b) * : ^", "kind": "", "page": "1"}]
)
def test_any_search_answers_a_page_and_changes_nothing(client, someone, q, kind, page):
    before = snapshot(SearchEntry, Profile)
    response = client.get("/de/search/", {"q": q, "kind": kind, "page": page})
    assert response.status_code == 200
    html = response.content.decode()
    valid_kind = kind in ("", "person", "organisation")
    if not valid_kind:
        assert "Bitte wählen Sie aus der Liste aus." in html and "ln-results-list" not in html
    assert snapshot(SearchEntry, Profile) == before
