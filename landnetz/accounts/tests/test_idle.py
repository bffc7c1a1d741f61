"""The warning before the idle logout and its keep-alive endpoint (WCAG 2.2.1)."""

import time

import pytest
from django.conf import settings
from django.test import Client, override_settings

from landnetz.accounts.middleware import IDLE_KEY, IDLE_WARNING_SECONDS
from tests.html import parse

pytestmark = pytest.mark.django_db

KEEP_ALIVE = "/de/accounts/session/keep-alive/"
LIMIT = 30 * 60


def _idle_for(client, seconds: int) -> int:
    session = client.session
    session[IDLE_KEY] = int(time.time()) - seconds
    session.save()
    return session[IDLE_KEY]


def _later(monkeypatch, seconds: int) -> None:
    """The clock `seconds` ahead (the idle check reads time.time())."""
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + seconds)


def _logged_in(client) -> bool:
    return client.get("/de/accounts/preferences/").status_code == 200


@override_settings(LANDNETZ_SESSION_IDLE_SECONDS=LIMIT)
def test_keep_alive_refreshes_the_idle_time(client, volunteer, monkeypatch):
    client.force_login(volunteer)
    client.get("/de/")
    _idle_for(client, LIMIT - 10)  # almost the limit

    response = client.post(KEEP_ALIVE)
    assert response.status_code == 204
    assert response.content == b""
    assert "no-store" in response["Cache-Control"]
    assert client.session[IDLE_KEY] >= int(time.time()) - 1

    _later(monkeypatch, 60)  # the original limit has passed by 50 s
    assert _logged_in(client)


@override_settings(LANDNETZ_SESSION_IDLE_SECONDS=LIMIT)
def test_without_keep_alive_the_same_member_is_logged_out(client, volunteer, monkeypatch):
    """The control for the test above: the same wait ends the session."""
    client.force_login(volunteer)
    client.get("/de/")
    _idle_for(client, LIMIT - 10)
    _later(monkeypatch, 60)
    assert not _logged_in(client)


def test_keep_alive_after_the_limit_does_not_bring_the_session_back(client, volunteer):
    client.force_login(volunteer)
    client.get("/de/")
    _idle_for(client, settings.LANDNETZ_SESSION_IDLE_SECONDS + 5)
    response = client.post(KEEP_ALIVE)
    assert response.status_code == 204
    assert "Landnetz-Idle-Seconds" not in response  # the script shows "logged out"
    assert "_auth_user_id" not in client.session


def test_keep_alive_tells_the_script_the_limit(client, volunteer):
    client.force_login(volunteer)
    response = client.post(KEEP_ALIVE)
    assert response["Landnetz-Idle-Seconds"] == str(settings.LANDNETZ_SESSION_IDLE_SECONDS)


def test_visitors_get_204_and_no_cookie(client, regions):
    response = client.post(KEEP_ALIVE)
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]
    assert "Landnetz-Idle-Seconds" not in response
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not response.cookies, list(response.cookies)
    assert IDLE_KEY not in client.session


def test_keep_alive_needs_post_and_the_csrf_token(volunteer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(volunteer)
    assert client.get(KEEP_ALIVE).status_code == 405
    assert client.post(KEEP_ALIVE).status_code == 403


def test_keep_alive_works_before_consent(client, volunteer):
    """A member asked to agree to a new privacy statement is not redirected by the script's call."""
    volunteer.privacy_consent_version = 0
    volunteer.save(update_fields=["privacy_consent_version"])
    client.force_login(volunteer)
    assert client.post(KEEP_ALIVE).status_code == 204


def test_members_pages_carry_the_idle_times_from_the_server(client, volunteer):
    client.force_login(volunteer)
    client.get("/de/")
    _idle_for(client, 50)  # under a minute: the middleware does not store the time again
    html = parse(client.get("/de/regions/").content)
    body = html.find("body")
    assert int(body["data-idle-limit"]) == settings.LANDNETZ_SESSION_IDLE_SECONDS
    assert int(body["data-idle-left"]) == pytest.approx(settings.LANDNETZ_SESSION_IDLE_SECONDS - 50, abs=2)
    assert int(body["data-idle-warning"]) == IDLE_WARNING_SECONDS
    assert html.find("template", id="ln-idle-warning")
    scripts = [script.get("src") for script in html.find_all("script")]
    assert any(src and src.endswith("js/idle-warning.js") for src in scripts)
    # No inline script (CSP): every script is a file.
    assert all(src for src in scripts)


@override_settings(LANDNETZ_SESSION_IDLE_WARNING_SECONDS=7)
def test_the_warning_lead_time_is_a_setting(client, volunteer):
    client.force_login(volunteer)
    body = parse(client.get("/de/regions/").content).find("body")
    assert body["data-idle-warning"] == "7"


def test_visitors_pages_have_no_idle_warning(client, regions):
    html = parse(client.get("/de/regions/").content)
    body = html.find("body")
    assert "data-idle-limit" not in body.attrs
    assert not html.find_all("template", id="ln-idle-warning")
    assert not any((s.get("src") or "").endswith("js/idle-warning.js") for s in html.find_all("script"))
