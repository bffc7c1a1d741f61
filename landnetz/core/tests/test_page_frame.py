"""What every page's frame does: the title after a failed submit, the current section."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang, prefix", [("de", "Fehler:"), ("uk", "Помилка:"), ("ar", "خطأ:")])
def test_a_failed_submit_starts_the_title_with_error_and_focuses_the_summary(client, regions, lang, prefix):
    response = client.post(f"/{lang}/accounts/login/", {"login": "not-an-address", "password": ""})
    html = response.content.decode()
    title = html[html.index("<title>") + len("<title>") : html.index("</title>")].strip()
    assert title.startswith(prefix), title
    assert 'class="kern-alert kern-alert--danger ln-error-summary" role="alert" tabindex="-1" autofocus' in html


def test_a_page_without_errors_has_a_plain_title(client, regions):
    html = client.get("/de/accounts/login/").content.decode()
    assert "Fehler:" not in html[: html.index("</title>")]


def test_region_pages_mark_the_regions_section_not_the_directory(client, regions):
    html = client.get("/de/regions/stendal/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert 'href="/de/regions/" aria-current="page"' in header
    assert 'href="/de/directory/" aria-current="page"' not in header
    header = client.get("/de/directory/").content.decode()
    assert 'href="/de/directory/" aria-current="page"' in header
