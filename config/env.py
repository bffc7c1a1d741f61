"""Small typed readers for environment variables.

Every setting of Landnetz comes from the environment (12-factor). A variable
``NAME_FILE`` holding a path wins over ``NAME``, so that secrets can come from
Docker/Kubernetes secret files instead of the process environment.
"""

import os
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def _raw(name: str) -> str | None:
    path = os.environ.get(f"{name}_FILE")
    if path:
        with open(path, encoding="utf-8") as handle:
            return handle.read().strip()
    return os.environ.get(name)


def env_str(name: str, default: str = "") -> str:
    value = _raw(name)
    return default if value is None else value


def env_bool(name: str, default: bool = False) -> bool:
    value = _raw(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = _raw(name)
    if value is None or value == "":
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def email_settings(url: str) -> dict[str, object]:
    """Turn ``EMAIL_URL`` into Django e-mail settings.

    ``console://`` prints mails, ``locmem://`` keeps them in ``mail.outbox``,
    ``smtp://user:password@host:587?tls=1`` (or ``smtps://`` for implicit TLS)
    sends them.
    """
    parsed = urlparse(url)
    scheme = parsed.scheme
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme in {"smtp", "smtps"}:
        query = parse_qs(parsed.query)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parsed.hostname or "localhost",
            "EMAIL_PORT": parsed.port or (465 if scheme == "smtps" else 25),
            "EMAIL_HOST_USER": unquote(parsed.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
            "EMAIL_USE_SSL": scheme == "smtps",
            "EMAIL_USE_TLS": query.get("tls", ["0"])[0] in {"1", "true"},
            "EMAIL_TIMEOUT": 20,
        }
    raise ImproperlyConfigured(f"EMAIL_URL scheme {scheme!r} is not supported")


def production_problems(*, email_url: str, cache_url: str) -> list[str]:
    """What keeps a production instance from starting (settings.py raises on any).

    - Mail must really be sent: the console backend would print reset links, confirmation
      keys and invitation tokens into the server log.
    - Rate limits (login, sign-up, invitations) need one cache shared by every worker
      process; a per-process memory cache multiplies every limit by the number of workers.
    """
    problems = []
    if urlparse(email_url).scheme not in {"smtp", "smtps"}:
        problems.append(
            "EMAIL_URL must be smtp:// or smtps:// in production (console or memory backends would put "
            "reset links and invitation tokens into the log or lose them)"
        )
    if urlparse(cache_url).scheme not in {"redis", "rediss", "db"}:
        problems.append(
            "CACHE_URL must be redis://… or db:// in production, so that rate limits are shared by all worker processes"
        )
    return problems


def cache_settings(url: str) -> dict[str, dict[str, str]]:
    """Turn ``CACHE_URL`` into Django's CACHES: ``locmem://``, ``redis://host:port/db`` or
    ``db://`` (a table in the database; create it with ``manage.py createcachetable``)."""
    scheme = urlparse(url).scheme
    if scheme in {"redis", "rediss"}:
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    if scheme == "db":
        return {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "landnetz_cache"}}
    if scheme == "locmem":
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    raise ImproperlyConfigured(f"CACHE_URL scheme {scheme!r} is not supported")
