"""What erasing a member's account means for organisations (registered with ``privacy``).

- An organisation never ends up without an administrator: when the member is its last
  active administrator and others are still members, the erasure waits until they hand
  over (``blockers``).
- An organisation whose only member is the leaving member goes with them, logo included.
- Invitations sent to the member's address are deleted; invitations they sent stay
  without naming them.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from landnetz.organisations.models import Invitation, Membership, Organisation
from landnetz.organisations.services.common import ACTIVE, ADMIN
from landnetz.organisations.services.organisations import delete_organisation_rows


def _led_by(user):
    """Organisations in which ``user`` is an active admin, with their active members and admins counted."""
    # Select by subquery: a filter on the same relation would narrow the counts to this member.
    led = Membership.objects.filter(user=user, status=ACTIVE, role=ADMIN).values("organisation")
    return (
        Organisation.objects.filter(pk__in=led)
        .annotate(
            active_members=Count(
                "memberships", filter=Q(memberships__status=ACTIVE, memberships__user__is_active=True), distinct=True
            ),
            active_admins=Count(
                "memberships",
                filter=Q(memberships__status=ACTIVE, memberships__role=ADMIN, memberships__user__is_active=True),
                distinct=True,
            ),
        )
        .order_by("name")
    )


def blockers(user) -> list[str]:
    return [
        _(
            "You are the only administrator of “%(name)s”. Please make another member administrator first "
            "(on the organisation's members page), or remove the other members."
        )
        % {"name": organisation.name}
        for organisation in _led_by(user)
        if organisation.active_admins <= 1 and organisation.active_members > 1
    ]


def erase(user) -> None:
    for organisation in _led_by(user):
        if organisation.active_members <= 1:
            delete_organisation_rows(actor=None, organisation=organisation)
    Invitation.objects.filter(email__iexact=user.email).delete()
