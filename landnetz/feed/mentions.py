"""@mentions in posts and comments: how they are written, resolved and shown.

An author writes ``@[Name]`` (or ``@[Name](id)``, the form the page's suggestions insert).
When the text is saved, each mention is resolved to one member the author may mention:
an active member whose profile the author can see, with no block between the two
(``moderation.queries.blocking_ids``, both directions). A resolved mention is stored as
``@[Name](id)`` plus a ``Mention`` row (and notified); every other one becomes plain
text (``@Name``): no link, no notification, no row.

The author then reads one polite sentence per unresolved name, the same whatever the
reason ("we found no member of this name whom you can mention"): an unknown name, a
hidden profile, several members of the name, or a block look alike, so nobody learns
from a mention that someone blocked them.

Pages show a resolved mention with the member's current name (from the ``Mention``
row), linked to their profile where the reader may see it. When the mentioned member's
account is erased, their name is taken out of the text (``@[](id)``) and pages show
"a former member".
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from landnetz.accounts.models import User
from landnetz.accounts.permissions import can_view_profile
from landnetz.moderation.queries import blocking_ids

MAX_MENTIONS = 20
# "@[Name]" or "@[Name](123)"; a name has no brackets and no line break.
MENTION = re.compile(r"@\[([^\[\]\n]{0,80})\](?:\((\d{1,19})\))?")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


@dataclass
class Resolved:
    text: str  # the text to store
    users: list = field(default_factory=list)  # members mentioned (resolved), in order
    unresolved: list[str] = field(default_factory=list)  # names written that mention nobody


def count(text: str) -> int:
    return sum(1 for _match in MENTION.finditer(text or ""))


def _candidates(author, names: set[str], ids: set[int]) -> list[User]:
    condition = Q()
    for name in names:
        condition |= Q(display_name__iexact=name)
    if ids:
        condition |= Q(pk__in=ids)
    if not condition:
        return []
    blocked = blocking_ids(author)
    found = User.objects.filter(condition, is_active=True).select_related("profile")[: 10 * MAX_MENTIONS]
    return [user for user in found if user.pk not in blocked and _mentionable(author, user)]


def _mentionable(author, user) -> bool:
    if user.pk == author.pk:
        return True
    profile = getattr(user, "profile", None) if _has_profile(user) else None
    return profile is not None and can_view_profile(author, profile)


def _has_profile(user) -> bool:
    try:
        user.profile  # noqa: B018 - select_related: no query
    except User.profile.RelatedObjectDoesNotExist:
        return False
    return True


def resolve(author, text: str) -> Resolved:
    """Resolve the mentions of ``text`` written by ``author`` (two queries at most)."""
    matches = list(MENTION.finditer(text or ""))
    if not matches:
        return Resolved(text=text)
    names = {match.group(1).strip() for match in matches if match.group(1).strip() and not match.group(2)}
    ids = {int(match.group(2)) for match in matches if match.group(2)}
    candidates = _candidates(author, names, ids)
    by_id = {user.pk: user for user in candidates}
    by_name: dict[str, list[User]] = {}
    for user in candidates:
        by_name.setdefault(user.display_name.casefold(), []).append(user)
    result = Resolved(text="")
    pieces, start = [], 0
    for match in matches:
        pieces.append(text[start : match.start()])
        start = match.end()
        name = match.group(1).strip()
        user = None
        if match.group(2):
            user = by_id.get(int(match.group(2)))
        elif name:
            named = by_name.get(name.casefold(), [])
            user = named[0] if len(named) == 1 else None
        if user is None:
            pieces.append(f"@{name}" if name else "@")
            if name and name not in result.unresolved:
                result.unresolved.append(name)
            continue
        pieces.append(f"@[{_token_name(user.display_name)}]({user.pk})")
        if user not in result.users:
            result.users.append(user)
    pieces.append(text[start:])
    result.text = "".join(pieces)
    return result


def _token_name(name: str) -> str:
    """The name as it can stand between the brackets of a stored mention."""
    return re.sub(r"[\[\]\n\r]", "", name)[:80]


def forget_name(text: str, user_id: int) -> str:
    """The text without the mentioned member's name (their account is being erased)."""
    return MENTION.sub(lambda match: f"@[]({user_id})" if match.group(2) == str(user_id) else match.group(0), text)


def _escape(name: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", name)


def prepare(text: str, mentioned: dict, viewer) -> str:
    """The Markdown to render for ``viewer``: each stored mention as its member's current
    name, a link to their profile where the viewer may see it. ``mentioned`` maps ids to
    the users of the text's ``Mention`` rows (``select_related("profile")``)."""

    def replace(match) -> str:
        if not match.group(2):
            return match.group(0)
        user = mentioned.get(int(match.group(2)))
        if user is None:
            return "@" + _escape(_("a former member") if not match.group(1) else match.group(1))
        label = "@" + _escape(user.display_name)
        if _has_profile(user) and can_view_profile(viewer, user.profile):
            return f"[{label}]({reverse('people:detail', kwargs={'user_id': user.pk})})"
        return label

    return MENTION.sub(replace, text or "")
