"""Abuse limits for the site's own actions (invitations now; posts, messages, reports later).

Limits are settings (``LANDNETZ_RATE_LIMITS``, from the environment) in allauth's notation
without the key part: ``"10/m,50/d"`` = at most 10 a minute and 50 a day. Counters live
in the shared cache (production requires Redis or the database cache), in fixed windows.
Services call ``consume(action, key)`` with a key such as the acting member's id; the
caller turns ``False`` into a translated message.
"""

from django.conf import settings
from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse(rules: str) -> list[tuple[int, int]]:
    """``"10/m,50/d"`` → ``[(10, 60), (50, 86400)]``; ``"5/300s"`` → ``[(5, 300)]``."""
    limits = []
    for rule in filter(None, (part.strip() for part in rules.split(","))):
        count, period = rule.split("/")[:2]
        unit = period[-1]
        seconds = PERIODS[unit] * (int(period[:-1]) if period[:-1] else 1)
        limits.append((int(count), seconds))
    return limits


def consume(action: str, key) -> bool:
    """Count one use of ``action`` by ``key``; False (and nothing counted) when a limit is reached."""
    limits = parse(settings.LANDNETZ_RATE_LIMITS.get(action, ""))
    keys = [(f"landnetz:rl:{action}:{seconds}:{key}", count, seconds) for count, seconds in limits]
    for cache_key, count, _seconds in keys:
        if (cache.get(cache_key) or 0) >= count:
            return False
    for cache_key, _count, seconds in keys:
        if cache.add(cache_key, 1, timeout=seconds):
            continue
        try:
            cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, timeout=seconds)
    return True
