import pytest

from landnetz.core.models import AuditEntry, LegalPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"])
@pytest.mark.parametrize("language", ["de", "en", "uk", "ar", "ru"])
def test_every_legal_page_exists_in_every_language(client, slug, language):
    response = client.get(f"/{language}/legal/{slug}/")
    assert response.status_code == 200


def test_missing_language_falls_back_to_german_with_a_note(client):
    response = client.get("/uk/legal/leichte-sprache/")
    html = response.content.decode()
    assert 'lang="de"' in html  # the article is marked as German for screen readers


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


def test_audit_log_page_paginates(client, network_admin, django_assert_max_num_queries):
    from landnetz.core.services import audit

    for index in range(60):
        audit(actor=network_admin, verb="test.action", data={"n": index})
    client.force_login(network_admin)
    with django_assert_max_num_queries(10):
        response = client.get("/de/audit/")
    html = response.content.decode()
    assert html.count("test.action") == 50
    assert "?page=2" in html
