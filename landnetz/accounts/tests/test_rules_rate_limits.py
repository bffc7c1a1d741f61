"""The abuse limits of login, sign-up and password reset, hit over HTTP.

Each test uses the limit as configured by default (config/settings.py, ACCOUNT_RATE_LIMITS),
goes exactly to it, and shows that one request more is refused while a request from
another address (or for another account) still goes through: removing any single part of
a limit (e.g. the per-address part of ``login_failed``) makes a test here fail.
"""

import pytest
from django.core import mail
from django.test import Client

from landnetz.accounts.models import User
from tests.factories import TEST_PASSWORD
from tests.html import parse

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.20"
SOMEONE_ELSE = "198.51.100.30"
TOO_MANY_LOGINS = "Zu viele fehlgeschlagene Anmeldeversuche."


def login(client, email, password=TEST_PASSWORD):
    return client.post("/de/accounts/login/", {"login": email, "password": password})


def test_default_limits_are_the_documented_ones(settings):
    """The numbers the tests below go up to (README: throttled per account and per IP)."""
    assert settings.ACCOUNT_RATE_LIMITS["login"] == "30/m/ip"
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"] == "10/m/ip,5/300s/key"
    assert settings.ACCOUNT_RATE_LIMITS["signup"] == "20/m/ip"
    assert settings.ACCOUNT_RATE_LIMITS["reset_password"] == "20/m/ip,5/m/key"


def test_failed_logins_from_one_address_are_limited_across_accounts(volunteer):
    """Ten wrong guesses for ten different accounts, then even the right password is refused
    from that address; each account stays below its own limit of five."""
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for index in range(10):
        response = login(attacker, f"guess{index}@example.org", "wrong-password-123")
        assert TOO_MANY_LOGINS not in parse(response.content).find(class_="ln-error-summary").text()
    response = login(attacker, volunteer.email)
    assert "_auth_user_id" not in attacker.session
    assert TOO_MANY_LOGINS in parse(response.content).find(class_="ln-error-summary").text()

    member = Client(REMOTE_ADDR=SOMEONE_ELSE)
    assert login(member, volunteer.email).status_code == 302
    assert "_auth_user_id" in member.session


def test_nine_failed_logins_from_one_address_do_not_block_it(volunteer):
    """The limit is ten, not fewer: the tenth attempt, with the right password, logs in."""
    client = Client(REMOTE_ADDR=ATTACKER)
    for index in range(9):
        login(client, f"typo{index}@example.org", "wrong-password-123")
    assert login(client, volunteer.email).status_code == 302
    assert "_auth_user_id" in client.session


def test_login_requests_from_one_address_are_limited(volunteer):
    """30 logins a minute from one address (successful ones too), then 429."""
    client = Client(REMOTE_ADDR=ATTACKER)
    for _ in range(30):
        assert login(client, volunteer.email).status_code == 302
        client.logout()
    response = login(client, volunteer.email)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert login(Client(REMOTE_ADDR=SOMEONE_ELSE), volunteer.email).status_code == 302


def signup_data(regions, number):
    password = "Ein-sicheres-Passwort-42"
    return {
        "display_name": f"Neues Mitglied {number}",
        "email": f"new{number}@example.org",
        "region": regions["stendal"].pk,
        "password1": password,
        "password2": password,
        "privacy_consent": "on",
    }


def test_signups_from_one_address_are_limited(regions):
    """20 sign-ups a minute from one address; the 21st is refused and creates no account."""
    client = Client(REMOTE_ADDR=ATTACKER)
    for number in range(20):
        assert client.post("/de/accounts/signup/", signup_data(regions, number)).status_code == 302
        client.logout()
    response = client.post("/de/accounts/signup/", signup_data(regions, 20))
    assert response.status_code == 429
    assert not User.objects.filter(email="new20@example.org").exists()
    assert User.objects.filter(email__startswith="new").count() == 20

    other = Client(REMOTE_ADDR=SOMEONE_ELSE)
    assert other.post("/de/accounts/signup/", signup_data(regions, 21)).status_code == 302
    assert User.objects.filter(email="new21@example.org").exists()


def reset(client, email):
    return client.post("/de/accounts/password/reset/", {"email": email})


def test_password_resets_from_one_address_are_limited(volunteer):
    """20 reset requests a minute from one address, for any addresses; the 21st sends nothing."""
    client = Client(REMOTE_ADDR=ATTACKER)
    for index in range(20):
        assert reset(client, f"someone{index}@example.org").status_code == 302
    sent = len(mail.outbox)
    response = reset(client, volunteer.email)
    assert response.status_code == 429
    assert len(mail.outbox) == sent  # no reset mail for the member

    assert reset(Client(REMOTE_ADDR=SOMEONE_ELSE), volunteer.email).status_code == 302
    assert mail.outbox[-1].to == [volunteer.email]


def test_password_resets_for_one_address_are_limited(volunteer, newcomer):
    """Five reset mails a minute to one member, from however many addresses; then none."""
    for index in range(5):
        assert reset(Client(REMOTE_ADDR=f"192.0.2.{index + 1}"), volunteer.email).status_code == 302
    assert [message.to for message in mail.outbox] == [[volunteer.email]] * 5
    response = reset(Client(REMOTE_ADDR="192.0.2.99"), volunteer.email)
    assert response.status_code == 429
    assert len(mail.outbox) == 5

    assert reset(Client(REMOTE_ADDR="192.0.2.99"), newcomer.email).status_code == 302
    assert mail.outbox[-1].to == [newcomer.email]
