"""Reads of the messaging app: only a member's own conversations, already prefetched.

A conversation someone does not take part in does not exist for them (404): for other
members, coordinators and network admins alike. Every page runs a constant number of
queries, however many messages a conversation holds (pages are id ranges on the
``message_page`` index).
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from landnetz.accounts.models import User
from landnetz.core.models import Visibility
from landnetz.core.permissions import is_member
from landnetz.messaging.models import DEFAULT_ALLOW_FROM, Conversation, Message, MessagingPreference, Participant
from landnetz.moderation.models import Report
from landnetz.moderation.queries import blocks_of
from landnetz.search.queries import Criteria, search

PAGE_SIZE = 50  # messages on one page of a conversation
PANEL_SIZE = 5  # unread conversations on the start page
PICKER_SIZE = 20  # members offered for one search in the member picker
PERSON_KIND = "person"  # the directory's search kind: members as their profile shows them


def _people() -> Prefetch:
    """Everyone in the conversation of a ``Participant`` row, as ``conversation.people``."""
    return Prefetch(
        "conversation__participants",
        queryset=Participant.objects.select_related("user").order_by("joined_at", "id"),
        to_attr="people",
    )


def conversations_of(user) -> QuerySet[Participant]:
    """The member's conversations (as their own ``Participant`` rows), newest activity first,
    each with its last message and the people in it (three queries for a page)."""
    return (
        Participant.objects.filter(user=user)
        .select_related("conversation__last_message__sender")
        .prefetch_related(_people())
        .order_by("-last_activity_at", "-id")
    )


def unread_conversations_of(user) -> QuerySet[Participant]:
    """Conversations with messages the member has not read yet (muted ones left out)."""
    return conversations_of(user).filter(unread_since__isnull=False, muted=False)


def unread_count(user) -> int:
    """How many conversations hold unread messages (the header's number; one small query)."""
    if not is_member(user):
        return 0
    return Participant.objects.filter(user=user, unread_since__isnull=False, muted=False).count()


def participation(user, conversation_id: int) -> Participant:
    """The member's own row in the conversation, with the conversation and everyone in it
    (``conversation.people``); 404 for a conversation they do not take part in."""
    if not is_member(user):
        raise Http404
    participant = (
        Participant.objects.filter(user=user, conversation_id=conversation_id)
        .select_related("conversation")
        .prefetch_related(_people())
        .first()
    )
    if participant is None:
        raise Http404
    return participant


@dataclass
class MessagePage:
    messages: list
    earlier: int | None  # ?before= for the link to earlier messages
    later: int | None  # ?after= for the link to later messages
    newest: bool  # the page ends with the conversation's newest message


def message_page(conversation: Conversation, *, before: int | None = None, after: int | None = None) -> MessagePage:
    """``PAGE_SIZE`` messages, oldest first: the newest ones, those before the id ``before``,
    or those after the id ``after`` (two queries at most, each an index range)."""
    messages = Message.objects.filter(conversation=conversation).select_related("sender")
    if after is not None:
        rows = list(messages.filter(id__gt=after).order_by("id")[: PAGE_SIZE + 1])
        more_later = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        earlier = rows[0].pk if rows and messages.filter(id__lt=rows[0].pk).exists() else None
        return MessagePage(rows, earlier, rows[-1].pk if more_later else None, newest=not more_later)
    window = messages.filter(id__lt=before) if before is not None else messages
    rows = list(window.order_by("-id")[: PAGE_SIZE + 1])
    more_earlier = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE][::-1]
    later = None
    if before is not None and rows and messages.filter(id__gt=rows[-1].pk).exists():
        later = rows[-1].pk
    return MessagePage(rows, rows[0].pk if more_earlier else None, later, newest=later is None)


def message_of(user, message_id: int) -> Message:
    """A message in one of the member's conversations (404 otherwise)."""
    if not is_member(user):
        raise Http404
    message = (
        Message.objects.filter(pk=message_id, conversation__participants__user=user)
        .select_related("sender", "conversation")
        .first()
    )
    if message is None:
        raise Http404
    return message


def reported_message_for_moderator(user, message_id: int, kind: str) -> Message | None:
    """A message that was reported, for a moderator of the sender's region (the one thing a
    moderator may read of a conversation), or None."""
    if not is_member(user):
        return None
    reports = list(Report.objects.filter(kind=kind, object_id=message_id))
    if not any(user.has_perm("moderation.decide_report", report) for report in reports):
        return None
    return Message.objects.filter(pk=message_id).select_related("sender__region").first()


def allow_from(user) -> str:
    return (
        MessagingPreference.objects.filter(user=user).values_list("allow_from", flat=True).first() or DEFAULT_ALLOW_FROM
    )


def _pickable(viewer) -> QuerySet[User]:
    """Members ``viewer`` may choose as recipients: whose profile members may see, or who
    already share a conversation with them."""
    shares = Participant.objects.filter(user=OuterRef("pk"), conversation__participants__user=viewer)
    return (
        User.objects.filter(is_active=True)
        .exclude(pk=viewer.pk)
        .filter(
            Q(profile__visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS], profile__moderation_hidden=False)
            | Exists(shares)
        )
        .select_related("municipality")
    )


def pickable_members(viewer, ids) -> list[User]:
    """Those of ``ids`` that ``viewer`` may choose (in the order given; one query)."""
    ids = list(dict.fromkeys(ids))
    if not is_member(viewer) or not ids:
        return []
    found = {user.pk: user for user in _pickable(viewer).filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def find_members(viewer, text: str) -> list[User]:
    """Members matching ``text`` as the site search finds them for ``viewer`` (name, role,
    place, languages, typos forgiven), at most ``PICKER_SIZE``; never the viewer."""
    text = text.strip()
    if not is_member(viewer) or not text:
        return []
    keys = [
        int(key)
        for key in search(viewer, Criteria(text=text, kinds=(PERSON_KIND,))).values_list("key", flat=True)[
            : PICKER_SIZE + 1
        ]
        if str(key).isdigit()
    ]
    return pickable_members(viewer, keys)[:PICKER_SIZE]


def blocked_members(user):
    """The members ``user`` has blocked, newest first (for their own page)."""
    return blocks_of(user)


def shares_conversation(user, other_id: int) -> bool:
    return Participant.objects.filter(user_id=other_id, conversation__participants__user=user).exists()


def blockable_member(user, member_id: int) -> User:
    """A member ``user`` may block from this app: one they share a conversation with, or whose
    profile they may see (404 otherwise, and for themselves)."""
    if not is_member(user) or member_id == user.pk:
        raise Http404
    member = _pickable(user).filter(pk=member_id).first()
    if member is None:
        raise Http404
    return member
