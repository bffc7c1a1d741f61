"""Members agree again when the privacy statement changes; single sign-on accounts agree
at their first visit (issue #6, item 17)."""

import pytest

from landnetz.accounts.models import User
from landnetz.core.queries import privacy_statement_version
from landnetz.core.services import save_legal_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_privacy_statement_is_agreed_to_before_anything_else(client, volunteer, network_admin):
    save_legal_page(actor=network_admin, slug="datenschutz", language="de", title="Datenschutz", body="Neu")
    client.force_login(volunteer)
    response = client.get("/de/directory/", {"q": "Sprachcafé"})
    assert response.status_code == 302
    assert response["Location"].startswith("/de/accounts/consent/?next=")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "/de/legal/datenschutz/" in page.content.decode()
    # What the statement says, logging out and leaving stay open.
    assert client.get("/de/legal/datenschutz/").status_code == 200
    assert client.get("/de/privacy/delete-account/").status_code == 200
    # Not ticking the box changes nothing.
    refused = client.post(response["Location"], {})
    assert refused.status_code == 200
    assert User.objects.get(pk=volunteer.pk).privacy_consent_version < privacy_statement_version()
    agreed = client.post(response["Location"], {"privacy_consent": "on"})
    assert agreed["Location"] == "/de/directory/?q=Sprachcaf%C3%A9"
    volunteer.refresh_from_db()
    assert volunteer.privacy_consent_version == privacy_statement_version() == 2
    assert client.get("/de/directory/").status_code == 200


def test_an_account_from_single_sign_on_is_asked_at_the_first_visit(client, regions):
    # OpenID Connect creates accounts without our sign-up form: no consent recorded.
    member = UserFactory(privacy_consent_at=None, privacy_consent_version=None)
    client.force_login(member)
    response = client.get("/de/organisations/")
    assert response.status_code == 302 and "/accounts/consent/" in response["Location"]
    assert client.get(response["Location"]).context["first_time"] is True
    client.post("/de/accounts/consent/", {"privacy_consent": "on"})
    member.refresh_from_db()
    assert member.privacy_consent_at is not None
    assert member.privacy_consent_version == privacy_statement_version()


def test_htmx_requests_are_sent_to_the_question_as_a_whole_page(client, regions):
    member = UserFactory(privacy_consent_at=None, privacy_consent_version=None)
    client.force_login(member)
    response = client.get("/de/directory/", headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/de/accounts/consent/")


def test_next_must_stay_on_the_site(client, regions):
    member = UserFactory(privacy_consent_at=None, privacy_consent_version=None)
    client.force_login(member)
    response = client.post("/de/accounts/consent/?next=https://evil.example/", {"privacy_consent": "on"})
    assert response["Location"] == "/de/"


def test_visitors_are_not_asked(client, regions):
    assert client.get("/de/directory/").status_code == 200
