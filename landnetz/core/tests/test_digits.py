"""Digits of other scripts in postcodes and phone numbers (issue 6, item 14).

Python's ``\\d``, ``str.isdigit()`` and ``int()`` take the digits of every script, so
"٣٩٥٧٦" passed as a German postcode and was stored as typed: no lookup found it and the
organisation page showed an address no letter carries. Digits are now written as 0–9
before the check (an Arabic keyboard still works); anything else that merely looks like
a digit (superscripts) is refused.
"""

import pytest

from landnetz.accounts.models import Profile
from landnetz.directory.forms import SearchForm
from landnetz.organisations.models import Organisation
from landnetz.organisations.tests.helpers import valid_post

pytestmark = pytest.mark.django_db

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
SCRIPTS = pytest.mark.parametrize("script", [ARABIC_INDIC, PERSIAN, FULL_WIDTH], ids=["arabic", "persian", "fullwidth"])


@SCRIPTS
def test_postcode_lookup_reads_other_digits_as_the_same_postcode(client, regions, script):
    html = client.get("/de/regions/", {"postcode": "39517".translate(script)}).content.decode()
    assert "ln-error-summary" not in html
    assert "Tangerhütte" in html
    assert "39517" in html  # "Postleitzahl 39517 gehört zu …": named as the postcode it is


@pytest.mark.parametrize("postcode", ["³⁹⁵¹⁷", "3951７x", "٣٩٥١", "39517\n"])
def test_lookalikes_and_wrong_lengths_are_refused(client, regions, postcode):
    response = client.get("/de/regions/", {"postcode": postcode})
    html = response.content.decode()
    if postcode == "39517\n":  # surrounding whitespace is trimmed, as everywhere
        assert "Tangerhütte" in html
    else:
        assert "ln-error-summary" in html


@SCRIPTS
def test_organisation_address_and_phone_are_stored_with_ascii_digits(client, volunteer, regions, script):
    from landnetz.core.models import Municipality

    stendal = Municipality.objects.get(name="Stendal")
    client.force_login(volunteer)
    data = valid_post(stendal, postcode="39576".translate(script), phone="+49 (3931) 12-34/5".translate(script))
    response = client.post("/en/organisations/new/", data)
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.postcode == "39576"
    assert organisation.phone == "+49 (3931) 12-34/5"
    assert "39576 Stendal" in client.get(response["Location"]).content.decode()


@SCRIPTS
def test_profile_phone_is_stored_with_ascii_digits(client, volunteer, script):
    from landnetz.accounts.tests.test_profile import profile_data

    client.force_login(volunteer)
    response = client.post("/de/accounts/profile/", profile_data(phone="+49 3935 987654".translate(script)))
    assert response.status_code == 302
    assert Profile.objects.get(user=volunteer).phone == "+49 3935 987654"


@SCRIPTS
def test_directory_near_takes_a_postcode_in_other_digits(client, regions, script):
    form, ascii_form = SearchForm({"near": "06618".translate(script)}), SearchForm({"near": "06618"})
    assert form.is_valid(), form.errors
    assert ascii_form.is_valid()
    assert form.cleaned_data["near"] == ascii_form.cleaned_data["near"]
    html = client.get("/de/directory/", {"near": "06618".translate(script)}).content.decode()
    assert "ln-error-summary" not in html


def test_directory_near_refuses_superscript_digits(regions):
    assert not SearchForm({"near": "⁰⁶⁶¹⁸"}).is_valid()
