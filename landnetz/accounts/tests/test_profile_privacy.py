"""Profiles tell the truth about privacy (issue 8): visibility as radio buttons with distinct
labels, "Add another language" without saving, member-written text with its language,
left-to-right fragments isolated, municipalities grouped by region."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext

from landnetz.accounts.forms import LanguageFormSet, ProfileForm
from landnetz.accounts.models import Profile, ProfileLanguage, User
from landnetz.accounts.queries import profile_of
from landnetz.accounts.tests.test_profile import profile_data
from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.core.models import Municipality, Region, Visibility
from tests.boundaries import snapshot
from tests.html import parse
from tests.querycount import assert_flat

pytestmark = pytest.mark.django_db

URL = "/de/accounts/profile/"
VISIBILITY_FIELDS = ["visibility", *(f"{name}_visibility" for name in Profile.CONTACT_FIELDS)]
PROFILE_TABLES = (Profile, ProfileLanguage, Profile.topics.through, User)


def rows(document):
    """The language rows the page shows (not the <template> row for JavaScript)."""
    return document.find("div", id="languages-rows").find_all("div", class_="ln-language-row")


# --- 1. Visibility: radio buttons with a legend and distinct labels ------------------------


def test_every_visibility_is_a_group_of_radio_buttons_with_a_legend(client, volunteer):
    client.force_login(volunteer)
    document = parse(client.get(URL).content)
    form = ProfileForm()
    for name in VISIBILITY_FIELDS:
        assert not document.find_all("select", name=name), name
        radios = document.find_all("input", name=name)
        assert [radio["type"] for radio in radios] == ["radio"] * 3, name
        assert [radio["value"] for radio in radios] == list(Visibility.values)
        assert all("kern-form-check__radio" in radio["class"].split() for radio in radios)
        # The group's accessible name: the fieldset around the radios, its legend the field's label.
        fieldset = radios[0].parent
        while fieldset.tag != "fieldset":
            fieldset = fieldset.parent
        assert len(fieldset.find_all("input", name=name)) == 3
        with translation.override("de"):
            assert fieldset.find("legend").text() == str(form.fields[name].label)
        # Each radio has its own label.
        for radio in radios:
            label = document.find("label", **{"for": radio["id"]})
            with translation.override("de"):
                assert label.text() == str(Visibility(radio["value"]).label)
    # Everything starts as "only me".
    checked = [radio["value"] for radio in document.find_all("input", type="radio") if "checked" in radio.attrs]
    assert checked == ["nobody"] * len(VISIBILITY_FIELDS)


@pytest.mark.parametrize("language", ["de", "en", "uk", "ar", "ru"])
def test_visibility_labels_start_with_different_words(language):
    with translation.override(language):
        first_words = [str(label).split()[0].strip(",").casefold() for label in Visibility.labels]
    assert len(set(first_words)) == len(first_words), first_words


def test_choosing_a_radio_saves_that_visibility(client, volunteer):
    client.force_login(volunteer)
    response = client.post(URL, profile_data(visibility="public", phone_visibility="members"))
    assert response.status_code == 302
    profile = Profile.objects.get(user=volunteer)
    assert (profile.visibility, profile.phone_visibility) == ("public", "members")
    document = parse(client.get(URL).content)
    assert "checked" in document.find("input", name="visibility", value="public").attrs
    assert "checked" not in document.find("input", name="visibility", value="nobody").attrs


# --- 2. "Add another language" without JavaScript -------------------------------------------


def test_add_language_without_javascript_keeps_everything_and_saves_nothing(client, volunteer):
    client.force_login(volunteer)
    page = parse(client.get(URL).content)
    button = page.find("button", **{"data-formset-add": "languages"})
    assert button["type"] == "submit" and button["name"] == "add-language"
    # Enter in a text field saves: the first submit button of the form is not "Add another language".
    form = button.parent
    while form.tag != "form":
        form = form.parent
    first = next(element for element in form.iter() if element.get("type") == "submit")
    assert first.get("name") is None
    before = snapshot(*PROFILE_TABLES)

    data = profile_data(phone="+49 3935 987654", **{"add-language": "1"})
    response = client.post(URL, data)

    assert response.status_code == 200
    assert snapshot(*PROFILE_TABLES) == before  # nothing saved
    document = parse(response.content)
    assert not document.find_all(class_="ln-error-summary")
    assert len(rows(document)) == 3  # two typed rows and one new, empty one
    assert document.find("input", name="languages-TOTAL_FORMS")["value"] == "3"
    new_code = document.find("select", name="languages-2-code")
    assert "autofocus" in new_code.attrs  # the focus goes to the new row
    assert not [o for o in new_code.find_all("option") if "selected" in o.attrs and o.get("value")]
    # What was typed is still there.
    assert document.find("textarea", name="bio").raw_text().removeprefix("\n") == data["bio"]
    assert document.find("input", name="phone")["value"] == "+49 3935 987654"
    assert document.find("input", name="job_title")["value"] == "Ehrenamtliche"
    assert "checked" in document.find("input", name="visibility", value="members").attrs
    assert "checked" in document.find("input", name="office_hours_visibility", value="public").attrs
    for name, value in (("languages-0-code", "de"), ("languages-1-code", "ru"), ("languages-1-level", "basic")):
        selected = [o["value"] for o in document.find("select", name=name).find_all("option") if "selected" in o.attrs]
        assert selected == [value], name
    municipality = document.find("select", name="municipality")
    selected = [o["value"] for o in municipality.find_all("option") if "selected" in o.attrs]
    assert selected == [str(data["municipality"])]

    # The page as sent back, with the third language filled in, saves all three.
    data |= {"languages-TOTAL_FORMS": "3", "languages-2-code": "uk", "languages-2-level": "good"}
    del data["add-language"]
    assert client.post(URL, data).status_code == 302
    codes = list(Profile.objects.get(user=volunteer).languages.values_list("code", flat=True))
    assert sorted(codes) == ["de", "ru", "uk"]


def test_add_language_with_a_wrong_value_still_saves_nothing_and_shows_no_error(client, volunteer):
    client.force_login(volunteer)
    client.get(URL)  # the profile exists from the first visit
    before = snapshot(*PROFILE_TABLES)
    response = client.post(URL, profile_data(phone="call me", **{"add-language": "1"}))
    assert response.status_code == 200 and snapshot(*PROFILE_TABLES) == before
    document = parse(response.content)
    assert document.find("input", name="phone")["value"] == "call me"
    assert not document.find_all(class_="ln-error-summary")  # errors are for "Save", not for a new row


@pytest.mark.parametrize("total", ["12", "99999", "-3", "x"])
def test_add_language_never_grows_beyond_the_limit(client, volunteer, total):
    client.force_login(volunteer)
    response = client.post(URL, profile_data(**{"add-language": "1", "languages-TOTAL_FORMS": total}))
    assert response.status_code == 200
    document = parse(response.content)
    count = len(rows(document))
    assert count <= LanguageFormSet.max_num
    if total in {"12", "99999"}:
        assert count == LanguageFormSet.max_num
        assert not document.find_all("button", name="add-language")  # full: no button
    else:
        assert count == 1


def test_the_javascript_row_template_is_the_empty_form(client, volunteer):
    client.force_login(volunteer)
    html = client.get(URL).content.decode()
    start = html.index('<template id="languages-row-template">')
    template = html[start : html.index("</template>", start)]
    assert 'name="languages-__prefix__-code"' in template and 'name="languages-__prefix__-level"' in template
    assert "__number__" in template  # the row's number in its group label
    assert "js/formset-rows" in html and "<script>" not in html  # no inline script (CSP)


# --- 3. Member-written text carries its language ---------------------------------------------


def test_a_german_bio_on_an_arabic_page_is_marked_german(client, volunteer, outsider):
    client.force_login(volunteer)
    response = client.post(URL, profile_data(visibility="public", bio_language="de"))
    assert response.status_code == 302
    client.force_login(outsider)
    document = parse(client.get(f"/ar/people/{volunteer.pk}/").content)
    assert document.find("html")["lang"] == "ar"
    bio = document.find("strong").parent
    while bio.get("lang") is None:
        bio = bio.parent
    assert (bio["lang"], bio.get("dir")) == ("de", "auto")
    job = [p for p in document.find_all("p") if "Ehrenamtliche" in p.text()]
    assert [(p["lang"], p.get("dir")) for p in job] == [("de", "auto")]


def test_the_text_language_is_chosen_and_defaults_to_the_page_language(client, newcomer):
    client.force_login(newcomer)
    document = parse(client.get("/uk/accounts/profile/").content)
    select = document.find("select", name="bio_language")
    assert [o["value"] for o in select.find_all("option") if "selected" in o.attrs] == ["uk"]
    assert "gsg" not in [o["value"] for o in select.find_all("option")]  # sign language is not written
    # Not sent at all (a page from before): the language of the page it was written on.
    assert "bio_language" not in profile_data()
    assert client.post("/ar/accounts/profile/", profile_data()).status_code == 302
    assert Profile.objects.get(user=newcomer).bio_language == "ar"
    # Chosen: kept, and shown as chosen on the next visit whatever the page's language.
    assert client.post("/ar/accounts/profile/", profile_data(bio_language="ru")).status_code == 302
    assert Profile.objects.get(user=newcomer).bio_language == "ru"
    select = parse(client.get("/de/accounts/profile/").content).find("select", name="bio_language")
    assert [o["value"] for o in select.find_all("option") if "selected" in o.attrs] == ["ru"]


def test_an_unknown_text_language_is_refused(client, volunteer):
    client.force_login(volunteer)
    client.get(URL)  # the profile exists from the first visit
    before = snapshot(*PROFILE_TABLES)
    response = client.post(URL, profile_data(bio_language="xx"))
    assert response.status_code == 200 and snapshot(*PROFILE_TABLES) == before
    assert parse(response.content).find("select", name="bio_language")["aria-invalid"] == "true"


def test_the_person_card_in_the_directory_marks_the_job_title_language(client, volunteer, outsider):
    client.force_login(volunteer)
    client.post(URL, profile_data(visibility="public", bio_language="de"))
    client.logout()
    document = parse(client.get("/ar/directory/", {"q": "Helga"}).content)
    job = [span for span in document.find_all("span") if span.text() == "Ehrenamtliche"]
    assert [span.get("lang") for span in job] == ["de"]


def test_data_migration_takes_the_owners_language(volunteer, newcomer):
    migration = importlib.import_module("landnetz.accounts.migrations.0005_text_language")
    for user in (volunteer, newcomer):
        profile_of(user)
    Profile.objects.update(bio_language="en")
    migration.from_the_writer(apps, None)
    assert dict(Profile.objects.values_list("user__email", "bio_language")) == {
        volunteer.email: volunteer.preferred_language,
        newcomer.email: "uk",
    }


# --- 4. Left-to-right fragments are isolated -------------------------------------------------


def test_addresses_links_and_numbers_are_left_to_right_runs(client, volunteer):
    client.force_login(volunteer)
    data = profile_data(
        visibility="members",
        contact_email_visibility="members",
        phone_visibility="members",
        messenger="https://t.me/helga",
        messenger_visibility="members",
    )
    assert client.post(URL, data).status_code == 302
    document = parse(client.get(f"/ar/people/{volunteer.pk}/").content)
    links = {
        "mailto:helga@example.org": "helga@example.org",
        "tel:+493935987654": "+49 3935 987654",
        "https://t.me/helga": "https://t.me/helga",
    }
    for href, text in links.items():
        link = document.find("a", href=href)
        assert link.get("dir") == "ltr", href
        assert link.find("bdi").text() == text


# --- 5. Municipalities grouped by region, in one query ---------------------------------------


def test_municipalities_are_grouped_by_region(client, volunteer, regions):
    client.force_login(volunteer)
    select = parse(client.get(URL).content).find("select", name="municipality")
    groups = select.find_all("optgroup")
    assert [group["label"] for group in groups] == sorted(region.name for region in regions.values())
    stendal = next(group for group in groups if group["label"] == regions["stendal"].name)
    tangerhuette = Municipality.objects.get(name="Tangerhütte")
    assert stendal.find_all("option", value=str(tangerhuette.pk))
    # Every municipality sits in its region's group, none outside a group.
    loose = [option for option in select.children if getattr(option, "tag", None) == "option"]
    assert [option["value"] for option in loose] == [""]
    assert sum(len(group.find_all("option")) for group in groups) == Municipality.objects.count()


def test_the_profile_form_costs_the_same_with_more_municipalities(client, volunteer):
    client.force_login(volunteer)

    def grow():
        region = Region.objects.create(ags="15999", name="Landkreis Probe", kind="district", slug="probe")
        Municipality.objects.bulk_create(
            Municipality(ags=f"15999{index:03}", region=region, name=f"Probedorf {index}") for index in range(30)
        )

    assert_flat(client, URL, grow=grow, shows=lambda html: html.count("<optgroup"))


# --- 6. The owner's page says what only she sees ----------------------------------------------


def test_my_own_page_says_when_the_whole_profile_is_only_mine(client, volunteer):
    client.force_login(volunteer)
    with translation.override("de"):
        only_you = gettext("Only you can see this")
    client.post(URL, profile_data(visibility="nobody", phone_visibility="members"))
    html = client.get(f"/de/people/{volunteer.pk}/").content.decode()
    assert html.count(only_you) == 1  # the profile as a whole; no contact detail is "only me"
    client.post(URL, profile_data(visibility="members", phone_visibility="members"))
    assert only_you not in client.get(f"/de/people/{volunteer.pk}/").content.decode()


@pytest.mark.django_db
def test_topic_checkboxes_are_kern_checkboxes_with_labels(client, volunteer):
    # Django's own markup gives the browser's 13 px boxes; every other checkbox is 40 px.
    client.force_login(volunteer)
    page = parse(client.get("/de/accounts/profile/").content)
    boxes = page.find_all("input", name="topics")
    assert boxes
    for box in boxes:
        assert "kern-form-check__checkbox" in box["class"]
        assert page.find("label", **{"for": box["id"]}) is not None


@pytest.mark.django_db
def test_a_repeated_language_is_named_at_the_row_that_repeats_it(client, volunteer):
    client.force_login(volunteer)
    data = profile_data(**{"languages-0-code": "pl", "languages-0-level": "basic"})
    data |= {"languages-TOTAL_FORMS": "3", "languages-2-code": "pl", "languages-2-level": "fluent"}
    response = client.post("/de/accounts/profile/", data)
    assert response.status_code == 200
    page = parse(response.content)
    with translation.override("de"):
        polish = str(LANGUAGE_NAMES["pl"])
    errors = page.find(id="id_languages-2-code_error")
    assert errors is not None and polish in errors.text()
    assert page.find_all(id="id_languages-0-code_error") == []
    assert not ProfileLanguage.objects.filter(profile__user=volunteer).exists()
