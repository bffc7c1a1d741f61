"""Groups in moderation: reported, hidden (only its admins still see it), restored, deleted."""

import pytest
from django.core.exceptions import ValidationError

from landnetz.groups import queries
from landnetz.groups.models import Group
from landnetz.moderation import services as moderation
from landnetz.moderation.models import Report
from landnetz.notifications.models import Notification
from landnetz.notifications.queries import text_of
from landnetz.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def report(reporter, group):
    return moderation.report(reporter=reporter, kind="groups.group", object_id=group.pk, reason="spam")


def test_hide_and_restore_by_the_region_coordinator(open_group, outsider, coordinator, volunteer, newcomer):
    created = report(outsider, open_group)
    assert created.region == open_group.region
    moderation.decide(actor=coordinator, report=created, action="hide", reason="Werbung")
    open_group.refresh_from_db()
    assert open_group.hidden
    assert queries.visible_group(newcomer, open_group.slug) is None
    assert queries.visible_group(volunteer, open_group.slug) is not None
    assert not SearchEntry.objects.filter(kind="group", object_id=open_group.pk).exists()
    # The admin (owner) is told.
    assert Notification.objects.filter(recipient=volunteer, kind="moderation.decision").exists()
    moderation.decide(actor=coordinator, report=Report.objects.get(pk=created.pk), action="restore")
    open_group.refresh_from_db()
    assert not open_group.hidden
    assert SearchEntry.objects.filter(kind="group", object_id=open_group.pk).exists()


def test_delete_by_moderation(closed_group, outsider, coordinator):
    moderation.decide(actor=coordinator, report=report(outsider, closed_group), action="delete", reason="Spam")
    assert not Group.objects.filter(pk=closed_group.pk).exists()


def test_admins_cannot_report_their_own_group(open_group, volunteer):
    with pytest.raises(ValidationError):
        report(volunteer, open_group)
    assert not Report.objects.exists()


def test_secret_group_is_reported_without_its_name(secret_group, migrant_org_chair, counsellor, regions):
    from tests.factories import UserFactory

    coordinator = UserFactory(display_name="Koordination Burgenlandkreis")
    coordinator.coordinated_regions.add(regions["burgenlandkreis"])
    report(migrant_org_chair, secret_group)
    told = Notification.objects.get(recipient=coordinator, kind="moderation.new_report")
    assert "Fallbesprechung" not in text_of(told) and "Fallbesprechung" not in str(told.data)
