"""Reads of the notifications seam: a member's own notifications only."""

from django.core.cache import cache
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext

from landnetz.core.templatetags.landnetz import isolate
from landnetz.notifications import registry
from landnetz.notifications.models import Notification, Preference

UNREAD_CACHE_SECONDS = 300


def unread_cache_key(user_id: int) -> str:
    return f"landnetz:notifications:unread:{user_id}"


def notifications_of(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related("actor")


def unread_count(user) -> int:
    """For the header on every page: cached, forgotten by every write that changes it."""
    return cache.get_or_set(
        unread_cache_key(user.pk),
        lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count(),
        UNREAD_CACHE_SECONDS,
    )


def channel_of(user, kind: registry.Kind) -> str:
    if not kind.emails:
        return registry.OFF
    chosen = Preference.objects.filter(user=user, kind=kind.key).values_list("channel", flat=True).first()
    return chosen or kind.default


def channels_of(user) -> dict[str, str]:
    """The member's e-mail choice for every registered kind (defaults filled in)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "channel"))
    return {
        kind.key: (chosen.get(kind.key, kind.default) if kind.emails else registry.OFF) for kind in registry.kinds()
    }


def text_of(notification: Notification) -> str:
    """The sentence in the active language, with the actor's current name."""
    kind = registry.get(notification.kind)
    if kind is None:
        return gettext("A notification of a kind that no longer exists.")
    actor = notification.actor.display_name if notification.actor_id and notification.actor else None
    # Names and titles are isolated (FSI … PDI): a right-to-left name cannot reorder the sentence.
    values = {key: isolate(value) for key, value in notification.data.items()}
    values["actor"] = isolate(actor) if actor else gettext("a former member")
    try:
        return str(kind.message_for(notification.data)) % values
    except (KeyError, TypeError, ValueError):
        return str(kind.label)


def path_of(notification: Notification, language: str | None = None) -> str:
    if not notification.url_name:
        return ""
    with translation.override(language or translation.get_language()):
        try:
            return reverse(notification.url_name, kwargs=notification.url_kwargs)
        except NoReverseMatch:
            return ""
