import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.boundaries import IDS, TEXTS, boundary_cases, examples, plain, snapshot
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


REGION_CHOICE = st.one_of(
    st.tuples(st.just("pick"), st.integers(0, 13)),  # one of the 14 regions, by position
    st.tuples(st.just("typed"), st.one_of(st.text(max_size=20), st.integers().map(str))),
)
STRONG_PASSWORD = "Kompass-Nebelhorn-Wasserturm-7"


def region_value(choice, regions) -> str:
    how, value = choice
    return str(sorted(regions.values(), key=lambda region: region.pk)[value].pk) if how == "pick" else value


def typed_value(document, name) -> str:
    """What a text input shows (Django leaves out value="" when it is empty)."""
    return document.find("input", name=name).get("value") or ""


PREFERENCES = {"name": "Helga W.", "region": ("pick", 3), "language": "en", "large_text": False}


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.one_of(st.text(max_size=100), st.sampled_from(["Helga W.", "  Олена  ", "هيلغا"])),
    region=REGION_CHOICE,
    language=st.one_of(st.sampled_from(["de", "en", "uk", "ar", "ru"]), st.text(max_size=10)),
    large_text=st.booleans(),
)
@examples(
    [PREFERENCES]
    + boundary_cases(
        PREFERENCES,
        name=TEXTS,
        region=[("typed", value) for value in IDS],
        language=[value for value in TEXTS if value],
    )
)
def test_preferences_are_saved_exactly_or_nothing_changes(
    client, volunteer, regions, name, region, language, large_text
):
    from landnetz.accounts.models import User

    client.force_login(volunteer)
    before = snapshot(User)
    data = {"display_name": name, "region": region_value(region, regions), "preferred_language": language}
    if large_text:
        data["large_text"] = "on"
    response = client.post("/de/accounts/preferences/", data)
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:  # accepted: read back what was sent (names are trimmed)
        user = User.objects.get(pk=volunteer.pk)
        assert user.display_name == name.strip()
        assert plain(user.display_name)  # never a control or text-direction character
        assert str(user.region_id or "") == data["region"]
        assert (user.preferred_language, user.large_text) == (language, large_text)
    else:  # refused: nothing changed, the form is shown again with what was typed
        assert response.status_code == 200
        assert snapshot(User) == before
        document = parse(response.content)
        assert document.find_all(aria_invalid="true"), "refused without saying why"
        assert typed_value(document, "display_name") == name


SIGNUP = {"name": "Mariam Rahimi", "email": "mariam@example.org", "region": ("pick", 0)}
SIGNUP |= {"password": STRONG_PASSWORD, "consent": "on"}


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.one_of(st.text(max_size=100), st.just("Mariam Rahimi")),
    email=st.one_of(st.emails(), st.text(max_size=100)),
    region=REGION_CHOICE,
    password=st.one_of(st.text(max_size=80), st.just(STRONG_PASSWORD)),
    consent=st.sampled_from(["on", "", "maybe"]),
)
@examples(
    [SIGNUP]
    + boundary_cases(
        SIGNUP,
        name=TEXTS,
        email=[*TEXTS, "mariam\u202e@example.org", "٣@example.org", " Mariam.Rahimi@Example.ORG "],
        region=[("typed", value) for value in IDS],
        password=TEXTS,
    )
)
def test_sign_up_creates_exactly_the_account_or_nothing(client, regions, name, email, region, password, consent):
    from allauth.account.models import EmailAddress
    from django.core.cache import cache

    from landnetz.accounts.models import User

    cache.clear()  # sign-ups are rate-limited per IP; every example is a fresh visitor
    before = snapshot(User, EmailAddress)
    data = {"display_name": name, "email": email, "region": region_value(region, regions)}
    data |= {"password1": password, "password2": password, "privacy_consent": consent}
    response = client.post("/de/accounts/signup/", data)
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:  # accepted: one new account holding what was typed
        user = User.objects.exclude(pk__in=[row[0] for row in before["accounts.User"]]).get()
        assert user.display_name == name.strip()
        assert plain(user.display_name) and plain(user.email)
        assert user.email == email.strip().lower()  # addresses are stored in lower case
        assert str(user.region_id) == data["region"]
        assert user.check_password(password)
        assert user.privacy_consent_at is not None
        user.delete()  # the next example starts from the same accounts
    else:
        assert response.status_code == 200
        assert snapshot(User, EmailAddress) == before
        document = parse(response.content)
        assert document.find_all(aria_invalid="true"), "refused without saying why"
        assert typed_value(document, "display_name") == name
        assert typed_value(document, "email") == email
    client.logout()
