"""Notifications through HTTP and services: in-app list, e-mail choices, digests, one-click unsubscribe."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from landnetz.core.models import Municipality
from landnetz.notifications import services
from landnetz.notifications.mail import send_digests
from landnetz.notifications.models import Notification, Preference
from landnetz.notifications.tokens import unsubscribe_token
from landnetz.organisations.services import create_organisation, request_to_join, verify

pytestmark = pytest.mark.django_db

JOIN_REQUEST = "organisations.join_request"


@pytest.fixture
def cafe(volunteer):
    return create_organisation(
        actor=volunteer,
        name="Sprachcafé Tangerhütte",
        kind="club",
        sector="civil_society",
        municipality=Municipality.objects.get(name="Tangerhütte"),
    )


def ask_to_join(newcomer, organisation, capture):
    with capture(execute=True):
        request_to_join(actor=newcomer, organisation=organisation)


def test_join_request_reaches_the_admin_in_app_and_by_mail(
    client, volunteer, newcomer, cafe, django_capture_on_commit_callbacks
):
    ask_to_join(newcomer, cafe, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [volunteer.email]
    assert "Olena Kovalenko" in message.subject and "Sprachcafé Tangerhütte" in message.body
    assert f"/de/organisations/{cafe.slug}/members/" in message.body
    # RFC 8058 one-click unsubscribe for this kind
    assert re.fullmatch(
        r"<https?://[^>]+/de/notifications/unsubscribe/[^>]+/>", message.extra_headers["List-Unsubscribe"]
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    client.force_login(volunteer)
    home = client.get("/de/").content.decode()
    assert 'class="ln-badge">1<' in home
    page = client.get("/de/notifications/")
    assert "Olena Kovalenko" in page.content.decode()
    notification = Notification.objects.get(recipient=volunteer)
    response = client.post(f"/de/notifications/{notification.pk}/open/")
    assert response["Location"] == f"/de/organisations/{cafe.slug}/members/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert 'class="ln-badge"' not in client.get("/de/").content.decode()


def test_the_actor_is_not_notified_of_their_own_action(
    volunteer, cafe, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verify(actor=coordinator, organisation=cafe)
    assert list(Notification.objects.values_list("recipient", "kind")) == [(volunteer.pk, "organisations.verified")]
    services.notify(recipients=[volunteer], kind="organisations.verified", actor=volunteer, data={"organisation": "X"})
    assert Notification.objects.count() == 1


def test_weekly_digest_instead_of_single_mails(
    client, volunteer, newcomer, employer, cafe, django_capture_on_commit_callbacks
):
    client.force_login(volunteer)
    from landnetz.notifications import registry

    choices = {kind.key: kind.default for kind in registry.kinds() if kind.emails}
    response = client.post("/de/notifications/settings/", {**choices, JOIN_REQUEST: "weekly"})
    assert response.status_code == 302
    ask_to_join(newcomer, cafe, django_capture_on_commit_callbacks)
    ask_to_join(employer, cafe, django_capture_on_commit_callbacks)
    assert mail.outbox == []  # nothing at once
    assert send_digests(period="daily") == 0
    assert send_digests(period="weekly") == 1
    digest = mail.outbox[0]
    assert "Olena Kovalenko" in digest.body and "Thomas Gräfe" in digest.body
    assert "List-Unsubscribe" not in digest.extra_headers
    assert send_digests(period="weekly") == 0  # each notification once


def test_read_notifications_are_left_out_of_the_digest(volunteer, newcomer, cafe, django_capture_on_commit_callbacks):
    services.set_channel(user=volunteer, kind=JOIN_REQUEST, channel="daily")
    ask_to_join(newcomer, cafe, django_capture_on_commit_callbacks)
    services.mark_read(user=volunteer)
    assert send_digests(period="daily") == 0


def test_one_click_unsubscribe_by_post_without_session(
    client, volunteer, newcomer, cafe, django_capture_on_commit_callbacks
):
    token = unsubscribe_token(volunteer, JOIN_REQUEST)
    page = client.get(f"/de/notifications/unsubscribe/{token}/")
    assert page.status_code == 200
    assert not Preference.objects.exists()  # GET changes nothing
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(f"/de/notifications/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Preference.objects.get(user=volunteer, kind=JOIN_REQUEST).channel == "off"
    ask_to_join(newcomer, cafe, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=volunteer).count() == 1  # still shown on the site


@pytest.mark.parametrize("token", ["forged", "eyJ1IjoxLCJrIjoib3JnYW5pc2F0aW9ucy5qb2luX3JlcXVlc3QifQ:1abc:xyz"])
def test_forged_unsubscribe_token_changes_nothing(client, volunteer, token):
    response = client.post(f"/de/notifications/unsubscribe/{token}/")
    assert response.status_code == 400
    assert "nicht (mehr) gültig" in response.content.decode()
    assert not Preference.objects.exists()


def test_token_for_another_kind_cannot_be_made_from_a_valid_one(volunteer):
    token = unsubscribe_token(volunteer, JOIN_REQUEST)
    tampered = token.replace("a", "b", 1) if "a" in token else token + "x"
    with pytest.raises(ValidationError):
        services.unsubscribe(token=tampered)


def test_unknown_kind_or_channel_is_refused(client, volunteer):
    with pytest.raises(ValidationError):
        services.set_channel(user=volunteer, kind="nonsense.kind", channel="daily")
    with pytest.raises(ValidationError):
        services.set_channel(user=volunteer, kind=JOIN_REQUEST, channel="hourly")
    client.force_login(volunteer)
    response = client.post("/de/notifications/settings/", {JOIN_REQUEST: "hourly"})
    assert response.status_code == 200
    assert JOIN_REQUEST in response.context["form"].errors
    assert not Preference.objects.exists()


def test_a_member_sees_only_their_own_notifications(
    client, volunteer, newcomer, outsider, cafe, django_capture_on_commit_callbacks
):
    ask_to_join(newcomer, cafe, django_capture_on_commit_callbacks)
    mine = Notification.objects.get(recipient=volunteer)
    client.force_login(outsider)
    assert "Olena" not in client.get("/de/notifications/").content.decode()
    assert client.post(f"/de/notifications/{mine.pk}/open/").status_code == 404
    mine.refresh_from_db()
    assert mine.read_at is None


def test_erased_actor_becomes_a_former_member(volunteer, newcomer, cafe, django_capture_on_commit_callbacks):
    from landnetz.notifications.queries import text_of
    from landnetz.privacy.services import erase_member

    ask_to_join(newcomer, cafe, django_capture_on_commit_callbacks)
    erase_member(actor=newcomer, user=newcomer)
    notification = Notification.objects.get(recipient=volunteer)
    from django.utils import translation

    with translation.override("en"):
        assert text_of(notification) == "a former member asks to join \u2068Sprachcafé Tangerhütte\u2069."


def test_list_is_paginated_and_its_queries_do_not_grow(
    client, volunteer, django_assert_num_queries, django_assert_max_num_queries
):
    from django.core.cache import cache

    def add(count):
        Notification.objects.bulk_create(
            Notification(recipient=volunteer, kind="organisations.verified", data={"organisation": f"Verein {i}"})
            for i in range(count)
        )

    add(3)
    client.force_login(volunteer)
    client.get("/de/notifications/")
    cache.clear()
    with django_assert_max_num_queries(20) as small:
        client.get("/de/notifications/")
    add(60)
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get("/de/notifications/")
    assert page.content.decode().count("ln-notification") >= 20
    assert "?page=2" in page.content.decode()
