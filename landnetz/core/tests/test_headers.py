"""Privacy headers through HTTP (issue 6, item 16; docs/security.md, "Headers")."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from landnetz.core.middleware import PERSONAL_DATA_VIEWS

pytestmark = pytest.mark.django_db

DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "bluetooth", "browsing-topics"]


def policy(response) -> dict[str, str]:
    return dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.fixture
def public_person(client, volunteer):
    """Helga Wiesner with a public profile and a photo."""
    from landnetz.accounts.tests.test_profile import image_file, profile_data

    client.force_login(volunteer)
    response = client.post("/de/accounts/profile/", profile_data(visibility="public", photo=image_file()))
    assert response.status_code == 302  # saved (any status code is true, so compare it)
    client.logout()
    return volunteer


@pytest.fixture
def organisation(volunteer, regions):
    from landnetz.core.models import Municipality
    from landnetz.organisations import services

    stendal = Municipality.objects.get(name="Stendal")
    return services.create_organisation(
        actor=volunteer, name="Tafel Stendal", municipality=stendal, kind="club", sector="civil_society"
    )


def test_every_response_denies_unused_browser_features_but_keeps_security_keys(client, volunteer):
    responses = [
        client.get("/de/"),
        client.get("/de/accounts/login/"),
        client.get("/de/does-not-exist/"),
        client.post("/de/accounts/login/", {"login": "nobody@example.org", "password": "wrong-password-1"}),
        client.get("/"),  # redirect to the language prefix
    ]
    client.force_login(volunteer)
    responses += [client.get("/de/accounts/profile/"), client.get("/de/accounts/2fa/")]
    for response in responses:
        features = policy(response)
        assert all(features[name] == "()" for name in DENIED), response.request["PATH_INFO"]
        assert features["publickey-credentials-get"] == "(self)"  # WebAuthn security keys for 2FA
        assert features["publickey-credentials-create"] == "(self)"


def test_every_page_for_a_logged_in_member_is_not_stored(client, volunteer, organisation):
    client.force_login(volunteer)
    for path in ("/de/", "/de/accounts/profile/", "/de/organisations/", "/de/legal/impressum/", "/de/regions/"):
        response = client.get(path)
        assert response.status_code == 200
        assert no_store(response), path
        assert "private" in response["Cache-Control"]
    assert no_store(client.get(f"/de/organisations/{organisation.slug}/"))


def test_pages_that_show_people_are_not_stored_for_visitors_either(client, public_person, organisation):
    for path in (
        f"/de/people/{public_person.pk}/",
        f"/de/people/{public_person.pk}/photo/",
        "/de/directory/?q=Helga",
        f"/de/organisations/{organisation.slug}/",
        "/de/regions/stendal/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert no_store(response), path
        assert "public" not in response["Cache-Control"]


def test_pages_without_personal_data_stay_cacheable_for_visitors(client):
    for path in ("/de/", "/de/legal/impressum/", "/de/organisations/", "/static/css/landnetz.css"):
        response = client.get(path)
        assert not no_store(response), path


def test_static_files_stay_cacheable_for_members(client, volunteer):
    client.force_login(volunteer)
    response = client.get("/static/css/landnetz.css")
    assert response.status_code == 200
    assert not no_store(response)


def view_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from view_names(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_the_personal_data_views_exist():
    assert set(PERSONAL_DATA_VIEWS) <= set(view_names())
