"""The e-mail about messages that stay unread ("messaging.unread", through notifications).

When a message arrives, every other participant who has nothing pending and has not muted
the conversation gets ``notice = scheduled``; after ``MESSAGING_UNREAD_MAIL_MINUTES`` a
deferred task (``tasks.send_unread_notice``, or the sweep ``send_due_notices`` where the
task backend cannot defer) asks :func:`send_unread_notice`. It notifies the member only if
a message of someone else is still unread by then and the conversation is not muted —
once: ``notice = sent`` until the member reads the conversation. The notification names
who wrote and links to the conversation; it never holds the message.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from landnetz.messaging.models import Message, Participant
from landnetz.notifications.services import notify

UNREAD = "messaging.unread"


def delay() -> timedelta:
    return timedelta(minutes=settings.MESSAGING_UNREAD_MAIL_MINUTES)


def _oldest_unread(participant: Participant) -> Message | None:
    return (
        Message.objects.filter(
            conversation_id=participant.conversation_id,
            id__gt=participant.last_read_message_id,
            kind=Message.Kind.TEXT,
            deleted_at__isnull=True,
        )
        .exclude(sender_id=participant.user_id)
        .select_related("sender")
        .order_by("id")
        .first()
    )


@transaction.atomic
def send_unread_notice(participant_id: int, *, now: datetime | None = None) -> bool | datetime:
    """Notify one participant about what is still unread. True when notified; the time to
    ask again when the oldest unread message is younger than the delay; False otherwise
    (read meanwhile, muted, left, nothing pending)."""
    now = now or timezone.now()
    participant = (
        Participant.objects.select_for_update(of=("self",)).select_related("user").filter(pk=participant_id).first()
    )
    if participant is None or participant.notice != Participant.Notice.SCHEDULED:
        return False
    oldest = None if participant.muted or not participant.user.is_active else _oldest_unread(participant)
    if oldest is None:
        participant.notice = Participant.Notice.NONE
        participant.save(update_fields=["notice"])
        return False
    due = oldest.created_at + delay()
    if due > now:
        return due
    created = notify(
        recipients=[participant.user],
        kind=UNREAD,
        actor=oldest.sender,
        data={},
        url=("messaging:conversation", {"conversation_id": participant.conversation_id}),
    )
    participant.notice = Participant.Notice.SENT
    participant.notice_notification_id = created[0].pk if created else None
    participant.save(update_fields=["notice", "notice_notification_id"])
    return True


def send_due_notices(*, now: datetime | None = None) -> int:
    """Every scheduled notice whose delay has passed (the sweep for task backends that
    cannot run a task later, and a safety net for lost tasks). Returns how many were sent."""
    now = now or timezone.now()
    due = Participant.objects.filter(notice=Participant.Notice.SCHEDULED, unread_since__lte=now - delay())
    sent = 0
    for participant_id in due.values_list("pk", flat=True).iterator(chunk_size=500):
        if send_unread_notice(participant_id, now=now) is True:
            sent += 1
    return sent
