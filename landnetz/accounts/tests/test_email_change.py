"""Changing the login e-mail address asks for the password again (issue #6, item 12)."""

import pytest
from allauth.account.models import EmailAddress

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_changing_the_address_asks_for_the_password_first(client, volunteer, django_capture_on_commit_callbacks):
    client.force_login(volunteer)  # a session that did not just enter the password
    response = client.post("/de/accounts/email/", {"action_add": "", "email": "helga.neu@example.org"})
    assert response.status_code == 302
    assert response["Location"].startswith("/de/accounts/reauthenticate/")
    assert not EmailAddress.objects.filter(email="helga.neu@example.org").exists()

    wrong = client.post(response["Location"], {"password": "not-the-password"})
    assert wrong.status_code == 200
    assert not EmailAddress.objects.filter(email="helga.neu@example.org").exists()

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(response["Location"], {"password": TEST_PASSWORD}, follow=True)
    assert confirmed.status_code == 200
    assert EmailAddress.objects.filter(email="helga.neu@example.org", user=volunteer, verified=False).exists()
    volunteer.refresh_from_db()
    assert volunteer.email == "volunteer@example.org"  # the login address changes only after confirmation
