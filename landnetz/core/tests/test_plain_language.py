"""The easy-to-read page (Leichte Sprache) promises only what exists and names the
operator's contact from the settings, never a placeholder."""

import hashlib
import importlib

import pytest
from django.apps import apps

from landnetz.core.legal_defaults import default_pages
from landnetz.core.models import LegalPage
from tests.html import parse

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("landnetz.core.migrations.0006_leichte_sprache_2")
# Promises of the first text that Landnetz does not keep: questions and answers, offers, events.
UNKEPT = ["Fragen stellen", "Angebote finden", "Veranstaltungen finden", "[E-Mail-Adresse"]


def contact_section(client, language="de"):
    response = client.get(f"/{language}/legal/leichte-sprache/")
    assert response.status_code == 200
    return parse(response.content).find("section", class_="ln-operator")


@pytest.mark.parametrize("language", ["de", "uk"])
def test_the_page_shows_the_configured_operator_contact(client, settings, language):
    settings.LANDNETZ_OPERATOR_NAME = "Landkreis Börde, Stabsstelle Integration"
    settings.LANDNETZ_OPERATOR_ADDRESS = "Gerikestraße 104, 39340 Haldensleben"
    settings.LANDNETZ_OPERATOR_EMAIL = "integration@boerde.example"
    settings.LANDNETZ_OPERATOR_PHONE = "03904 7240-0"
    section = contact_section(client, language)
    assert section["lang"] == "de"  # part of the German easy-to-read text, also on a Ukrainian page
    text = section.text()
    assert "Landkreis Börde, Stabsstelle Integration" in text
    assert "Gerikestraße 104, 39340 Haldensleben" in text
    links = {link["href"] for link in section.find_all("a")}
    assert links == {"mailto:integration@boerde.example", "tel:0390472400"}
    assert "[" not in text


def test_without_configured_contact_the_page_points_to_the_legal_notice(client, settings):
    settings.LANDNETZ_OPERATOR_NAME = settings.LANDNETZ_OPERATOR_ADDRESS = ""
    settings.LANDNETZ_OPERATOR_EMAIL = settings.LANDNETZ_OPERATOR_PHONE = ""
    section = contact_section(client)
    assert [link["href"] for link in section.find_all("a")] == ["/de/legal/impressum/"]


def test_the_contact_is_only_on_the_easy_to_read_page(client):
    response = client.get("/de/legal/impressum/")
    assert b"ln-operator" not in response.content


def test_the_text_promises_only_what_exists():
    (body,) = [body for slug, language, _, body in default_pages() if slug == "leichte-sprache"]
    for promise in UNKEPT:
        assert promise not in body
    stored = LegalPage.objects.get(slug="leichte-sprache", language="de")
    assert stored.body == body


def test_the_migration_replaces_only_the_unedited_first_text():
    page = LegalPage.objects.get(slug="leichte-sprache", language="de")
    first = "Der erste Text mit [E-Mail-Adresse der betreibenden Stelle]"
    LegalPage.objects.filter(pk=page.pk).update(body=first)
    version = page.version
    MIGRATION.FIRST_DEFAULT = hashlib.sha256(first.encode()).hexdigest()
    try:
        MIGRATION.update(apps, None)
        page.refresh_from_db()
        assert "[E-Mail-Adresse" not in page.body
        assert page.version == version + 1  # a new version of the page

        LegalPage.objects.filter(pk=page.pk).update(body="Vom Betreiber bearbeitet.")
        MIGRATION.update(apps, None)
        page.refresh_from_db()
        assert page.body == "Vom Betreiber bearbeitet."  # an edited page stays
    finally:
        importlib.reload(MIGRATION)
