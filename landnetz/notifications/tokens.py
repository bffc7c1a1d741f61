"""One-click unsubscribe links (RFC 8058): a signed token names the member and the kind."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from landnetz.accounts.models import User
from landnetz.notifications import registry

UNSUBSCRIBE_SALT = "landnetz.notifications.unsubscribe"


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[User, registry.Kind]:
    """The member and kind a token stands for; ValidationError for anything forged or stale."""
    invalid = ValidationError(
        _("This link is not valid (any more). Please change your e-mail settings after logging in.")
    )
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise invalid from error
    if not isinstance(data, dict):
        raise invalid
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    kind = registry.get(str(data.get("k")))
    if user is None or kind is None or not kind.emails:
        raise invalid
    return user, kind
