"""Who may erase an account: the member themselves (after entering the password again,
checked by the view) and network admins (in the admin area, which requires two-factor
login)."""

import rules

from landnetz.core.permissions import is_member, is_network_admin


@rules.predicate
def is_self(actor, user) -> bool:
    return bool(is_member(actor) and user is not None and actor.pk == user.pk)


rules.add_perm("privacy.erase_member", is_self | is_network_admin)
