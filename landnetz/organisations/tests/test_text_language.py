"""An organisation's page in another language's page (issue 8): the description carries its
language, addresses and numbers stay left-to-right runs, the municipality select is
grouped by region, the visibility is a group of KERN radio buttons."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import translation

from landnetz.core.models import Municipality, Region
from landnetz.organisations.forms import OrganisationForm
from landnetz.organisations.models import Organisation
from landnetz.organisations.tests.helpers import valid_post
from tests.html import parse
from tests.querycount import assert_flat

pytestmark = pytest.mark.django_db

NEW = "/{lang}/organisations/new/"


def selected(select) -> list[str]:
    return [option["value"] for option in select.find_all("option") if "selected" in option.attrs]


def test_a_new_description_is_in_the_language_of_the_page_unless_chosen(client, volunteer, stendal):
    client.force_login(volunteer)
    document = parse(client.get(NEW.format(lang="uk")).content)
    assert selected(document.find("select", name="description_language")) == ["uk"]
    response = client.post(NEW.format(lang="ar"), valid_post(stendal, description_language="de"))
    assert response.status_code == 302
    assert Organisation.objects.get().description_language == "de"


def test_not_sent_the_writers_own_language_is_taken(client, newcomer, stendal):
    client.force_login(newcomer)  # writes in Ukrainian
    assert client.post(NEW.format(lang="de"), valid_post(stendal, name="Ohne Sprache")).status_code == 302
    assert Organisation.objects.get(name="Ohne Sprache").description_language == "uk"


def test_edit_keeps_or_changes_the_language(client, volunteer, make_org, stendal):
    organisation = make_org(volunteer, name="Sprachcafé", municipality=stendal, description_language="ar")
    client.force_login(volunteer)
    url = f"/de/organisations/{organisation.slug}/edit/"
    assert selected(parse(client.get(url).content).find("select", name="description_language")) == ["ar"]
    assert client.post(url, valid_post(stendal, name="Sprachcafé")).status_code == 302
    organisation.refresh_from_db()
    assert organisation.description_language == "ar"  # not sent: unchanged
    assert client.post(url, valid_post(stendal, name="Sprachcafé", description_language="fa")).status_code == 302
    organisation.refresh_from_db()
    assert organisation.description_language == "fa"


def test_an_unknown_language_is_refused_by_form_and_service(volunteer, make_org, stendal):
    form = OrganisationForm(data=valid_post(stendal, description_language="xx"))
    assert not form.is_valid() and "description_language" in form.errors
    with pytest.raises(ValidationError):
        make_org(volunteer, name="Falsch", municipality=stendal, description_language="xx")
    assert not Organisation.objects.filter(name="Falsch").exists()


def test_a_german_description_on_an_arabic_page_is_marked_german(client, volunteer, make_org, stendal):
    organisation = make_org(
        volunteer,
        name="Tafel Stendal",
        municipality=stendal,
        description="Wir verteilen **Lebensmittel**.",
        description_language="de",
        street="Bahnhofstraße 1",
        postcode="39576",
        website="https://tafel-stendal.example",
        email="info@tafel-stendal.example",
        phone="+49 3931 12345",
    )
    document = parse(client.get(f"/ar/organisations/{organisation.slug}/").content)
    assert document.find("html")["lang"] == "ar"
    description = document.find("strong").parent
    while description.get("lang") is None:
        description = description.parent
    assert (description["lang"], description.get("dir")) == ("de", "auto")
    # Left-to-right fragments are isolated left-to-right runs.
    assert document.find("a", href="tel:+49393112345")["dir"] == "ltr"
    assert document.find("a", href="mailto:info@tafel-stendal.example")["dir"] == "ltr"
    website = document.find("a", href="https://tafel-stendal.example").find("bdi")
    assert website["dir"] == "ltr"
    postcode = [bdi for bdi in document.find_all("bdi") if bdi.text().startswith("39576")]
    assert [bdi.get("dir") for bdi in postcode] == ["ltr"]


def test_the_search_entry_knows_the_language(volunteer, make_org, stendal):
    from landnetz.search.models import SearchEntry

    organisation = make_org(volunteer, name="Sprachcafé", municipality=stendal, description_language="ru")
    assert SearchEntry.objects.get(kind="organisation", object_id=organisation.pk).language == "ru"


def test_the_hint_does_not_say_markdown():
    for language in ("de", "en", "uk", "ar", "ru"):
        with translation.override(language):
            assert "markdown" not in str(OrganisationForm.base_fields["description"].help_text).casefold()


def test_visibility_is_a_group_of_kern_radio_buttons(client, volunteer):
    client.force_login(volunteer)
    document = parse(client.get(NEW.format(lang="de")).content)
    radios = document.find_all("input", name="visibility")
    assert [radio["type"] for radio in radios] == ["radio", "radio"]
    assert all(radio["class"] == "kern-form-check__radio" for radio in radios)
    assert all(radio.parent["class"] == "kern-form-check" for radio in radios)
    assert all(document.find("label", **{"for": radio["id"]}) for radio in radios)


def test_municipalities_are_grouped_by_region_in_one_query(client, volunteer, regions):
    client.force_login(volunteer)
    select = parse(client.get(NEW.format(lang="de")).content).find("select", name="municipality")
    groups = select.find_all("optgroup")
    assert [group["label"] for group in groups] == sorted(region.name for region in regions.values())
    assert sum(len(group.find_all("option")) for group in groups) == Municipality.objects.count()

    def grow():
        region = Region.objects.create(ags="15998", name="Landkreis Probe", kind="district", slug="probe")
        Municipality.objects.bulk_create(
            Municipality(ags=f"15998{index:03}", region=region, name=f"Probedorf {index}") for index in range(30)
        )

    assert_flat(client, NEW.format(lang="de"), grow=grow, shows=lambda html: html.count("<optgroup"))


def test_data_migration_takes_the_language_of_who_registered_it(volunteer, newcomer, make_org, stendal):
    migration = importlib.import_module("landnetz.organisations.migrations.0004_description_language")
    by_newcomer = make_org(newcomer, name="Von Olena", municipality=stendal)
    by_volunteer = make_org(volunteer, name="Von Helga", municipality=stendal)
    orphan = make_org(volunteer, name="Ohne Gründerin", municipality=stendal)
    Organisation.objects.filter(pk=orphan.pk).update(created_by=None)
    Organisation.objects.update(description_language="de")
    Organisation.objects.filter(pk=by_newcomer.pk).update(description_language="en")
    migration.from_the_writer(apps, None)
    languages = dict(Organisation.objects.values_list("pk", "description_language"))
    assert languages == {by_newcomer.pk: "uk", by_volunteer.pk: volunteer.preferred_language, orphan.pk: "de"}
