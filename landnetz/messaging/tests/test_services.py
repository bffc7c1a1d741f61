"""The rules of messaging, asked of the services directly: who may write to whom, blocks,
the size of a group, unread counts and read markers, muting, deleting, leaving."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from landnetz.messaging import permissions, queries, services
from landnetz.messaging.models import Conversation, Message, MessagingPreference, Participant
from landnetz.messaging.tests.helpers import allow, write
from landnetz.moderation.models import Block
from landnetz.moderation.services import block_member
from tests.boundaries import MEGABYTE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def stored() -> tuple[int, int, int]:
    return Conversation.objects.count(), Participant.objects.count(), Message.objects.count()


def refusal(error: ValidationError, field: str = "to") -> list[str]:
    return [str(message) for message in error.message_dict[field]]


# --- Who may write to me ----------------------------------------------------------------------


def test_by_default_members_of_the_same_region_may_write(newcomer, volunteer):
    assert not MessagingPreference.objects.filter(user=volunteer).exists()
    conversation, message = services.start_conversation(actor=newcomer, recipients=[volunteer], body="Hallo Helga!")
    assert conversation.is_direct and message.body == "Hallo Helga!"
    assert set(conversation.participants.values_list("user_id", flat=True)) == {newcomer.pk, volunteer.pk}


def test_by_default_members_of_another_region_may_not_and_nothing_is_stored(newcomer, counsellor):
    with pytest.raises(ValidationError) as error:
        services.start_conversation(actor=newcomer, recipients=[counsellor], body="Добрий день")
    assert refusal(error.value) == ["Farida Ahmadi cannot receive messages from you."]
    assert stored() == (0, 0, 0)


def test_everyone_lets_members_of_every_region_write(newcomer, counsellor):
    allow(counsellor, "everyone")
    conversation, _message = services.start_conversation(actor=newcomer, recipients=[counsellor], body="Добрий день")
    assert conversation.participants.count() == 2


def test_nobody_takes_no_messages_even_from_the_same_region(newcomer, volunteer):
    allow(volunteer, "nobody")
    with pytest.raises(ValidationError) as error:
        services.start_conversation(actor=newcomer, recipients=[volunteer], body="Hallo")
    assert refusal(error.value) == ["Helga Wiesner cannot receive messages from you."]
    assert stored() == (0, 0, 0)


def test_a_region_one_coordinates_counts_as_ones_region(regions, volunteer, counsellor):
    """A coordinator of Stendal who lives in Magdeburg reaches members in Stendal with
    "members of my regions", and they reach her; the Burgenlandkreis does not."""
    coordinator = UserFactory(display_name="Karin Vogt", region=regions["magdeburg"])
    coordinator.coordinated_regions.add(regions["stendal"])
    assert permissions.may_reach(coordinator, volunteer)
    assert permissions.may_reach(volunteer, coordinator)
    assert not permissions.may_reach(counsellor, coordinator)
    conversation, _message = services.start_conversation(actor=coordinator, recipients=[volunteer], body="Guten Tag")
    assert conversation.is_direct


def test_a_member_without_region_reaches_only_those_who_take_messages_from_everyone(regions, volunteer, counsellor):
    stranger = UserFactory(display_name="Ohne Region", region=None)
    with pytest.raises(ValidationError):
        services.start_conversation(actor=stranger, recipients=[volunteer], body="Hallo")
    allow(counsellor)
    services.start_conversation(actor=stranger, recipients=[counsellor], body="Hallo")


def test_an_answer_in_a_started_conversation_needs_no_consent(newcomer, counsellor, direct):
    """The counsellor takes messages from everyone, the newcomer only from her region: the
    counsellor may still answer in the conversation the newcomer started."""
    assert queries.allow_from(newcomer) == "regions"
    message = services.post_message(actor=counsellor, conversation=direct, body="Guten Tag, Frau Kovalenko.")
    assert message.conversation_id == direct.pk


def test_a_deactivated_member_cannot_be_written_to(newcomer, volunteer):
    volunteer.is_active = False
    volunteer.save()
    with pytest.raises(ValidationError):
        services.start_conversation(actor=newcomer, recipients=[volunteer], body="Hallo")
    assert stored() == (0, 0, 0)


def test_nobody_writes_to_themselves(newcomer):
    with pytest.raises(ValidationError) as error:
        services.start_conversation(actor=newcomer, recipients=[newcomer], body="Hallo")
    assert refusal(error.value) == ["Please choose at least one member."]


def test_only_the_three_choices_can_be_saved(newcomer):
    with pytest.raises(ValidationError):
        services.set_allow_from(user=newcomer, allow_from="friends")
    services.set_allow_from(user=newcomer, allow_from="nobody")
    assert queries.allow_from(newcomer) == "nobody"


# --- Blocks -------------------------------------------------------------------------------------


@pytest.mark.parametrize("blocker", ["newcomer", "counsellor"])
def test_a_block_in_either_direction_stops_a_new_conversation_without_telling(request, newcomer, counsellor, blocker):
    allow(counsellor)
    allow(newcomer)
    block_member(actor=request.getfixturevalue(blocker), member=counsellor if blocker == "newcomer" else newcomer)
    with pytest.raises(ValidationError) as error:
        services.start_conversation(actor=newcomer, recipients=[counsellor], body="Hallo")
    # The same sentence as for "nobody": the newcomer does not learn that she was blocked.
    assert refusal(error.value) == ["Farida Ahmadi cannot receive messages from you."]
    with pytest.raises(ValidationError):
        services.start_conversation(actor=counsellor, recipients=[newcomer], body="Hallo")
    assert stored() == (0, 0, 0)


def test_in_a_direct_conversation_a_block_stops_both_sides(newcomer, counsellor, direct):
    services.block(actor=counsellor, member=newcomer)
    before = stored()
    with pytest.raises(ValidationError) as error:
        services.post_message(actor=newcomer, conversation=direct, body="Sind Sie da?")
    assert refusal(error.value, "body") == ["This member cannot receive messages from you."]
    with pytest.raises(ValidationError) as error:
        services.post_message(actor=counsellor, conversation=direct, body="Doch noch etwas")
    assert "You have blocked this member" in refusal(error.value, "body")[0]
    # Starting "again" opens the same conversation and is refused the same way.
    with pytest.raises(ValidationError):
        services.start_conversation(actor=newcomer, recipients=[counsellor], body="Hallo?")
    assert stored() == before
    services.unblock(actor=counsellor, member=newcomer)
    services.post_message(actor=newcomer, conversation=direct, body="Sind Sie da?")


def test_members_who_blocked_each_other_are_not_put_into_one_group(coordinator, volunteer, newcomer):
    allow(volunteer)
    allow(newcomer)
    block_member(actor=volunteer, member=newcomer)
    with pytest.raises(ValidationError) as error:
        services.start_conversation(actor=coordinator, recipients=[volunteer, newcomer], body="Sprachcafé?")
    assert refusal(error.value) == [
        "These members cannot all take part in one conversation. Please write to them separately."
    ]
    assert stored() == (0, 0, 0)


def test_a_blocked_member_cannot_add_the_blocker_to_a_group(coordinator, volunteer, newcomer, room_owner):
    group, _message = write(coordinator, volunteer, newcomer, body="Sprachcafé Planung", title="Sprachcafé Planung")
    allow(room_owner)
    block_member(actor=room_owner, member=newcomer)
    before = stored()
    with pytest.raises(ValidationError) as error:
        services.add_participants(actor=newcomer, conversation=group, members=[room_owner])
    assert refusal(error.value) == ["Jens Kowalski cannot be added to this conversation."]
    # Nor may anyone else bring the two together.
    with pytest.raises(ValidationError):
        services.add_participants(actor=coordinator, conversation=group, members=[room_owner])
    assert stored() == before
    Block.objects.all().delete()
    services.add_participants(actor=coordinator, conversation=group, members=[room_owner])
    assert group.participants.count() == 4


def test_in_a_group_a_block_silences_nobody(coordinator, volunteer, newcomer):
    group, _message = write(coordinator, volunteer, newcomer, body="Hallo zusammen")
    block_member(actor=volunteer, member=newcomer)
    services.post_message(actor=newcomer, conversation=group, body="Ich komme gern.")


# --- Size of a group ------------------------------------------------------------------------------


def test_a_group_holds_at_most_twenty_people(coordinator):
    others = [UserFactory(display_name=f"Mitglied {n}") for n in range(20)]
    for user in others:
        allow(user)
    with pytest.raises(ValidationError) as error:
        services.start_conversation(actor=coordinator, recipients=others, body="Zu viele")
    assert refusal(error.value) == [
        "A conversation can have at most 20 people, you included. Please choose at most 19 members."
    ]
    assert stored() == (0, 0, 0)
    group, _message = services.start_conversation(actor=coordinator, recipients=others[:19], body="Genau richtig")
    assert group.participants.count() == 20
    with pytest.raises(ValidationError) as error:
        services.add_participants(actor=coordinator, conversation=group, members=[others[19]])
    assert refusal(error.value) == ["A conversation can have at most 20 people. 0 more can be added."]
    assert group.participants.count() == 20


def test_a_direct_conversation_is_unique_from_both_sides(newcomer, volunteer):
    allow(newcomer)
    first, _ = services.start_conversation(actor=newcomer, recipients=[volunteer], body="Hallo")
    again, _ = services.start_conversation(actor=newcomer, recipients=[volunteer], body="Noch einmal")
    back, _ = services.start_conversation(actor=volunteer, recipients=[newcomer], body="Hallo Olena")
    assert first.pk == again.pk == back.pk
    assert Conversation.objects.count() == 1 and first.messages.count() == 3


def test_no_members_can_be_added_to_a_direct_conversation(newcomer, volunteer, room_owner, direct):
    with pytest.raises(PermissionDenied):
        services.add_participants(actor=newcomer, conversation=direct, members=[room_owner])


# --- Unread counts and read markers ------------------------------------------------------------------


def row(conversation, user) -> Participant:
    return Participant.objects.get(conversation=conversation, user=user)


def test_unread_counts_and_read_markers(newcomer, counsellor, direct):
    first = direct.messages.get()
    assert queries.unread_count(counsellor) == 1 and queries.unread_count(newcomer) == 0
    assert row(direct, counsellor).unread_count == 1
    second = services.post_message(actor=newcomer, conversation=direct, body="Noch eine Frage")
    assert row(direct, counsellor).unread_count == 2
    assert row(direct, counsellor).unread_since == first.created_at
    assert services.mark_read(user=counsellor, participant=row(direct, counsellor), up_to=first.pk)
    marker = row(direct, counsellor)
    assert (marker.last_read_message_id, marker.unread_count, marker.unread_since) == (first.pk, 1, second.created_at)
    services.mark_read(user=counsellor, participant=row(direct, counsellor), up_to=second.pk)
    assert queries.unread_count(counsellor) == 0
    # Seen before: nothing is written again.
    assert not services.mark_read(user=counsellor, participant=row(direct, counsellor), up_to=second.pk)
    # Who writes has read what came before.
    services.post_message(actor=counsellor, conversation=direct, body="Gern.")
    assert row(direct, counsellor).last_read_message_id > second.pk
    assert queries.unread_count(newcomer) == 1


def test_nobody_marks_another_members_row(newcomer, counsellor, direct):
    with pytest.raises(PermissionDenied):
        services.mark_read(user=newcomer, participant=row(direct, counsellor), up_to=10**6)
    assert row(direct, counsellor).unread_count == 1


def test_a_deleted_unread_message_no_longer_counts(newcomer, counsellor, direct):
    message = direct.messages.get()
    services.delete_message(actor=newcomer, message=message)
    message.refresh_from_db()
    assert message.body == "" and message.is_deleted
    assert row(direct, counsellor).unread_count == 0 and queries.unread_count(counsellor) == 0


def test_only_the_sender_deletes_a_message(newcomer, counsellor, direct):
    message = direct.messages.get()
    with pytest.raises(PermissionDenied):
        services.delete_message(actor=counsellor, message=message)
    assert Message.objects.get(pk=message.pk).body


def test_muting_takes_a_conversation_out_of_the_header_count(counsellor, direct):
    services.set_muted(user=counsellor, participant=row(direct, counsellor), muted=True)
    assert queries.unread_count(counsellor) == 0
    assert row(direct, counsellor).unread_count == 1  # the list still marks it
    services.set_muted(user=counsellor, participant=row(direct, counsellor), muted=False)
    assert queries.unread_count(counsellor) == 1


# --- Leaving a group ---------------------------------------------------------------------------------------


def test_leaving_a_group_removes_it_from_the_list_and_tells_the_others(coordinator, volunteer, newcomer):
    group, _message = write(coordinator, volunteer, newcomer, body="Hallo zusammen")
    services.leave_conversation(user=newcomer, participant=row(group, newcomer))
    assert not queries.conversations_of(newcomer).exists()
    left = group.messages.order_by("-id").first()
    assert (left.kind, left.sender_id) == ("left", newcomer.pk)
    assert queries.unread_count(coordinator) == 0  # an event is not an unread message
    services.leave_conversation(user=volunteer, participant=row(group, volunteer))
    services.leave_conversation(user=coordinator, participant=row(group, coordinator))
    assert not Conversation.objects.filter(pk=group.pk).exists()


def test_a_direct_conversation_cannot_be_left(newcomer, direct):
    with pytest.raises(PermissionDenied):
        services.leave_conversation(user=newcomer, participant=row(direct, newcomer))


# --- Bad input and limits --------------------------------------------------------------------------------


def test_a_megabyte_message_is_refused_with_its_length(newcomer, counsellor, direct):
    before = stored()
    with pytest.raises(ValidationError) as error:
        services.post_message(actor=newcomer, conversation=direct, body=MEGABYTE)
    assert refusal(error.value, "body") == [
        "Your message is too long: 1048576 characters. Please shorten it to at most 5000 characters, "
        "or send it in several messages."
    ]
    assert stored() == before


@pytest.mark.parametrize("body", ["", "   \n ", "Hallo\x00", "Hallo\u202e"])
def test_empty_or_invisible_characters_are_refused(newcomer, direct, body):
    before = stored()
    with pytest.raises(ValidationError):
        services.post_message(actor=newcomer, conversation=direct, body=body)
    assert stored() == before


@override_settings(LANDNETZ_RATE_LIMITS={"message": "3/m", "conversation": "1/d"})
def test_rate_limits(newcomer, volunteer, room_owner, direct):
    services.post_message(actor=newcomer, conversation=direct, body="2")
    services.post_message(actor=newcomer, conversation=direct, body="3")
    before = stored()
    with pytest.raises(ValidationError) as error:
        services.post_message(actor=newcomer, conversation=direct, body="4")
    assert refusal(error.value, "body") == [
        "You have sent many messages in a short time. Please wait a while and try again."
    ]
    with pytest.raises(ValidationError) as error:
        services.start_conversation(actor=newcomer, recipients=[volunteer], body="Neu")
    assert refusal(error.value, "body") == ["You have started many conversations today. Please continue tomorrow."]
    assert stored() == before


def test_only_members_write(direct):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.post_message(actor=AnonymousUser(), conversation=direct, body="Hallo")


def test_who_does_not_take_part_cannot_write(outsider, direct):
    with pytest.raises(PermissionDenied):
        services.post_message(actor=outsider, conversation=direct, body="Hallo")
    assert direct.messages.count() == 1
