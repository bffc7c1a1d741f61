"""Retention on a schedule: `manage.py run_scheduled daily` deletes what has expired (frozen time)."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from landnetz.accounts.models import User
from landnetz.core.models import Municipality
from landnetz.notifications.models import Notification
from landnetz.organisations.models import Invitation
from landnetz.organisations.services import create_organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def run_daily() -> str:
    out = StringIO()
    call_command("run_scheduled", "daily", stdout=out)
    return out.getvalue()


def test_daily_run_deletes_what_has_expired_and_keeps_the_rest(volunteer, settings):
    settings.LANDNETZ_RETENTION_DAYS = {"invitations": 30, "unconfirmed_signups": 14, "read_notifications": 180}
    organisation = create_organisation(
        actor=volunteer,
        name="Tafel Tangerhütte",
        kind="club",
        sector="civil_society",
        municipality=Municipality.objects.get(name="Tangerhütte"),
    )
    now = timezone.now()
    old_invite = Invitation.objects.create(
        organisation=organisation, email="alt@example.org", expires_at=now - timedelta(days=31)
    )
    open_invite = Invitation.objects.create(organisation=organisation, email="neu@example.org")
    stale = UserFactory(email="nie-bestaetigt@example.org", display_name="Nie Bestätigt")
    EmailAddress.objects.filter(user=stale).update(verified=False)
    User.objects.filter(pk=stale.pk).update(date_joined=now - timedelta(days=15))
    fresh = UserFactory(email="gerade-erst@example.org")
    EmailAddress.objects.filter(user=fresh).update(verified=False)
    old_read = Notification.objects.create(
        recipient=volunteer, kind="organisations.verified", read_at=now - timedelta(days=181)
    )
    unread = Notification.objects.create(recipient=volunteer, kind="organisations.verified")

    report = run_daily()

    assert "organisations.invitation_retention: 1" in report
    assert "privacy.unconfirmed_signups: 1" in report
    assert "notifications.retention: 1" in report
    assert not Invitation.objects.filter(pk=old_invite.pk).exists()
    assert Invitation.objects.filter(pk=open_invite.pk).exists()
    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk__in=[fresh.pk, volunteer.pk]).count() == 2
    assert not Notification.objects.filter(pk=old_read.pk).exists()
    assert Notification.objects.filter(pk=unread.pk).exists()


def test_a_confirmed_member_who_never_logged_in_is_kept(regions, settings):
    member = UserFactory()
    User.objects.filter(pk=member.pk).update(date_joined=timezone.now() - timedelta(days=400))
    run_daily()
    assert User.objects.filter(pk=member.pk).exists()


def test_expiry_follows_the_clock(volunteer):
    organisation = create_organisation(
        actor=volunteer,
        name="Tafel Tangerhütte",
        kind="club",
        sector="civil_society",
        municipality=Municipality.objects.get(name="Tangerhütte"),
    )
    invitation = Invitation.objects.create(organisation=organisation, email="x@example.org")
    run_daily()
    assert Invitation.objects.filter(pk=invitation.pk).exists()
    with time_machine.travel(invitation.expires_at + timedelta(days=31)):
        run_daily()
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
