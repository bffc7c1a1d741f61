"""Known devices: a browser that has logged in to an account keeps its own login budget.

Per-account login limits are what stop password guessing from many addresses, but a
hard per-account limit lets any stranger lock a member out by typing wrong passwords
for their address. The usual answer (OWASP "device cookies"): after a successful login
the browser gets a signed cookie naming the account (by a hash of its e-mail address)
and a random device id. Failed attempts from that browser are counted on their own
key, so strangers exhaust only the budget of unknown devices, never the member's own
browser. The cookie holds no personal data in clear and is needed for security only.
"""

import hashlib
import secrets

from django.conf import settings
from django.core import signing

SALT = "landnetz.accounts.devices"
MAX_AGE = 180 * 24 * 60 * 60


def cookie_name() -> str:
    return "__Host-landnetz-device" if settings.PRODUCTION else "landnetz-device"


def _account_hash(email: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{email.strip().lower()}".encode()).hexdigest()[:32]


def device_id(request, email: str) -> str | None:
    """The device id if this browser has logged in to the account with ``email`` before."""
    value = request.COOKIES.get(cookie_name())
    if not value or not email:
        return None
    try:
        data = signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") != _account_hash(email):
        return None
    return str(data.get("d", "")) or None


def remember(response, email: str) -> None:
    value = signing.dumps({"a": _account_hash(email), "d": secrets.token_urlsafe(12)}, salt=SALT)
    response.set_cookie(
        cookie_name(),
        value,
        max_age=MAX_AGE,
        secure=settings.PRODUCTION,
        httponly=True,
        samesite="Lax",
        path="/",
    )
