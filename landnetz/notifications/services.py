"""Writes of the notifications seam: notify, read, choose, unsubscribe, send e-mails.

Feature apps call ``notify(...)`` inside their own transaction; e-mails go out through a
task once the transaction has committed (at once for "immediately", later in a digest).
"""

from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.notifications import queries, registry
from landnetz.notifications.models import Notification, Preference
from landnetz.notifications.tasks import send_notification_email
from landnetz.notifications.tokens import read_unsubscribe_token


def notify(*, recipients: Iterable, kind: str, actor=None, data: dict | None = None, url=None) -> list[Notification]:
    """Tell ``recipients`` about something. ``url`` is ``(url name, kwargs)`` of the page
    it is about. The actor is never notified of their own action; inactive members are skipped."""
    registered = registry.get(kind)
    if registered is None:
        raise ValueError(f"notification kind {kind!r} is not registered")
    url_name, url_kwargs = url if url else ("", {})
    people = {user.pk: user for user in recipients if user is not None and user.is_active}
    if actor is not None:
        people.pop(actor.pk, None)
    created = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            actor=actor,
            data=data or {},
            url_name=url_name,
            url_kwargs=url_kwargs,
        )
        for user in people.values()
    )
    for notification in created:
        _forget_unread(notification.recipient_id)
        if queries.channel_of(notification.recipient, registered) == registry.IMMEDIATELY:
            transaction.on_commit(partial(send_notification_email.enqueue, notification.pk))
    return created


def _forget_unread(user_id: int) -> None:
    cache.delete(queries.unread_cache_key(user_id))


@transaction.atomic
def mark_read(*, user, notification: Notification | None = None) -> None:
    """Mark one of the member's notifications as read, or all of them."""
    mine = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification is not None:
        mine = mine.filter(pk=notification.pk)
    mine.update(read_at=timezone.now())
    _forget_unread(user.pk)


@transaction.atomic
def set_channel(*, user, kind: str, channel: str) -> None:
    registered = registry.get(kind)
    if registered is None or not registered.emails:
        raise ValidationError(_("There is no such kind of notification."), code="unknown_kind")
    if channel not in registry.CHANNELS:
        raise ValidationError(_("Please choose one of the options."), code="unknown_channel")
    Preference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})


@transaction.atomic
def unsubscribe(*, token: str) -> registry.Kind:
    user, kind = read_unsubscribe_token(token)
    Preference.objects.update_or_create(user=user, kind=kind.key, defaults={"channel": registry.OFF})
    return kind


def delete_old_read_notifications() -> int:
    """Retention: read notifications older than LANDNETZ_RETENTION_DAYS["read_notifications"]."""
    cutoff = timezone.now() - timedelta(days=settings.LANDNETZ_RETENTION_DAYS["read_notifications"])
    deleted, _ = Notification.objects.filter(read_at__lt=cutoff).delete()
    return deleted
