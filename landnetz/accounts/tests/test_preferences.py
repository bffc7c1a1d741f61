import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.html import parse

pytestmark = pytest.mark.django_db


def test_member_updates_name_region_language_and_large_text(client, volunteer, regions):
    client.force_login(volunteer)
    response = client.post(
        "/de/accounts/preferences/",
        {"display_name": "Helga W.", "region": regions["harz"].pk, "preferred_language": "en", "large_text": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/preferences/"
    volunteer.refresh_from_db()
    assert (volunteer.display_name, volunteer.region, volunteer.preferred_language, volunteer.large_text) == (
        "Helga W.",
        regions["harz"],
        "en",
        False,
    )


def test_large_text_setting_changes_the_page(client, volunteer):
    client.force_login(volunteer)
    assert 'class="ln-large-text"' in client.get("/de/").content.decode()


def test_bad_preferences_change_nothing_and_keep_input(client, volunteer):
    client.force_login(volunteer)
    response = client.post(
        "/de/accounts/preferences/",
        {"display_name": "Helga\u202e", "region": "", "preferred_language": "klingon"},
    )
    assert response.status_code == 200
    document = parse(response.content)
    name = document.find("input", name="display_name")
    assert (name["value"], name["aria-invalid"]) == ("Helga\u202e", "true")  # as typed, marked, explained
    error = document.find(id="id_display_name_error").text()
    assert error.endswith("Bitte entfernen Sie die unsichtbaren Textrichtungszeichen.")
    assert document.find("select", name="preferred_language")["aria-invalid"] == "true"
    assert document.find("select", name="region").get("aria-invalid") is None  # "no region" is allowed
    volunteer.refresh_from_db()
    assert volunteer.display_name == "Helga Wiesner"
    assert volunteer.preferred_language == "de"


def test_preferences_need_login(client):
    response = client.get("/de/accounts/preferences/")
    assert response.status_code == 302
    assert response["Location"].startswith("/de/accounts/login/")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(max_size=300),
    region=st.one_of(st.text(max_size=20), st.integers().map(str)),
    language=st.text(max_size=10),
)
def test_preferences_form_never_fails_on_any_input(client, volunteer, name, region, language):
    client.force_login(volunteer)
    response = client.post(
        "/de/accounts/preferences/", {"display_name": name, "region": region, "preferred_language": language}
    )
    assert response.status_code in {200, 302}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(max_size=200),
    email=st.one_of(st.emails(), st.text(max_size=100)),
    password=st.text(max_size=80),
    consent=st.sampled_from(["on", "", "maybe"]),
)
def test_signup_form_never_fails_and_invalid_input_creates_nothing(client, regions, name, email, password, consent):
    from django.core.cache import cache

    from landnetz.accounts.models import User

    cache.clear()  # sign-ups are rate-limited per IP; every example is a fresh visitor
    before = User.objects.count()
    response = client.post(
        "/de/accounts/signup/",
        {
            "display_name": name,
            "email": email,
            "region": regions["stendal"].pk,
            "password1": password,
            "password2": password,
            "privacy_consent": consent,
        },
    )
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        assert User.objects.count() == before
    client.logout()
