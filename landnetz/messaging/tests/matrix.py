"""Objects and forms of the messaging app for the permission matrix (docs/permissions.md).

Every conversation is made anew through the services between invented members of
Tangerhütte (Stendal); none of the matrix roles takes part, so for them each one is
someone else's conversation (404) — the network admin included.

- ``CONVERSATION``: a direct conversation; its "owner" wrote last (nothing unread: opening it
  writes nothing — the read marker on a GET is tested in test_pages.py).
- ``GROUP_CONVERSATION``: its "owner" and two others.
- ``MESSAGE``: a message of its "owner" in a direct conversation.
- ``REPORTED_MESSAGE``: a message of a member in Stendal, reported by the other member of the
  conversation — its "owner"; the matrix coordinator moderates Stendal.
- ``BLOCKABLE_MEMBER``: a member whose profile members may see (anyone logged in may block).
- ``CONTACT``: a member whose profile nobody sees, in a conversation with the "owner" only.
- ``BLOCKED``: a member the "owner" has blocked (the row sends "Unblock").
- ``WRITABLE_MEMBER``: a member who takes messages from everyone (the body ``NEW_MESSAGE``).
"""

from landnetz.core.models import Municipality
from landnetz.messaging import services
from landnetz.messaging.models import MessagingPreference
from landnetz.messaging.tests.helpers import show_profile
from landnetz.moderation import services as moderation
from landnetz.moderation.services import block_member
from tests.factories import UserFactory
from tests.matrix_support import MatrixObject, unique


def _member(name: str = "Matrix Mitglied", allow_from: str = "everyone", visibility: str | None = None):
    place = Municipality.objects.select_related("region").get(region__slug="stendal", name="Tangerhütte")
    user = UserFactory(display_name=f"{name} {unique()}", region=place.region, municipality=place)
    MessagingPreference.objects.create(user=user, allow_from=allow_from)
    if visibility:
        show_profile(user, visibility)
    return user


def _conversation(users) -> MatrixObject:
    owner, other = _member("Matrix Schreibende"), _member("Matrix Antwortende")
    conversation, _message = services.start_conversation(actor=owner, recipients=[other], body="Guten Tag!")
    services.post_message(actor=other, conversation=conversation, body="Hallo, gern.")
    services.post_message(actor=owner, conversation=conversation, body="Danke!")
    return MatrixObject(str(conversation.pk), owner=owner, obj=conversation)


def _group(users) -> MatrixObject:
    owner = _member("Matrix Gruppe")
    conversation, _message = services.start_conversation(
        actor=owner, recipients=[_member(), _member()], body="Sprachcafé Planung", title="Sprachcafé Planung"
    )
    return MatrixObject(
        str(conversation.pk), owner=owner, obj=conversation, extra={"add": _member(visibility="members")}
    )


def _message(users) -> MatrixObject:
    owner = _member("Matrix Absenderin")
    _conversation, message = services.start_conversation(actor=owner, recipients=[_member()], body="Bis morgen!")
    return MatrixObject(str(message.pk), owner=owner, obj=message)


def _reported(users) -> MatrixObject:
    sender, reporter = _member("Matrix Werbung"), _member("Matrix Meldende")
    _conversation, message = services.start_conversation(
        actor=sender, recipients=[reporter], body="Kredit ohne Schufa!"
    )
    moderation.report(reporter=reporter, kind="messaging.message", object_id=message.pk, reason="spam")
    return MatrixObject(str(message.pk), owner=reporter, obj=message)


def _blockable(users) -> MatrixObject:
    member = _member("Matrix Sichtbar", visibility="members")
    return MatrixObject(str(member.pk), obj=member)


def _contact(users) -> MatrixObject:
    owner, contact = _member("Matrix Kontakt"), _member("Matrix Verborgen")
    services.start_conversation(actor=contact, recipients=[owner], body="Hallo")
    return MatrixObject(str(contact.pk), owner=owner, obj=contact)


def _blocked(users) -> MatrixObject:
    owner, blocked = _member("Matrix Blockierende"), _member("Matrix Blockierte")
    block_member(actor=owner, member=blocked)
    return MatrixObject(str(blocked.pk), owner=owner, obj=blocked)


def _writable(users) -> MatrixObject:
    member = _member("Matrix Erreichbar", visibility="members")
    return MatrixObject(str(member.pk), obj=member)


OBJECTS = {
    "CONVERSATION": _conversation,
    "GROUP_CONVERSATION": _group,
    "MESSAGE": _message,
    "REPORTED_MESSAGE": _reported,
    "BLOCKABLE_MEMBER": _blockable,
    "CONTACT": _contact,
    "BLOCKED": _blocked,
    "WRITABLE_MEMBER": _writable,
}

BODIES = {
    # "New message": one member ticked, a first message, "Send".
    "NEW_MESSAGE": lambda ctx: {
        "to": [ctx.objects["WRITABLE_MEMBER"].value],
        "body": "Guten Tag, ich habe eine Frage.",
        "body_language": "de",
        "action": "send",
    },
    # The member picker's "Search" button: the form comes back with matches, nothing is stored.
    "SEARCH_MEMBERS": lambda ctx: {"q": "Matrix", "body": "Entwurf", "action": "search"},
    "REPLY": lambda ctx: {"body": "Vielen Dank!", "body_language": "de"},
    "MUTE": lambda ctx: {"muted": "1"},
    "ALLOW_FROM": lambda ctx: {"allow_from": "nobody"},
    "BLOCK": lambda ctx: {"next": "/de/messages/"},
    "UNBLOCK": lambda ctx: {"member": ctx.object.value},
    "ADD_MEMBER": lambda ctx: {"to": [str(ctx.object.extra["add"].pk)], "action": "add"},
}
