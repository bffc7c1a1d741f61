"""Messages and the seams: never in the site search; reported to the moderators of the
sender's region, who read that message only; exported for their participants; erased with
their sender's account."""

import io
import json
import zipfile

import pytest

from landnetz.messaging.models import Conversation, Message, MessagingPreference, Participant
from landnetz.messaging.tests.helpers import allow, write
from landnetz.moderation import services as moderation
from landnetz.moderation.models import Report
from landnetz.privacy.archive import write_export
from landnetz.privacy.services import erase_member
from landnetz.privacy.tests.scan import places_holding
from landnetz.search.index import rebuild
from landnetz.search.queries import Criteria, search

pytestmark = pytest.mark.django_db

SECRET_WORD = "Quittenmarmelade"


def test_a_word_only_in_a_message_is_found_by_nobody(client, newcomer, counsellor, volunteer):
    """Not by another member, not by the participants, not even after a full rebuild of the index."""
    allow(counsellor)
    write(newcomer, counsellor, body=f"Ich bringe {SECRET_WORD} mit.")
    rebuild()
    for viewer in (newcomer, counsellor, volunteer):
        assert not search(viewer, Criteria(text=SECRET_WORD)).exists()
        client.force_login(viewer)
        page = client.get("/de/search/", {"q": SECRET_WORD}).content.decode()
        assert "Ich bringe" not in page and "/de/messages/" not in page.split("</header>")[1]


# --- Moderation ------------------------------------------------------------------------------------


@pytest.fixture
def reported(newcomer, counsellor, migrant_org_chair, direct):
    """The counsellor reports the newcomer's message; Samir moderates Burgenlandkreis, the
    coordinator coordinates Stendal (the newcomer's region)."""
    message = direct.messages.get()
    report = moderation.report(reporter=counsellor, kind="messaging.message", object_id=message.pk, reason="spam")
    return message, report


def test_the_report_goes_to_the_senders_region(reported, newcomer):
    _message, report = reported
    assert report.region == newcomer.region


def test_a_moderator_of_the_senders_region_reads_that_message_only(client, reported, coordinator, direct):
    message, _report = reported
    client.force_login(coordinator)
    queue = client.get("/de/moderation/").content.decode()
    assert f"/de/messages/message/{message.pk}/" in queue
    html = client.get(f"/de/messages/message/{message.pk}/").content.decode()
    assert "Gemeldete Nachricht" in html and "Мені потрібна консультація" in html
    assert client.get(f"/de/messages/{direct.pk}/").status_code == 404  # not the conversation


def test_moderators_of_other_regions_read_nothing(client, reported, room_owner, counsellor, regions):
    from landnetz.moderation.models import Moderator

    message, _report = reported
    Moderator.objects.create(user=room_owner, region=regions["burgenlandkreis"])
    client.force_login(room_owner)
    assert client.get(f"/de/messages/message/{message.pk}/").status_code == 404


def test_only_participants_report_and_not_their_own(newcomer, counsellor, outsider, direct):
    message = direct.messages.get()
    for reporter in (outsider, newcomer):
        with pytest.raises(Exception):  # noqa: B017 - ValidationError: unseen or own
            moderation.report(reporter=reporter, kind="messaging.message", object_id=message.pk, reason="spam")
    assert not Report.objects.exists()


def test_hiding_and_deleting_a_reported_message(client, reported, coordinator, counsellor, newcomer, direct):
    message, report = reported
    moderation.decide(actor=coordinator, report=report, action="hide", reason="Werbung")
    client.force_login(counsellor)
    html = client.get(f"/de/messages/{direct.pk}/").content.decode()
    assert "von der Moderation ausgeblendet" in html and "Мені потрібна консультація" not in html
    client.force_login(newcomer)
    assert "Мені потрібна консультація" in client.get(f"/de/messages/{direct.pk}/").content.decode()
    moderation.decide(actor=coordinator, report=report, action="restore")
    report2 = moderation.report(reporter=counsellor, kind="messaging.message", object_id=message.pk, reason="hate")
    moderation.decide(actor=coordinator, report=report2, action="delete", reason="Beleidigung")
    message.refresh_from_db()
    assert message.is_deleted and message.body == ""


# --- Export ---------------------------------------------------------------------------------------------


def export_of(user) -> dict:
    buffer = io.BytesIO()
    write_export(user, buffer)
    with zipfile.ZipFile(buffer) as archive:
        return json.loads(archive.read("landnetz-data.json"))["sections"]


def test_the_export_holds_the_members_conversations_with_every_message_in_them(
    newcomer, counsellor, volunteer, room_owner, direct
):
    from landnetz.messaging import services

    services.post_message(actor=counsellor, conversation=direct, body="Antwort der Beraterin")
    group, _message = write(volunteer, room_owner, counsellor, body="Nur für die Gruppe")
    services.leave_conversation(
        user=counsellor, participant=Participant.objects.get(conversation=group, user=counsellor)
    )
    allow(newcomer, "nobody")
    sections = export_of(counsellor)
    in_mine = {row["body"] for row in sections["Messages in my conversations"]}
    assert in_mine == {"Добрий день! Мені потрібна консультація.", "Antwort der Beraterin"}
    assert {row["body"] for row in sections["Messages I wrote"]} == {"Antwort der Beraterin", ""}  # and "left"
    assert [row["id"] for row in sections["Conversations I take part in"]] == [direct.pk]
    people = sections["People in my conversations"]
    assert {row["user"] for row in people} == {newcomer.pk, counsellor.pk}
    assert "last_read_message_id" not in people[0] and "muted" not in people[0]
    assert sections["Who may write to me"][0]["allow_from"] == "everyone"
    # The newcomer's export has her preference and the same conversation; not the group.
    theirs = export_of(newcomer)
    assert theirs["Who may write to me"][0]["allow_from"] == "nobody"
    assert "Nur für die Gruppe" not in json.dumps(theirs)


# --- Erasure ----------------------------------------------------------------------------------------------


def test_an_erased_member_becomes_a_former_member_and_nothing_of_her_stays(
    newcomer, counsellor, volunteer, room_owner, direct
):
    from landnetz.messaging import services

    services.post_message(actor=counsellor, conversation=direct, body="Gern, rufen Sie mich an.")
    group, _message = write(newcomer, volunteer, room_owner, body="Kovalenko grüßt alle", title="Elternkreis")
    allow(newcomer)
    own, _message = write(newcomer, volunteer, body="Nur wir zwei")
    services.leave_conversation(user=volunteer, participant=Participant.objects.get(conversation=group, user=volunteer))
    services.leave_conversation(
        user=room_owner, participant=Participant.objects.get(conversation=group, user=room_owner)
    )
    assert "messaging.Message.body" in places_holding("Kovalenko")
    erase_member(actor=newcomer, user=newcomer)
    for needle in ["Kovalenko", "newcomer@example.org", "Olena"]:
        assert places_holding(needle) == [], needle
    # The counsellor still reads her side of the conversation; it cannot be continued.
    assert Conversation.objects.filter(pk=direct.pk).exists()
    assert list(direct.messages.order_by("id").values_list("sender", "body")) == [
        (None, ""),
        (counsellor.pk, "Gern, rufen Sie mich an."),
    ]
    assert Conversation.objects.get(pk=direct.pk).direct_key is None
    # The group she was alone in is gone; the direct one with the volunteer stays for her.
    assert not Conversation.objects.filter(pk=group.pk).exists()
    assert Conversation.objects.filter(pk=own.pk).exists()
    assert not MessagingPreference.objects.filter(user_id=newcomer.pk).exists()
    assert not Message.objects.filter(sender_id=newcomer.pk).exists()
