"""The messaging pages run as many queries with many conversations and messages as with few
(``tests/querycount.assert_flat``)."""

import itertools

import pytest

from landnetz.messaging import services
from landnetz.messaging.models import Message
from landnetz.messaging.tests.helpers import allow, write
from tests.factories import UserFactory
from tests.querycount import assert_flat, measure

pytestmark = pytest.mark.django_db

_numbers = itertools.count()


def member():
    user = UserFactory(display_name=f"Zyx Mitglied {next(_numbers)}")
    allow(user)
    return user


def test_conversation_list(client, volunteer):
    allow(volunteer)
    write(member(), volunteer, body="Erste")
    write(volunteer, member(), member(), body="Gruppe")
    client.force_login(volunteer)

    def grow():
        for number in range(12):
            people = [member() for _ in range(1 + number % 4)]
            conversation, _message = write(volunteer, *people, body=f"Unterhaltung {number}")
            services.post_message(actor=people[0], conversation=conversation, body="Antwort")

    assert_flat(client, "/de/messages/", grow=grow, shows=lambda html: html.count('class="ln-conversation'))


def test_a_long_group_conversation(client, volunteer):
    allow(volunteer)
    first = member()
    conversation, _message = write(first, volunteer, member(), body="Start")
    Message.objects.bulk_create(Message(conversation=conversation, sender=first, body=f"Nr. {n}") for n in range(5))
    client.force_login(volunteer)
    url = f"/de/messages/{conversation.pk}/"

    def grow():
        newcomers = [member() for _ in range(12)]
        services.add_participants(actor=first, conversation=conversation, members=newcomers)
        Message.objects.bulk_create(
            Message(conversation=conversation, sender=newcomers[n % 12], body=f"Viel später {n}") for n in range(400)
        )
        services.post_message(actor=newcomers[0], conversation=conversation, body="Die neueste")
        client.get(url)  # read, as before the first measurement: marking read is measured on its own below

    assert_flat(client, url, grow=grow, shows=lambda html: html.count('class="ln-thread__item'))
    # Opening it with unread messages costs the same few writes, however many are unread.
    services.post_message(actor=first, conversation=conversation, body="Noch eine")
    _small, one_unread = measure(client, url)
    Message.objects.bulk_create(Message(conversation=conversation, sender=first, body=f"Neu {n}") for n in range(300))
    services.post_message(actor=first, conversation=conversation, body="Und noch eine")
    _large, many_unread = measure(client, url)
    assert len(one_unread) == len(many_unread)
    # An earlier page of the long conversation, too.
    earliest = Message.objects.filter(conversation=conversation).order_by("-id")[60].pk
    assert_flat(client, f"{url}?before={earliest}", grow=lambda: None)


def test_start_page_panel_and_header(client, volunteer):
    allow(volunteer)
    write(member(), volunteer, body="Hallo Helga")
    client.force_login(volunteer)

    def grow():
        for number in range(12):
            write(member(), volunteer, body=f"Nachricht {number}")

    assert_flat(client, "/de/", grow=grow, shows=lambda html: html.count("/de/messages/") if html else 0)


def test_new_message_page_with_a_search(client, volunteer):
    from landnetz.messaging.tests.helpers import show_profile

    show_profile(member(), "members")
    client.force_login(volunteer)

    def grow():
        for _ in range(12):
            show_profile(member(), "members")

    assert_flat(client, "/de/messages/new/?q=Zyx", grow=grow, shows=lambda html: html.count('name="to"'))
