"""Who may write to whom, and who may do what in a conversation. The only place that decides it.

- **Starting a conversation** with a member, or adding them to a group conversation, needs
  their consent as they chose it (``MessagingPreference``): everyone, members of their
  regions (home region or a region they coordinate), or nobody; and no block between the
  two in either direction (``moderation.Block``). The refusal is the same sentence for a
  block and for a preference, so that nobody learns that they were blocked.
- **Writing in a conversation** needs only to take part in it. In a direct conversation a
  block in either direction stops both sides; the other member's preference is asked when
  the conversation starts, not for every answer (a member who started a conversation can
  be answered). In a group a block does not silence anyone: the blocker may leave.
- Network admins read no conversations: these rules are asked with ``rules.test_rule``,
  not ``has_perm`` (which answers True for every superuser).
"""

import rules
from django.db.models import Q

from landnetz.accounts.models import User
from landnetz.core.permissions import coordinated_region_ids, is_member
from landnetz.messaging.models import DEFAULT_ALLOW_FROM, Conversation, Message, MessagingPreference
from landnetz.moderation.models import Block

EVERYONE = MessagingPreference.AllowFrom.EVERYONE
REGIONS = MessagingPreference.AllowFrom.REGIONS
NOBODY = MessagingPreference.AllowFrom.NOBODY


def allow_from_of(users) -> dict[int, str]:
    """``{user id: allow_from}`` for these members (one query; the default filled in)."""
    ids = [user.pk for user in users]
    chosen = dict(MessagingPreference.objects.filter(user_id__in=ids).values_list("user_id", "allow_from"))
    return {pk: chosen.get(pk, DEFAULT_ALLOW_FROM) for pk in ids}


def _regions_of_many(users) -> dict[int, set[int]]:
    """Home region and coordinated regions of each member (one query)."""
    regions = {user.pk: {user.region_id} - {None} for user in users}
    through = User.coordinated_regions.through
    for user_id, region_id in through.objects.filter(user_id__in=list(regions)).values_list("user_id", "region_id"):
        regions[user_id].add(region_id)
    return regions


def _own_regions(user) -> set[int]:
    return ({user.region_id} - {None}) | set(coordinated_region_ids(user))


def unreachable(sender, recipients) -> list:
    """The members among ``recipients`` that ``sender`` may not start a conversation with or
    add to one (a constant number of queries for up to 20 members)."""
    recipients = [user for user in recipients if user is not None]
    if not recipients:
        return []
    if not is_member(sender):
        return recipients
    choices = allow_from_of(recipients)
    blocked = {
        other
        for pair in Block.objects.filter(
            Q(blocker_id=sender.pk, blocked_id__in=[u.pk for u in recipients])
            | Q(blocked_id=sender.pk, blocker_id__in=[u.pk for u in recipients])
        ).values_list("blocker_id", "blocked_id")
        for other in pair
    } - {sender.pk}
    needs_region = [user for user in recipients if choices[user.pk] == REGIONS]
    regions = _regions_of_many(needs_region) if needs_region else {}
    mine = _own_regions(sender) if needs_region else set()
    refused = []
    for user in recipients:
        choice = choices[user.pk]
        if (
            user.pk == sender.pk
            or not user.is_active
            or user.pk in blocked
            or choice == NOBODY
            or (choice == REGIONS and not (mine & regions[user.pk]))
        ):
            refused.append(user)
    return refused


def may_reach(sender, recipient) -> bool:
    return not unreachable(sender, [recipient])


def blocks_among(user_ids) -> bool:
    """Whether any of these members blocked another of them (one query)."""
    ids = list(user_ids)
    return len(ids) > 1 and Block.objects.filter(blocker_id__in=ids, blocked_id__in=ids).exists()


def other_participant(conversation: Conversation, user):
    """The other member of a direct conversation (None once they erased their account).
    Reads ``conversation.people`` when the query prefetched it."""
    people = getattr(conversation, "people", None)
    if people is None:
        people = list(conversation.participants.select_related("user"))
    return next((participant.user for participant in people if participant.user_id != user.pk), None)


# --- Predicates (asked with rules.test_rule, never has_perm) -------------------------------


@rules.predicate
def is_own_message(user, message: Message) -> bool:
    return is_member(user) and message is not None and message.sender_id == user.pk


@rules.predicate
def is_live_text(user, message: Message) -> bool:
    return message is not None and message.kind == Message.Kind.TEXT and message.deleted_at is None


@rules.predicate
def is_group(user, conversation: Conversation) -> bool:
    return conversation is not None and conversation.kind == Conversation.Kind.GROUP


rules.add_rule("messaging.delete_message", is_own_message & is_live_text)
rules.add_rule("messaging.leave_conversation", is_member & is_group)
rules.add_rule("messaging.add_participants", is_member & is_group)


def writing_refusal(conversation: Conversation, user) -> str | None:
    """Why ``user`` (a participant) cannot write in ``conversation`` now, or None.

    The codes: "blocker" (the user blocked the other member), "unreachable" (the other
    member blocked the user: said as if they took no messages), "gone" (the other
    member's account was erased), "alone" (nobody else is left in the group).
    """
    if conversation.is_direct:
        other = other_participant(conversation, user)
        if other is None or not other.is_active:
            return "gone"
        blockers = set(
            Block.objects.filter(
                Q(blocker_id=user.pk, blocked_id=other.pk) | Q(blocker_id=other.pk, blocked_id=user.pk)
            ).values_list("blocker_id", flat=True)
        )
        if user.pk in blockers:
            return "blocker"
        return "unreachable" if blockers else None
    people = getattr(conversation, "people", None)
    count = len(people) if people is not None else conversation.participants.count()
    return "alone" if count < 2 else None
