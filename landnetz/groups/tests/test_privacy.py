"""Groups in the member's data export and in the erasure of their account."""

import io
import json
import zipfile

import pytest

from landnetz.groups import services
from landnetz.groups.models import Group
from landnetz.privacy.archive import write_export
from landnetz.privacy.services import erase_member
from landnetz.privacy.tests.scan import places_holding

pytestmark = pytest.mark.django_db


def export_of(user) -> dict:
    target = io.BytesIO()
    write_export(user, target)
    with zipfile.ZipFile(target) as archive:
        return json.loads(archive.read("landnetz-data.json"))["sections"]


def test_export_holds_memberships_groups_created_and_invitations_sent(closed_group, coordinator, room_owner):
    invitation = services.invite(actor=coordinator, group=closed_group, email="neu@example.org")
    sections = export_of(coordinator)
    assert [row["group"] for row in sections["Memberships in groups"]] == [closed_group.pk]
    assert sections["Memberships in groups"][0]["role"] == "admin"
    assert [row["name"] for row in sections["Groups created"]] == ["Netzwerk Integration Altmark"]
    sent = sections["Invitations to groups sent"]
    assert [row["email"] for row in sent] == ["neu@example.org"]
    # The token's hash opens nothing, but it is a secret of the link: not exported.
    assert "token_hash" not in sent[0]
    assert invitation.token not in json.dumps(sections)
    assert [row["group"] for row in export_of(room_owner)["Memberships in groups"]] == [closed_group.pk]


def test_after_erasure_nothing_of_the_member_stays(make_group, open_group, regions, django_capture_on_commit_callbacks):
    from tests.factories import UserFactory

    leaving = UserFactory(email="weg.damit@example.org", display_name="Wiebke Weggeher")
    own = make_group(leaving, name="Wiebkes Runde", kind="closed")
    services.join(actor=leaving, group=open_group)
    services.invite(actor=leaving, group=own, email="freund.von.wiebke@example.org")
    other = make_group(UserFactory(), name="Andere Runde", kind="closed")
    services.invite(actor=other.memberships.get().user, group=other, email=leaving.email)
    assert places_holding("Wiebke Weggeher") and places_holding("weg.damit@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        erase_member(actor=leaving, user=leaving)
    assert places_holding("Wiebke Weggeher") == []
    assert places_holding("weg.damit@example.org") == []
    # Her own group (she was its only member) went with her; the others stay.
    assert not Group.objects.filter(pk=own.pk).exists()
    assert Group.objects.filter(pk__in=[open_group.pk, other.pk]).count() == 2
