from pathlib import Path

import pytest
from django.utils import translation

from landnetz.core.models import AuditEntry, LegalPage
from tests.html import parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en", "uk", "ar", "ru"]
# The translations that ship with Landnetz; every other language reads the German text.
TRANSLATED = {
    "impressum": {"de", "en"},
    "datenschutz": {"de", "en", "uk", "ar", "ru"},
    "barrierefreiheit": {"de", "en"},
    "leichte-sprache": {"de"},
}
FALLBACK_NOTE = "This page is not yet available in your language. You are reading the German version."


def test_the_table_of_translations_is_the_shipped_one():
    defaults = Path(__file__).parents[1] / "legal_defaults"
    shipped = {}
    for file in defaults.glob("*.md"):
        slug, language = file.stem.rsplit(".", 1)
        shipped.setdefault(slug, set()).add(language)
    assert shipped == TRANSLATED
    assert set(TRANSLATED) == set(LegalPage.Slug.values)


@pytest.mark.parametrize("slug", list(TRANSLATED))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_legal_page_in_every_language_is_a_translation_or_german_with_a_note(client, slug, language):
    response = client.get(f"/{language}/legal/{slug}/")
    assert response.status_code == 200
    document = parse(response.content)
    article = document.find("article")
    translated = language in TRANSLATED[slug]
    text_language = language if translated else "de"
    page = LegalPage.objects.get(slug=slug, language=text_language)
    assert document.find("html")["lang"] == language  # the interface stays in the visitor's language
    assert article["lang"] == text_language  # the text is marked as what it is, for screen readers
    assert article.find("h1").text() == page.title
    notes = [p for p in article.find_all("p") if p.get("lang") == language and "ln-muted" in p.get("class", "")]
    with translation.override(language):
        note = translation.gettext(FALLBACK_NOTE)
    if translated:
        assert note not in article.text()
    else:
        assert note in [p.text() for p in notes], f"no note in {language} that the text is German"


def test_missing_language_falls_back_to_german_with_a_note(client):
    document = parse(client.get("/uk/legal/leichte-sprache/").content)
    article = document.find("article")
    assert document.find("html")["lang"] == "uk"
    assert article["lang"] == "de"  # the article is marked as German for screen readers
    assert article.find("h1").text() == LegalPage.objects.get(slug="leichte-sprache", language="de").title
    note = article.find_all("p", lang="uk")[0]  # first the note, at the end the version line
    assert note.text() == "Ця сторінка ще не доступна Вашою мовою. Ви читаєте німецьку версію."


def test_admin_edits_page_new_version_and_audit_entry(client, network_admin):
    client.force_login(network_admin)
    before = LegalPage.objects.get(slug="impressum", language="de").version
    response = client.post(
        "/de/legal/impressum/edit/",
        {"language": "de", "title": "Impressum", "body": "## Anbieter\n\nLandkreis Stendal <script>alert(1)</script>"},
    )
    assert response.status_code == 302
    page = LegalPage.objects.get(slug="impressum", language="de")
    assert page.version == before + 1
    assert AuditEntry.objects.filter(verb="legal_page.saved", actor=network_admin).exists()
    html = client.get("/de/legal/impressum/").content.decode()
    assert "<h2>Anbieter</h2>" in html
    assert "<script>alert(1)</script>" not in html


def test_bad_edit_changes_nothing(client, network_admin):
    client.force_login(network_admin)
    before = LegalPage.objects.get(slug="impressum", language="de")
    response = client.post("/de/legal/impressum/edit/", {"language": "de", "title": "", "body": "x\u202e"})
    assert response.status_code == 200
    assert "ln-error-summary" in response.content.decode()
    after = LegalPage.objects.get(slug="impressum", language="de")
    assert (after.title, after.body, after.version) == (before.title, before.body, before.version)


@pytest.mark.parametrize("persona", ["volunteer", "coordinator"])
def test_members_cannot_edit(client, request, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    before = LegalPage.objects.get(slug="impressum", language="de").body
    response = client.post("/de/legal/impressum/edit/", {"language": "de", "title": "X", "body": "Y"})
    assert response.status_code == 403
    assert LegalPage.objects.get(slug="impressum", language="de").body == before


def test_markdown_is_sanitised():
    from landnetz.core.markdown import render_markdown

    html = render_markdown("[x](javascript:alert(1)) <img src=x onerror=alert(1)> **fett**")
    assert 'href="javascript' not in html
    assert "<img" not in html
    assert "<strong>fett</strong>" in html


def test_audit_log_page_paginates(client, network_admin):
    """Fifty entries a page (its query count: tests/test_query_counts.py)."""
    from landnetz.core.services import audit

    for index in range(60):
        audit(actor=network_admin, verb="test.action", data={"n": index})
    client.force_login(network_admin)
    html = client.get("/de/audit/").content.decode()
    assert html.count("test.action") == 50
    assert "?page=2" in html
    assert client.get("/de/audit/?page=2").content.decode().count("test.action") == 10
