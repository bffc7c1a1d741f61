"""Login, throttling, sessions, password reset, admin access and language memory."""

import re
import time

import pytest
from django.core import mail
from django.test import override_settings

from landnetz.accounts.middleware import IDLE_KEY
from tests.factories import TEST_PASSWORD
from tests.html import parse

pytestmark = pytest.mark.django_db


def login(client, email, password=TEST_PASSWORD, language="de"):
    return client.post(f"/{language}/accounts/login/", {"login": email, "password": password})


def test_login_redirects_to_home_in_the_members_language(client, newcomer):
    response = login(client, newcomer.email)
    assert response.status_code == 302
    assert response["Location"] == "/uk/"


def test_wrong_password_and_unknown_address_get_the_same_message(client, volunteer):
    wrong = login(client, volunteer.email, "wrong-password-123").content.decode()
    unknown = login(client, "nobody@example.org", "wrong-password-123").content.decode()
    error = re.search(r"ln-error-summary.*?</ul>", wrong, re.S).group(0)
    assert error == re.search(r"ln-error-summary.*?</ul>", unknown, re.S).group(0)


def test_login_is_throttled_per_account(client, volunteer):
    for _ in range(5):
        login(client, volunteer.email, "wrong-password-123")
    response = login(client, volunteer.email)  # right password, but too many failures
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200  # the form again, saying why
    summary = parse(response.content).find(class_="ln-error-summary").text()
    assert "Zu viele fehlgeschlagene Anmeldeversuche." in summary


def test_password_reset_same_answer_for_known_and_unknown(client, volunteer):
    known = client.post("/de/accounts/password/reset/", {"email": volunteer.email})
    unknown = client.post("/de/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_password_reset_mail_is_in_the_recipients_language(client, newcomer):
    client.post("/de/accounts/password/reset/", {"email": newcomer.email})
    assert len(mail.outbox) == 1
    assert re.search("[а-яіїєґ]", mail.outbox[0].body, re.IGNORECASE)


def test_session_ends_after_idle_time(client, volunteer):
    client.force_login(volunteer)
    assert client.get("/de/accounts/preferences/").status_code == 200
    session = client.session
    session[IDLE_KEY] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/de/accounts/preferences/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@override_settings(LANDNETZ_SESSION_IDLE_SECONDS=3600)
def test_idle_time_is_a_setting(client, volunteer):
    client.force_login(volunteer)
    client.get("/de/")
    session = client.session
    session[IDLE_KEY] = int(time.time()) - 31 * 60
    session.save()
    assert client.get("/de/accounts/preferences/").status_code == 200


def test_absolute_session_lifetime_is_twelve_hours(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is False


def test_admin_area_requires_two_factor_login(client, regions):
    from tests.factories import UserFactory

    staff = UserFactory(is_staff=True, is_superuser=True, region=regions["magdeburg"])
    client.force_login(staff)
    response = client.get("/de/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/de/accounts/2fa/"


def test_admin_area_open_to_network_admin_with_two_factor(client, network_admin):
    client.force_login(network_admin)
    assert client.get("/de/admin/").status_code == 200
    assert client.get("/de/admin/core/auditentry/").status_code == 200


def test_language_switch_is_remembered_for_members(client, volunteer):
    client.force_login(volunteer)
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/de/regions/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/regions/"
    volunteer.refresh_from_db()
    assert volunteer.preferred_language == "ar"
    # A page without language prefix now opens in Arabic.
    assert client.get("/")["Location"] == "/ar/"


def test_language_switch_rejects_unknown_language_and_foreign_next(client, volunteer):
    client.force_login(volunteer)
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    volunteer.refresh_from_db()
    assert volunteer.preferred_language == "de"


def test_language_switch_follows_the_page_not_the_cookie(client):
    client.cookies["django_language"] = "ar"
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/de/regions/"}, HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/en/regions/"


# --- Throttling that strangers cannot turn against members (issue #6, item 5) -------------


def test_wrong_passwords_from_a_stranger_do_not_lock_the_member_out_of_their_own_browser(volunteer):
    from django.test import Client

    from landnetz.accounts import devices

    member = Client()
    assert login(member, volunteer.email).status_code == 302  # earlier login: the browser is known
    device_cookie = member.cookies[devices.cookie_name()].value
    member.logout()  # the test client forgets all cookies here; a browser keeps this one
    member.cookies[devices.cookie_name()] = device_cookie
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(8):
        login(stranger, volunteer.email, "wrong-password-123")
    login(stranger, volunteer.email)
    assert "_auth_user_id" not in stranger.session  # the stranger's attempts are blocked …
    response = login(member, volunteer.email)
    assert response.status_code == 302  # … the member's own browser still logs in
    assert "_auth_user_id" in member.session


def test_an_unknown_browser_is_throttled_per_account(volunteer):
    from django.test import Client

    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        login(stranger, volunteer.email, "wrong-password-123")
    other_place = Client(REMOTE_ADDR="198.51.100.7")
    login(other_place, volunteer.email)  # right password, unknown browser, account under attack
    assert "_auth_user_id" not in other_place.session


def test_a_forged_device_cookie_does_not_count_as_known(volunteer):
    from django.test import Client

    from landnetz.accounts import devices

    stranger = Client(REMOTE_ADDR="203.0.113.9")
    stranger.cookies[devices.cookie_name()] = "forged:value"
    for _ in range(5):
        login(stranger, volunteer.email, "wrong-password-123")
    login(stranger, volunteer.email)
    assert "_auth_user_id" not in stranger.session


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_client_address_is_limited_not_the_proxy(volunteer, newcomer):
    from django.test import Client

    proxy = "10.0.0.2"
    attacker = Client(REMOTE_ADDR=proxy, headers={"X-Forwarded-For": "203.0.113.9"})
    for index in range(25):
        login(attacker, f"random{index}@example.org", "wrong-password-123")
    assert "_auth_user_id" not in attacker.session
    member = Client(REMOTE_ADDR=proxy, headers={"X-Forwarded-For": "198.51.100.7"})
    assert login(member, newcomer.email).status_code == 302
    assert "_auth_user_id" in member.session


def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(volunteer, newcomer):
    from django.test import Client

    for index in range(25):
        forged = Client(REMOTE_ADDR="203.0.113.9", headers={"X-Forwarded-For": f"198.51.100.{index}"})
        login(forged, f"random{index}@example.org", "wrong-password-123")
    again = Client(REMOTE_ADDR="203.0.113.9", headers={"X-Forwarded-For": "198.51.100.200"})
    login(again, newcomer.email)
    assert "_auth_user_id" not in again.session  # the per-IP limit holds for the real address


@pytest.mark.django_db
def test_the_password_comes_before_the_forgot_password_link(client, regions):
    # Keyboard users tab from the e-mail address to the password; the link would catch the
    # Tab and Enter would open the reset page.
    page = client.get("/de/accounts/login/").content.decode()
    form = page[page.index('action="/de/accounts/login/"') :]
    assert form.index('name="login"') < form.index('name="password"') < form.index("/accounts/password/reset/")
