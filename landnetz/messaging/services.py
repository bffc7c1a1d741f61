"""Writes of the messaging app: keyword-only, one transaction each.

Who may reach whom is decided in ``permissions``; every refusal is a ValidationError with
a translated sentence and changes nothing. Side effects (the deferred e-mail about unread
messages) are scheduled with ``transaction.on_commit``. Private correspondence is not
administration: nothing here writes to the audit log (moderators' decisions on reported
messages are audited by the moderation seam).
"""

from functools import partial

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, Min, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.core import ratelimits
from landnetz.core.permissions import is_member
from landnetz.core.validators import validate_multiline_text, validate_plain_text
from landnetz.messaging import notices, permissions, tasks
from landnetz.messaging.models import (
    MAX_PARTICIPANTS,
    Conversation,
    Message,
    MessagingPreference,
    Participant,
)
from landnetz.moderation import services as moderation_services
from landnetz.moderation.models import Block
from landnetz.notifications.models import Notification
from landnetz.notifications.services import mark_read as mark_notification_read

CANNOT_RECEIVE = _("%(name)s cannot receive messages from you.")
CANNOT_JOIN = _("%(name)s cannot be added to this conversation.")
NOT_TOGETHER = _("These members cannot all take part in one conversation. Please write to them separately.")
TOO_MANY = _(
    "A conversation can have at most %(limit)d people, you included. Please choose at most %(others)d members."
)
TOO_FAST = _("You have sent many messages in a short time. Please wait a while and try again.")
TOO_MANY_CONVERSATIONS = _("You have started many conversations today. Please continue tomorrow.")
REFUSALS = {
    "blocker": _("You have blocked this member. To write again, unblock them on the page “Blocked members”."),
    "unreachable": _("This member cannot receive messages from you."),
    "gone": _("The other member has left Landnetz. You can still read this conversation, but not answer."),
    "alone": _("Nobody else takes part in this conversation any more."),
}


def _name(user) -> str:
    return user.display_name


def clean_body(body: str) -> str:
    """The message as it will be stored, or a ValidationError on the field "body"."""
    body = (body or "").strip()
    limit = settings.MESSAGING_MAX_LENGTH
    if not body:
        raise ValidationError({"body": ValidationError(_("Please write a message."), code="required")})
    if len(body) > limit:
        raise ValidationError(
            {
                "body": ValidationError(
                    _(
                        "Your message is too long: %(length)d characters. Please shorten it to at most %(limit)d "
                        "characters, or send it in several messages."
                    ),
                    code="max_length",
                    params={"length": len(body), "limit": limit},
                )
            }
        )
    try:
        validate_multiline_text(body)
    except ValidationError as error:
        raise ValidationError({"body": error}) from None
    return body


def clean_title(title: str) -> str:
    title = (title or "").strip()
    if len(title) > 120:
        raise ValidationError(
            {"title": ValidationError(_("Please use at most 120 characters for the title."), code="max_length")}
        )
    try:
        validate_plain_text(title)
    except ValidationError as error:
        raise ValidationError({"title": error}) from None
    return title


def _consume(action: str, actor, message) -> None:
    if not ratelimits.consume(action, actor.pk):
        raise ValidationError({"body": ValidationError(message, code="rate_limited")})


def _direct_key(first, second) -> str:
    low, high = sorted([first.pk, second.pk])
    return f"{low}:{high}"


def _append(*, conversation: Conversation, sender, body: str = "", language: str = "", kind=Message.Kind.TEXT):
    """Add a message and bring every participant's list row, unread count and pending
    e-mail up to date (a constant number of queries, whatever the conversation's size)."""
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation, sender=sender, body=body, body_language=language, kind=kind, created_at=now
    )
    Conversation.objects.filter(pk=conversation.pk).filter(
        Q(last_message__isnull=True) | Q(last_message_id__lt=message.pk)
    ).update(last_message=message, last_message_at=now)
    everyone = Participant.objects.filter(conversation=conversation)
    everyone.update(last_activity_at=now)
    if kind != Message.Kind.TEXT:
        return message
    others = everyone.exclude(user_id=sender.pk)
    others.update(unread_count=F("unread_count") + 1, unread_since=Coalesce("unread_since", Value(now)))
    # Who writes has read what came before.
    everyone.filter(user_id=sender.pk).update(
        last_read_message_id=message.pk,
        last_read_at=now,
        unread_count=0,
        unread_since=None,
        notice=Participant.Notice.NONE,
    )
    waiting = list(others.filter(notice=Participant.Notice.NONE, muted=False).values_list("pk", flat=True))
    if waiting:
        Participant.objects.filter(pk__in=waiting).update(notice=Participant.Notice.SCHEDULED)
        due = now + notices.delay()
        for participant_id in waiting:
            transaction.on_commit(partial(tasks.schedule_notice, participant_id, due))
    return message


# --- Starting and writing --------------------------------------------------------------------


def existing_direct(actor, other) -> Conversation | None:
    """The direct conversation of these two members, if they have one."""
    if not is_member(actor) or other is None or other.pk == actor.pk:
        return None
    return Conversation.objects.filter(direct_key=_direct_key(actor, other)).first()


@transaction.atomic
def start_conversation(
    *, actor, recipients: list, body: str, body_language: str = "", title: str = ""
) -> tuple[Conversation, Message]:
    """Write to one member (a direct conversation; the existing one if there is one) or to
    several (a group conversation of at most ``MAX_PARTICIPANTS`` people, with an optional
    title). Refused, with nothing stored, for members who take no messages from the actor."""
    if not is_member(actor):
        raise PermissionDenied
    recipients = list({user.pk: user for user in recipients if user.pk != actor.pk}.values())
    if not recipients:
        raise ValidationError({"to": ValidationError(_("Please choose at least one member."), code="required")})
    if len(recipients) + 1 > MAX_PARTICIPANTS:
        raise ValidationError(
            {
                "to": ValidationError(
                    TOO_MANY, code="too_many", params={"limit": MAX_PARTICIPANTS, "others": MAX_PARTICIPANTS - 1}
                )
            }
        )
    body = clean_body(body)
    if len(recipients) == 1:
        existing = existing_direct(actor, recipients[0])
        if existing is not None:
            return existing, post_message(actor=actor, conversation=existing, body=body, body_language=body_language)
    title = clean_title(title) if len(recipients) > 1 else ""
    refused = permissions.unreachable(actor, recipients)
    if refused:
        raise ValidationError(
            {
                "to": [
                    ValidationError(CANNOT_RECEIVE, code="unreachable", params={"name": _name(user)})
                    for user in refused
                ]
            }
        )
    if len(recipients) > 1 and permissions.blocks_among([user.pk for user in recipients]):
        raise ValidationError({"to": ValidationError(NOT_TOGETHER, code="blocked")})
    _consume("conversation", actor, TOO_MANY_CONVERSATIONS)
    _consume("message", actor, TOO_FAST)
    now = timezone.now()
    if len(recipients) == 1:
        try:
            with transaction.atomic():
                conversation = Conversation.objects.create(
                    kind=Conversation.Kind.DIRECT, direct_key=_direct_key(actor, recipients[0]), created_at=now
                )
        except IntegrityError:  # started at the same moment from the other side
            conversation = Conversation.objects.get(direct_key=_direct_key(actor, recipients[0]))
            return conversation, _post(actor=actor, conversation=conversation, body=body, body_language=body_language)
    else:
        conversation = Conversation.objects.create(kind=Conversation.Kind.GROUP, title=title, created_at=now)
    Participant.objects.bulk_create(
        Participant(conversation=conversation, user=user, joined_at=now, last_activity_at=now)
        for user in [actor, *recipients]
    )
    message = _append(conversation=conversation, sender=actor, body=body, language=body_language)
    return conversation, message


def _refuse_if_cannot_write(actor, conversation: Conversation) -> None:
    conversation.people = list(conversation.participants.select_related("user"))
    if not any(participant.user_id == actor.pk for participant in conversation.people):
        raise PermissionDenied
    refusal = permissions.writing_refusal(conversation, actor)
    if refusal:
        raise ValidationError({"body": ValidationError(REFUSALS[refusal], code=refusal)})


def _post(*, actor, conversation: Conversation, body: str, body_language: str) -> Message:
    _refuse_if_cannot_write(actor, conversation)
    _consume("message", actor, TOO_FAST)
    return _append(conversation=conversation, sender=actor, body=body, language=body_language)


@transaction.atomic
def post_message(*, actor, conversation: Conversation, body: str, body_language: str = "") -> Message:
    """Answer in a conversation the actor takes part in."""
    if not is_member(actor):
        raise PermissionDenied
    return _post(actor=actor, conversation=conversation, body=clean_body(body), body_language=body_language)


@transaction.atomic
def add_participants(*, actor, conversation: Conversation, members: list) -> list[Participant]:
    """Add members to a group conversation (each as if the actor wrote to them first)."""
    if not rules.test_rule("messaging.add_participants", actor, conversation):
        raise PermissionDenied
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    present = set(conversation.participants.values_list("user_id", flat=True))
    if actor.pk not in present:
        raise PermissionDenied
    members = [user for user in {user.pk: user for user in members}.values() if user.pk not in present]
    if not members:
        raise ValidationError(
            {"to": ValidationError(_("Please choose members who do not take part yet."), code="required")}
        )
    if len(present) + len(members) > MAX_PARTICIPANTS:
        raise ValidationError(
            {
                "to": ValidationError(
                    _("A conversation can have at most %(limit)d people. %(free)d more can be added."),
                    code="too_many",
                    params={"limit": MAX_PARTICIPANTS, "free": MAX_PARTICIPANTS - len(present)},
                )
            }
        )
    refused = permissions.unreachable(actor, members)
    new_ids = [user.pk for user in members]
    blocked = set(
        Block.objects.filter(
            Q(blocker_id__in=new_ids, blocked_id__in=present) | Q(blocked_id__in=new_ids, blocker_id__in=present)
        ).values_list("blocker_id", "blocked_id")
    )
    refused += [user for user in members if user not in refused and any(user.pk in pair for pair in blocked)]
    if refused:
        raise ValidationError(
            {"to": [ValidationError(CANNOT_JOIN, code="unreachable", params={"name": _name(user)}) for user in refused]}
        )
    _consume("message", actor, TOO_FAST)
    now = timezone.now()
    last_id = conversation.last_message_id or 0
    added = Participant.objects.bulk_create(
        Participant(
            conversation=conversation, user=user, joined_at=now, last_activity_at=now, last_read_message_id=last_id
        )
        for user in members
    )
    for user in members:
        _append(conversation=conversation, sender=user, kind=Message.Kind.JOINED)
    return added


# --- Reading, muting, leaving -------------------------------------------------------------------


@transaction.atomic
def mark_read(*, user, participant: Participant, up_to: int) -> bool:
    """Everything up to the message id ``up_to`` has been seen. Nothing is written when it
    was seen before; the pending e-mail (and its notification) is settled."""
    if participant.user_id != user.pk:
        raise PermissionDenied
    if participant.last_read_message_id >= up_to and not participant.unread_count:
        return False
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    remaining = (
        Message.objects.filter(
            conversation_id=participant.conversation_id, id__gt=up_to, kind=Message.Kind.TEXT, deleted_at__isnull=True
        )
        .exclude(sender_id=user.pk)
        .aggregate(count=Count("id"), since=Min("created_at"))
    )
    notification_id = participant.notice_notification_id
    participant.last_read_message_id = max(participant.last_read_message_id, up_to)
    participant.last_read_at = timezone.now()
    participant.unread_count = remaining["count"]
    participant.unread_since = remaining["since"]
    remaining = remaining["count"]
    if not remaining:
        participant.notice, participant.notice_notification_id = Participant.Notice.NONE, None
    participant.save(
        update_fields=[
            "last_read_message_id",
            "last_read_at",
            "unread_count",
            "unread_since",
            "notice",
            "notice_notification_id",
        ]
    )
    if notification_id and not remaining:
        mark_notification_read(user=user, notification=Notification(pk=notification_id))
    return True


@transaction.atomic
def set_muted(*, user, participant: Participant, muted: bool) -> None:
    """A muted conversation sends no e-mail and leaves the header's count alone."""
    if participant.user_id != user.pk:
        raise PermissionDenied
    changes = {"muted": muted}
    if muted and participant.notice == Participant.Notice.SCHEDULED:
        changes["notice"] = Participant.Notice.NONE
    Participant.objects.filter(pk=participant.pk).update(**changes)


@transaction.atomic
def leave_conversation(*, user, participant: Participant) -> None:
    """Leave a group conversation: it disappears from the member's list; the others read
    "… has left the conversation". The last one to leave deletes it."""
    conversation = participant.conversation
    if participant.user_id != user.pk or not rules.test_rule("messaging.leave_conversation", user, conversation):
        raise PermissionDenied
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    Participant.objects.filter(pk=participant.pk).delete()
    if not conversation.participants.exists():
        conversation.delete()
        return
    _append(conversation=conversation, sender=user, kind=Message.Kind.LEFT)


# --- Deleting and moderation ----------------------------------------------------------------------


def _clear(message: Message) -> None:
    """The text goes; the row stays as "message deleted" so that answers keep their place.
    Unread counts of those who had not read it yet shrink by one."""
    if message.deleted_at is not None:
        return
    Message.objects.filter(pk=message.pk).update(body="", body_language="", deleted_at=timezone.now())
    if message.kind != Message.Kind.TEXT:
        return
    Participant.objects.filter(
        conversation_id=message.conversation_id, last_read_message_id__lt=message.pk, unread_count__gt=0
    ).exclude(user_id=message.sender_id).update(
        unread_since=Case(When(unread_count__lte=1, then=Value(None)), default=F("unread_since")),
        unread_count=F("unread_count") - 1,
    )


@transaction.atomic
def delete_message(*, actor, message: Message) -> None:
    """The sender deletes their own message."""
    if not rules.test_rule("messaging.delete_message", actor, message):
        raise PermissionDenied
    _clear(message)


@transaction.atomic
def moderator_delete(*, message: Message) -> None:
    """A moderator deletes a reported message (the moderation seam checks and audits)."""
    _clear(message)


@transaction.atomic
def set_hidden(*, message: Message, hidden: bool) -> None:
    """A moderator hides a reported message (only its sender still reads it) or shows it again."""
    Message.objects.filter(pk=message.pk).update(moderation_hidden=hidden)


# --- Preferences and blocks --------------------------------------------------------------------------


@transaction.atomic
def set_allow_from(*, user, allow_from: str) -> MessagingPreference:
    if not is_member(user):
        raise PermissionDenied
    if allow_from not in MessagingPreference.AllowFrom.values:
        raise ValidationError({"allow_from": ValidationError(_("Please choose one of the options."), code="invalid")})
    preference, _created = MessagingPreference.objects.update_or_create(user=user, defaults={"allow_from": allow_from})
    return preference


def block(*, actor, member) -> None:
    """Block a member: no more messages or mentions between the two; they are not told."""
    if not is_member(actor):
        raise PermissionDenied
    moderation_services.block_member(actor=actor, member=member)


def unblock(*, actor, member) -> None:
    if not is_member(actor):
        raise PermissionDenied
    moderation_services.unblock_member(actor=actor, member=member)
