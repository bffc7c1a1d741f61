"""Writes of the organisations app.

Every function is keyword-only and runs in one transaction: check permission, validate,
save, write the audit entry, keep the directory index in step, and schedule e-mails
with ``transaction.on_commit``.

Invariant: an organisation never ends up without an active administrator. Every change
that could remove the last one locks the organisation row first and raises
``ValidationError`` instead.
"""

from landnetz.organisations.services.members import (
    accept_invitation,
    approve_request,
    decline_request,
    hand_over_admin,
    invite,
    leave,
    remove_member,
    request_to_join,
    revoke_invitation,
    set_contact_person,
    set_role,
)
from landnetz.organisations.services.organisations import (
    create_organisation,
    delete_organisation,
    delete_organisation_rows,
    set_hidden,
    unverify,
    update_organisation,
    verify,
)

__all__ = [
    "accept_invitation",
    "approve_request",
    "create_organisation",
    "decline_request",
    "delete_organisation",
    "delete_organisation_rows",
    "set_hidden",
    "hand_over_admin",
    "invite",
    "leave",
    "remove_member",
    "request_to_join",
    "revoke_invitation",
    "set_contact_person",
    "set_role",
    "unverify",
    "update_organisation",
    "verify",
]
