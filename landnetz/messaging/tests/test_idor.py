"""Someone else's conversation replayed by id: by another member, a coordinator of the
region and a network admin. Every URL answers 404, and not one row changes."""

import pytest

from landnetz.messaging.models import Conversation, Message, MessagingPreference, Participant
from landnetz.messaging.tests.helpers import write
from landnetz.moderation.models import Block, Report
from landnetz.notifications.models import Notification
from tests.boundaries import snapshot

pytestmark = pytest.mark.django_db


def tables():
    return snapshot(Conversation, Participant, Message, MessagingPreference, Block, Report, Notification)


@pytest.fixture
def group(newcomer, volunteer, room_owner):
    conversation, _message = write(newcomer, volunteer, room_owner, body="Treffen am Dienstag?", title="Elternabend")
    return conversation


def attempts(conversation, message) -> list[tuple[str, str, dict]]:
    base = f"/de/messages/{conversation.pk}"
    return [
        ("get", f"{base}/", {}),
        ("get", f"{base}/?before={message.pk + 1}", {}),
        ("get", f"{base}/?after=1", {}),
        ("post", f"{base}/", {"body": "Ich lese mit."}),
        ("post", f"{base}/mute/", {"muted": "1"}),
        ("get", f"{base}/leave/", {}),
        ("post", f"{base}/leave/", {}),
        ("get", f"{base}/add/", {}),
        ("post", f"{base}/add/", {"to": [], "action": "add"}),
        ("get", f"/de/messages/message/{message.pk}/", {}),
        ("get", f"/de/messages/message/{message.pk}/delete/", {}),
        ("post", f"/de/messages/message/{message.pk}/delete/", {}),
    ]


@pytest.mark.parametrize("intruder", ["outsider", "coordinator", "network_admin", "employer"])
def test_someone_elses_conversation_is_404_and_nothing_changes(request, client, group, intruder):
    message = group.messages.get()
    before = tables()
    client.force_login(request.getfixturevalue(intruder))
    for method, url, data in attempts(group, message):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (intruder, method, url, response.status_code)
    assert tables() == before


def test_a_former_participant_is_an_intruder_too(client, group, room_owner):
    from landnetz.messaging import services

    services.leave_conversation(user=room_owner, participant=Participant.objects.get(user=room_owner))
    message = group.messages.filter(kind="text").get()
    before = tables()
    client.force_login(room_owner)
    for method, url, data in attempts(group, message):
        assert getattr(client, method)(url, data).status_code == 404, (method, url)
    assert tables() == before


def test_a_participant_cannot_delete_another_members_message(client, group, volunteer):
    message = group.messages.get()
    before = tables()
    client.force_login(volunteer)
    assert client.get(f"/de/messages/message/{message.pk}/delete/").status_code == 403
    assert client.post(f"/de/messages/message/{message.pk}/delete/").status_code == 403
    assert tables() == before


def test_ids_beyond_the_range_are_404(client, volunteer):
    client.force_login(volunteer)
    for url in ["/de/messages/9223372036854775808/", "/de/messages/message/99999999999999999999/delete/"]:
        assert client.get(url).status_code == 404
    assert client.get("/de/messages/1/?before=99999999999999999999999").status_code == 404  # no conversation 1
