"""The notification kinds of the groups app (registered in ``apps.ready``).

A notification about a secret group never carries the group's name: its row outlives a
membership and its e-mail may be read by others. Its link leads to the group page, which
names the group to members only. Notifications of other groups store ``group`` (the name).
"""

from django.utils.translation import gettext_lazy as _

from landnetz.notifications.registry import Kind

JOIN_REQUEST = "groups.join_request"
JOIN_ANSWERED = "groups.join_answered"
INVITED = "groups.invited"
MADE_ADMIN = "groups.made_admin"


def data_for(group) -> dict:
    """What a notification may store about ``group``: its name, unless it is secret."""
    return {} if group.kind == "secret" else {"group": group.name}


def _answered(data: dict):
    if data.get("approved"):
        return _("%(actor)s accepted your request: welcome to the group %(group)s.")
    return _("%(actor)s declined your request to join the group %(group)s.")


def _invited(data: dict):
    if "group" in data:
        return _("%(actor)s invites you to join the group %(group)s.")
    return _("%(actor)s invites you to join a secret group.")


def _made_admin(data: dict):
    if data.get("handed_over"):
        if "group" in data:
            return _(
                "You are now an administrator of the group %(group)s: its last administrator has left the network."
            )
        return _("You are now an administrator of a secret group: its last administrator has left the network.")
    if "group" in data:
        return _("%(actor)s made you an administrator of the group %(group)s.")
    return _("%(actor)s made you an administrator of a secret group.")


KINDS = [
    Kind(
        key=JOIN_REQUEST,
        label=_("Requests to join a group I administer"),
        message=_("%(actor)s asks to join the group %(group)s."),
    ),
    Kind(key=JOIN_ANSWERED, label=_("Answers to my requests to join a group"), message=_answered),
    # The invitation e-mail with its link goes out anyway (also to people without an
    # account); members see the invitation on the site too.
    Kind(key=INVITED, label=_("Invitations to groups"), message=_invited, emails=False),
    Kind(key=MADE_ADMIN, label=_("When I become administrator of a group"), message=_made_admin),
]
