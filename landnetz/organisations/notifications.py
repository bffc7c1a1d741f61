"""The notification kinds of the organisations app (registered in ``apps.ready``)."""

from django.utils.translation import gettext_lazy as _

from landnetz.notifications.registry import Kind

JOIN_REQUEST = "organisations.join_request"
JOIN_ANSWERED = "organisations.join_answered"
VERIFIED = "organisations.verified"
INVITED = "organisations.invited"


def _answered(data: dict):
    if data.get("approved"):
        return _("%(actor)s accepted your request: welcome to %(organisation)s.")
    return _("%(actor)s declined your request to join %(organisation)s.")


KINDS = [
    Kind(
        key=JOIN_REQUEST,
        label=_("Requests to join an organisation I administer"),
        message=_("%(actor)s asks to join %(organisation)s."),
    ),
    Kind(key=JOIN_ANSWERED, label=_("Answers to my requests to join"), message=_answered),
    Kind(
        key=VERIFIED,
        label=_("Verification of my organisations by the coordination"),
        message=_("%(actor)s has verified %(organisation)s."),
    ),
    # The invitation e-mail with its link goes out anyway (also to people without an
    # account); members see the invitation on the site too.
    Kind(
        key=INVITED,
        label=_("Invitations to organisations"),
        message=_("%(actor)s invites you to join %(organisation)s."),
        emails=False,
    ),
]
