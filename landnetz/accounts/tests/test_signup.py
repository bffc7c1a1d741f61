"""Sign-up, e-mail confirmation and bad input, through HTTP."""

import re

import pytest
from django.core import mail

from landnetz.accounts.models import User
from tests.html import parse

pytestmark = pytest.mark.django_db

PASSWORD = "Ein-sicheres-Passwort-42"


def signup_data(regions, **overrides):
    data = {
        "display_name": "Mariam Rahimi",
        "email": "mariam@example.org",
        "region": regions["stendal"].pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "privacy_consent": "on",
    }
    data.update(overrides)
    return data


def test_signup_records_name_region_language_and_consent(client, regions):
    response = client.post("/de/accounts/signup/", signup_data(regions))
    assert response.status_code == 302
    user = User.objects.get(email="mariam@example.org")
    assert user.display_name == "Mariam Rahimi"
    assert user.region == regions["stendal"]
    assert user.preferred_language == "de"
    assert user.privacy_consent_at is not None
    assert user.privacy_consent_version == 1


def test_consent_refers_to_current_privacy_statement_version(client, regions, network_admin):
    from landnetz.core.services import save_legal_page

    save_legal_page(actor=network_admin, slug="datenschutz", language="de", title="Datenschutz", body="Neu")
    client.post("/de/accounts/signup/", signup_data(regions))
    assert User.objects.get(email="mariam@example.org").privacy_consent_version == 2


def test_confirmation_mail_in_signup_language_and_confirm_then_login(client, regions):
    client.post("/uk/accounts/signup/", signup_data(regions))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mariam@example.org"]
    assert re.search("[а-яіїєґ]", message.body, re.IGNORECASE), "mail should be Ukrainian"
    link = re.search(r"https?://[^\s]+/confirm-email/[^\s]+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    # Not yet confirmed: login is refused and another mail goes out.
    client.post("/uk/accounts/login/", {"login": "mariam@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    response = client.post("/" + path)
    assert response.status_code == 302
    response = client.post("/uk/accounts/login/", {"login": "mariam@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/uk/"


def test_signup_without_consent_creates_nothing_and_keeps_input(client, regions):
    data = signup_data(regions)
    del data["privacy_consent"]
    response = client.post("/de/accounts/signup/", data)
    assert response.status_code == 200
    assert not User.objects.filter(email="mariam@example.org").exists()
    document = parse(response.content)
    # The footer always names the Datenschutzerklärung; the consent box itself must say what is missing.
    consent = document.find("input", name="privacy_consent")
    assert consent["aria-invalid"] == "true"
    error = document.find(id="id_privacy_consent_error").text()
    assert error.endswith("Bitte stimmen Sie der Datenschutzerklärung zu, um ein Konto anzulegen.")
    assert document.find("input", name="display_name")["value"] == "Mariam Rahimi"
    assert document.find("input", name="email")["value"] == "mariam@example.org"
    invalid = {element["name"] for element in document.find_all(aria_invalid="true")}
    assert invalid == {"privacy_consent"}  # only the missing consent, the rest was fine


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("display_name", ""),
        ("display_name", "x" * 1_000_000),
        ("display_name", "Mariam\x00Rahimi"),
        ("display_name", "Mariam \u202eimhaR"),
        ("email", "not-an-address"),
        ("email", "a" * 1_000_000 + "@example.org"),
        ("region", "999999"),
        ("region", "stendal"),
        ("password1", "short"),
        ("password1", "p" * 1_000_000),
    ],
)
def test_bad_input_gets_an_error_and_creates_nothing(client, regions, field, value):
    data = signup_data(regions, **{field: value})
    if field == "password1":
        data["password2"] = value
    response = client.post("/de/accounts/signup/", data)
    assert response.status_code == 200
    assert User.objects.count() == 0
    assert "ln-error-summary" in response.content.decode()


def test_existing_address_gets_the_same_answer_as_a_new_one(client, regions, volunteer):
    new = client.post("/de/accounts/signup/", signup_data(regions, email="new@example.org"))
    existing = client.post("/de/accounts/signup/", signup_data(regions, email=volunteer.email))
    assert new.status_code == existing.status_code == 302
    assert new["Location"] == existing["Location"]
    assert User.objects.filter(email=volunteer.email).count() == 1


@pytest.fixture
def counting_hasher(settings):
    from tests.hashers import CountingHasher

    settings.PASSWORD_HASHERS = ["tests.hashers.CountingHasher"]
    CountingHasher.encodings = 0
    return CountingHasher


def test_signup_costs_the_same_for_registered_and_new_addresses(client, regions, volunteer, counting_hasher):
    """Issue #6, item 3: the registered address used to skip the password hash (7 ms vs 350 ms)."""
    new = client.post("/de/accounts/signup/", signup_data(regions, email="neu@example.org"))
    hashes_for_new = counting_hasher.encodings
    counting_hasher.encodings = 0
    known = client.post("/de/accounts/signup/", signup_data(regions, email=volunteer.email))
    assert hashes_for_new == counting_hasher.encodings == 1
    assert new.status_code == known.status_code == 302
    assert new["Location"] == known["Location"]
    assert User.objects.filter(email=volunteer.email).count() == 1


@pytest.mark.parametrize(
    "place, region, municipality",
    [
        ("39576", "stendal", "Stendal"),
        ("Tangerhuette", "stendal", "Tangerhütte"),
        ("Weißenfels", "burgenlandkreis", "Weißenfels"),
    ],
)
def test_a_postcode_or_town_finds_the_region(client, regions, place, region, municipality):
    response = client.post("/de/accounts/signup/", signup_data(regions, region="", place=place))
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="mariam@example.org")
    assert user.region == regions[region]
    assert user.municipality.name == municipality


def test_the_place_decides_over_a_region_chosen_as_well(client, regions):
    client.post("/de/accounts/signup/", signup_data(regions, region=regions["harz"].pk, place="Tangerhütte"))
    user = User.objects.get(email="mariam@example.org")
    assert user.region == regions["stendal"] and user.municipality.name == "Tangerhütte"


@pytest.mark.parametrize(
    "place, message",
    [
        ("Atlantis", "Diesen Ort kennen wir nicht."),
        ("39517", "Diese Postleitzahl gehört zu Orten in mehr als einer Region."),  # Börde and Stendal
        ("", "Bitte geben Sie Ihre Postleitzahl oder Ihren Ort ein, oder wählen Sie Ihre Region."),
    ],
)
def test_without_a_known_place_or_a_region_nothing_is_created(client, regions, place, message):
    response = client.post("/de/accounts/signup/", signup_data(regions, region="", place=place))
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert not User.objects.filter(email="mariam@example.org").exists()
    assert 'value="Mariam' in html  # what she typed stays
