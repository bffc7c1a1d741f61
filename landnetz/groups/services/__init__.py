"""Writes of the groups app.

Every function is keyword-only and runs in one transaction: check permission, validate,
save, write the audit entry, keep the search index in step, and schedule e-mails with
``transaction.on_commit``.

Invariant: a group with active members always has an active administrator. Every change
that could remove the last one locks the group row first and raises ``ValidationError``.
"""

from landnetz.groups.services.groups import create_group, delete_group, delete_group_rows, set_hidden, update_group
from landnetz.groups.services.members import (
    accept_invitation,
    approve_request,
    decline_request,
    delete_stale_invitations,
    hand_over_admin,
    invitation_problem,
    invite,
    join,
    leave,
    remove_member,
    revoke_invitation,
    set_role,
)

__all__ = [
    "accept_invitation",
    "approve_request",
    "create_group",
    "decline_request",
    "delete_group",
    "delete_group_rows",
    "delete_stale_invitations",
    "hand_over_admin",
    "invitation_problem",
    "invite",
    "join",
    "leave",
    "remove_member",
    "revoke_invitation",
    "set_hidden",
    "set_role",
    "update_group",
]
