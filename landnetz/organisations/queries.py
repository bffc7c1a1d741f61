"""Reads of the organisations app, already scoped to what the viewer may see."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from landnetz.core.models import Visibility
from landnetz.core.permissions import is_member
from landnetz.organisations.models import Invitation, Membership, Organisation


def visibilities_for(user) -> list[str]:
    """Which organisation visibilities this viewer may see."""
    if is_member(user):
        return [Organisation.Visibility.PUBLIC, Organisation.Visibility.MEMBERS]
    return [Organisation.Visibility.PUBLIC]


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Public organisations for visitors; public and members-only ones for members.
    One hidden by a moderator is seen only by its own admins."""
    organisations = Organisation.objects.filter(visibility__in=visibilities_for(user))
    if is_member(user):
        runs_it = Membership.objects.filter(
            organisation=OuterRef("pk"), user=user, status=Membership.Status.ACTIVE, role=Membership.Role.ADMIN
        )
        organisations = organisations.filter(Q(moderation_hidden=False) | Exists(runs_it))
    else:
        organisations = organisations.filter(moderation_hidden=False)
    return organisations.select_related("municipality__region").order_by("name", "pk")


def organisation_list(
    user, *, sector: str | None = None, region=None, verified: bool | None = None
) -> QuerySet[Organisation]:
    """The list page: visible organisations, optionally filtered, with their topics."""
    organisations = organisations_visible_to(user).prefetch_related("topics")
    if verified is not None:
        organisations = organisations.filter(verified_at__isnull=not verified)
    if sector:
        organisations = organisations.filter(sector=sector)
    if region is not None:
        organisations = organisations.filter(municipality__region=region)
    return organisations


def _contact_people(viewer) -> Prefetch:
    """Active contact persons whose profile the viewer may see (owners always see their own)."""
    audiences = [Visibility.PUBLIC, Visibility.MEMBERS] if is_member(viewer) else [Visibility.PUBLIC]
    condition = Q(user__profile__visibility__in=audiences)
    if is_member(viewer):
        condition |= Q(user=viewer, user__profile__isnull=False)
    memberships = (
        Membership.objects.filter(
            condition, status=Membership.Status.ACTIVE, is_contact_person=True, user__is_active=True
        )
        .select_related("user")
        .order_by("user__display_name", "pk")
    )
    return Prefetch("memberships", queryset=memberships, to_attr="contact_people")


def organisation_for(user, slug: str) -> Organisation:
    """One organisation for its detail page; Http404 when it does not exist or is hidden.

    Comes with ``topics``, ``languages`` and ``contact_people`` (a list of memberships)
    prefetched.
    """
    organisation = (
        organisations_visible_to(user)
        .prefetch_related("topics", "languages", _contact_people(user))
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404
    return organisation


def organisation_by_slug(user, slug: str) -> Organisation:
    """A visible organisation without the detail prefetches (for actions and forms)."""
    organisation = organisations_visible_to(user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def organisation_with_relations(user, slug: str) -> Organisation:
    """A visible organisation with topics and languages (for the edit form)."""
    organisation = organisations_visible_to(user).prefetch_related("topics", "languages").filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def memberships_of(organisation: Organisation) -> QuerySet[Membership]:
    """Every membership and join request of an organisation (for its admins)."""
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("status", "role", "user__display_name", "pk")
    )


def open_invitations_of(organisation: Organisation) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(organisation=organisation, accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("invited_by")
        .order_by("-created_at", "-pk")
    )


def organisations_of(user) -> QuerySet[Organisation]:
    """The organisations in which the user is an active member."""
    if not is_member(user):
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(memberships__user=user, memberships__status=Membership.Status.ACTIVE)
        .select_related("municipality__region")
        .order_by("name", "pk")
    )


def invitation_for(token: str) -> Invitation:
    """The invitation behind a link; Http404 for an unknown token."""
    invitation = (
        Invitation.objects.filter(token=token)
        .select_related("organisation__municipality__region", "invited_by")
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def admins_of(organisation: Organisation) -> list:
    """The active admins (users) of an organisation."""
    return [
        membership.user
        for membership in Membership.objects.filter(
            organisation=organisation, status=Membership.Status.ACTIVE, role=Membership.Role.ADMIN
        ).select_related("user")
    ]


def organisations_of_member(owner, viewer) -> QuerySet[Organisation]:
    """The organisations ``owner`` is an active member of that ``viewer`` may see (profile cards)."""
    return organisations_visible_to(viewer).filter(memberships__user=owner, memberships__status="active").distinct()
