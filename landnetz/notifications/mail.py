"""Notification e-mails: one at a time ("immediately") or as a daily or weekly digest."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from landnetz.accounts.models import User
from landnetz.notifications import queries, registry
from landnetz.notifications.models import Notification
from landnetz.notifications.tokens import unsubscribe_token

DIGEST_LIMIT = 50  # items listed in one digest e-mail; the rest are counted


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send(*, user, subject: str, body: str, unsubscribe_kind: str | None) -> None:
    headers = {}
    if unsubscribe_kind:
        link = _absolute(
            reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user, unsubscribe_kind)})
        )
        headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=body, to=[user.email], headers=headers
    ).send()


def send_email_for(notification_id: int) -> bool:
    """Send one notification by e-mail now (the "immediately" channel). False if there is
    nothing to send (gone, read, already sent, or the member chose otherwise meanwhile)."""
    notification = (
        Notification.objects.select_related("recipient", "actor")
        .filter(pk=notification_id, emailed_at__isnull=True, read_at__isnull=True)
        .first()
    )
    if notification is None or not notification.recipient.is_active:
        return False
    kind = registry.get(notification.kind)
    if kind is None or queries.channel_of(notification.recipient, kind) != registry.IMMEDIATELY:
        return False
    user = notification.recipient
    with translation.override(user.preferred_language):
        text = queries.text_of(notification)
        body = render_to_string(
            "notifications/email/notification.txt",
            {
                "recipient": user.display_name,
                "text": text,
                "link": _absolute(queries.path_of(notification)) if notification.url_name else "",
                "kind_label": kind.label,
                "unsubscribe": _absolute(
                    reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user, kind.key)})
                ),
                "settings_link": _absolute(reverse("notifications:settings")),
                "network_name": settings.LANDNETZ_NETWORK_NAME,
            },
        )
        _send(user=user, subject=text, body=body, unsubscribe_kind=kind.key)
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True


def send_digests(*, period: str) -> int:
    """One e-mail per member with the unread notifications of the kinds they chose to get
    as a ``period`` (daily / weekly) digest. Returns the number of e-mails sent."""
    if period not in (registry.DAILY, registry.WEEKLY):
        raise ValueError(period)
    digest_kinds = {kind.key for kind in registry.kinds() if kind.emails}
    pending = (
        Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True, kind__in=digest_kinds)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sent = 0
    for user in User.objects.filter(pk__in=pending, is_active=True).iterator(chunk_size=500):
        channels = queries.channels_of(user)
        wanted = [key for key, channel in channels.items() if channel == period]
        if not wanted:
            continue
        items = list(
            queries.notifications_of(user)
            .filter(kind__in=wanted, emailed_at__isnull=True, read_at__isnull=True)
            .order_by("created_at", "id")
        )
        if not items:
            continue
        with translation.override(user.preferred_language):
            lines = [
                (queries.text_of(item), _absolute(queries.path_of(item)) if item.url_name else "")
                for item in items[:DIGEST_LIMIT]
            ]
            body = render_to_string(
                "notifications/email/digest.txt",
                {
                    "recipient": user.display_name,
                    "lines": lines,
                    "more": max(0, len(items) - DIGEST_LIMIT),
                    "period": period,
                    "list_link": _absolute(reverse("notifications:list")),
                    "settings_link": _absolute(reverse("notifications:settings")),
                    "network_name": settings.LANDNETZ_NETWORK_NAME,
                },
            )
            subject = gettext("Your daily summary") if period == registry.DAILY else gettext("Your weekly summary")
            # A digest mixes kinds: its one-click unsubscribe would have to stop all of them,
            # so it links to the settings instead of sending List-Unsubscribe.
            _send(user=user, subject=subject, body=body, unsubscribe_kind=None)
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(emailed_at=timezone.now())
        sent += 1
    return sent
