"""Joining, invitations, roles and contact persons.

Invariant: an organisation never ends up without an active administrator.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.accounts.models import User
from landnetz.core import ratelimits
from landnetz.core.permissions import is_member
from landnetz.core.services import audit
from landnetz.notifications.services import notify
from landnetz.organisations import notifications as kinds
from landnetz.organisations.models import Invitation, Membership, Organisation
from landnetz.organisations.permissions import forget_memberships
from landnetz.organisations.services.common import (
    ACTIVE,
    ADMIN,
    MEMBER,
    REQUESTED,
    _ensure_other_admin,
    _lock,
    _locked_membership,
    _region,
    _reindex_profiles,
    _require,
    _send_later,
)


@transaction.atomic
def request_to_join(*, actor, organisation: Organisation) -> Membership:
    """Ask to join; the organisation's admins are notified (e-mail as each of them chose)."""
    if not is_member(actor) or not actor.has_perm("organisations.view_organisation", organisation):
        raise PermissionDenied
    organisation = _lock(organisation)
    existing = Membership.objects.filter(organisation=organisation, user=actor).first()
    if existing is not None and existing.status == ACTIVE:
        raise ValidationError(_("You are already a member of this organisation."), code="member")
    if existing is not None:
        raise ValidationError(_("You have already asked to join. The administrators will answer soon."), code="asked")
    membership = Membership.objects.create(organisation=organisation, user=actor, role=MEMBER, status=REQUESTED)
    audit(
        actor=actor,
        verb="organisation.join_requested",
        obj=organisation,
        region=_region(organisation),
    )
    admins = Membership.objects.filter(organisation=organisation, status=ACTIVE, role=ADMIN).select_related("user")
    notify(
        recipients=[admin_membership.user for admin_membership in admins],
        kind=kinds.JOIN_REQUEST,
        actor=actor,
        data={"organisation": organisation.name},
        url=("organisations:members", {"slug": organisation.slug}),
    )
    forget_memberships(actor)
    return membership


def _answer_request(*, actor, membership: Membership, approve: bool) -> Membership:
    _require(actor, "organisations.manage_members", membership.organisation)
    membership = _locked_membership(membership)
    if membership.status != REQUESTED:
        raise ValidationError(_("This request has already been answered."), code="answered")
    organisation = membership.organisation
    if approve:
        membership.status = ACTIVE
        membership.save(update_fields=["status"])
    else:
        membership.delete()
    audit(
        actor=actor,
        verb="organisation.join_approved" if approve else "organisation.join_declined",
        obj=organisation,
        region=_region(organisation),
        data={"user": membership.user_id},
    )
    notify(
        recipients=[membership.user],
        kind=kinds.JOIN_ANSWERED,
        actor=actor,
        data={"organisation": organisation.name, "approved": approve},
        url=("organisations:detail", {"slug": organisation.slug}),
    )
    _reindex_profiles(membership.user)
    forget_memberships(actor, membership.user)
    return membership


@transaction.atomic
def approve_request(*, actor, membership: Membership) -> Membership:
    return _answer_request(actor=actor, membership=membership, approve=True)


@transaction.atomic
def decline_request(*, actor, membership: Membership) -> None:
    _answer_request(actor=actor, membership=membership, approve=False)


# --- invitations --------------------------------------------------------------------------


@transaction.atomic
def invite(*, actor, organisation: Organisation, email: str, role: str = MEMBER) -> Invitation | None:
    """Invite someone by e-mail. The link is written in the recipient's language when we
    know them, else in the inviter's. Returns None when the address already belongs to a
    member of the organisation (they get a note; the inviter sees the usual answer)."""
    _require(actor, "organisations.manage_members", organisation)
    organisation = _lock(organisation)
    email = email.strip().lower()
    if role not in Membership.Role.values:
        raise ValidationError({"role": ValidationError(_("Please choose a role from the list."), code="role")})
    if not ratelimits.consume("invite", actor.pk):
        raise ValidationError(
            {
                "email": ValidationError(
                    _("You have sent many invitations in a short time. Please wait a while and try again."),
                    code="rate_limited",
                )
            }
        )
    recipient = User.objects.filter(email__iexact=email, is_active=True).first()
    if (
        recipient is not None
        and Membership.objects.filter(organisation=organisation, user=recipient, status=ACTIVE).exists()
    ):
        # The same answer as for any address (the form must not tell who has an account):
        # the member gets a note instead of an invitation.
        _send_later(
            address=recipient.email,
            language=recipient.preferred_language,
            subject=_("Invitation to %(organisation)s"),
            template="organisations/email/already_member.txt",
            context={"inviter": actor.display_name, "organisation": organisation.name},
        )
        return None
    if Invitation.objects.filter(
        organisation=organisation,
        email__iexact=email,
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exists():
        raise ValidationError(
            {
                "email": ValidationError(
                    _("This address has already been invited and the invitation is still open."),
                    code="invited",
                )
            }
        )
    invitation = Invitation.objects.create(organisation=organisation, email=email, role=role, invited_by=actor)
    audit(
        actor=actor,
        verb="organisation.invited",
        obj=organisation,
        region=_region(organisation),
        data={"invitation": invitation.pk, "role": role},
    )
    language = recipient.preferred_language if recipient is not None else actor.preferred_language
    _send_later(
        address=email,
        language=language,
        subject=_("Invitation to %(organisation)s"),
        template="organisations/email/invitation.txt",
        context={
            "inviter": actor.display_name,
            "organisation": organisation.name,
            "role": invitation.role,
            "expires_at": invitation.expires_at,
            "path_name": "organisations:invitation",
            "path_kwargs": {"token": invitation.token},
        },
    )
    if recipient is not None:
        notify(
            recipients=[recipient],
            kind=kinds.INVITED,
            actor=actor,
            data={"organisation": organisation.name},
            url=("organisations:invitation", {"token": invitation.token}),
        )
    return invitation


@transaction.atomic
def revoke_invitation(*, actor, invitation: Invitation) -> None:
    _require(actor, "organisations.manage_members", invitation.organisation)
    organisation = _lock(invitation.organisation)
    invitation = Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
    if invitation is None or invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used or withdrawn."), code="gone")
    audit(
        actor=actor,
        verb="organisation.invitation_revoked",
        obj=organisation,
        region=_region(organisation),
        data={"invitation": invitation.pk},
    )
    invitation.delete()


@transaction.atomic
def accept_invitation(*, user, token: str) -> Membership:
    """Join through an invitation link: open, and sent to this member's e-mail address."""
    if not is_member(user):
        raise PermissionDenied
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise ValidationError(_("This invitation does not exist."), code="unknown")
    organisation = _lock(invitation.organisation)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if not invitation.is_open:
        raise ValidationError(
            _("This invitation has expired. Please ask the organisation to invite you again."),
            code="expired",
        )
    if invitation.email.strip().lower() != user.email.strip().lower():
        raise ValidationError(
            _(
                "This invitation was sent to a different e-mail address. Please log in with the "
                "address the invitation was sent to, or ask for a new invitation."
            ),
            code="wrong_address",
        )
    membership = Membership.objects.select_for_update().filter(organisation=organisation, user=user).first()
    if membership is None:
        membership = Membership.objects.create(
            organisation=organisation, user=user, role=invitation.role, status=ACTIVE
        )
    else:
        membership.status = ACTIVE
        if invitation.role == ADMIN:
            membership.role = ADMIN
        membership.save(update_fields=["status", "role"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit(
        actor=user,
        verb="organisation.invitation_accepted",
        obj=organisation,
        region=_region(organisation),
        data={"invitation": invitation.pk, "role": membership.role},
    )
    _reindex_profiles(user)
    forget_memberships(user)
    return membership


# --- members ------------------------------------------------------------------------------


@transaction.atomic
def remove_member(*, actor, membership: Membership) -> None:
    _require(actor, "organisations.manage_members", membership.organisation)
    membership = _locked_membership(membership)
    _ensure_other_admin(membership)
    organisation = membership.organisation
    membership.delete()
    audit(
        actor=actor,
        verb="organisation.member_removed",
        obj=organisation,
        region=_region(organisation),
        data={"user": membership.user_id},
    )
    _reindex_profiles(membership.user)
    forget_memberships(actor, membership.user)


@transaction.atomic
def leave(*, user, organisation: Organisation) -> None:
    """Leave an organisation, or withdraw one's request to join."""
    if not is_member(user):
        raise PermissionDenied
    organisation = _lock(organisation)
    membership = (
        Membership.objects.select_for_update()
        .select_related("organisation")
        .filter(organisation=organisation, user=user)
        .first()
    )
    if membership is None:
        raise ValidationError(_("You are not a member of this organisation."), code="not_member")
    _ensure_other_admin(membership)
    was_active = membership.status == ACTIVE
    membership.delete()
    audit(
        actor=user,
        verb="organisation.left" if was_active else "organisation.request_withdrawn",
        obj=organisation,
        region=_region(organisation),
    )
    _reindex_profiles(user)
    forget_memberships(user)


@transaction.atomic
def set_role(*, actor, membership: Membership, role: str) -> Membership:
    """Make a member administrator, or an administrator a plain member."""
    _require(actor, "organisations.manage_members", membership.organisation)
    if role not in Membership.Role.values:
        raise ValidationError(_("Please choose a role from the list."), code="role")
    membership = _locked_membership(membership)
    if membership.status != ACTIVE:
        raise ValidationError(_("Please accept the request to join first."), code="requested")
    if membership.role == role:
        return membership
    if role == MEMBER:
        _ensure_other_admin(membership)
    previous = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    organisation = membership.organisation
    audit(
        actor=actor,
        verb="organisation.role_changed",
        obj=organisation,
        region=_region(organisation),
        data={"user": membership.user_id, "from": previous, "to": role},
    )
    _reindex_profiles(membership.user)
    forget_memberships(actor, membership.user)
    return membership


@transaction.atomic
def hand_over_admin(*, actor, organisation: Organisation, to: Membership) -> None:
    """Make ``to`` administrator and the acting administrator a plain member."""
    _require(actor, "organisations.manage_members", organisation)
    own = Membership.objects.filter(organisation=organisation, user=actor, status=ACTIVE, role=ADMIN).first()
    if own is None:
        raise ValidationError(_("Only an administrator of the organisation can hand over the role."), code="not_admin")
    if to.organisation_id != organisation.pk or to.pk == own.pk:
        raise ValidationError(_("Please choose another member of this organisation."), code="target")
    set_role(actor=actor, membership=to, role=ADMIN)
    set_role(actor=actor, membership=own, role=MEMBER)


@transaction.atomic
def set_contact_person(*, actor, membership: Membership, is_contact_person: bool) -> Membership:
    """Show or hide a member as contact person on the organisation's page."""
    _require(actor, "organisations.manage_members", membership.organisation)
    membership = _locked_membership(membership)
    if membership.status != ACTIVE:
        raise ValidationError(_("Please accept the request to join first."), code="requested")
    if membership.is_contact_person != is_contact_person:
        membership.is_contact_person = is_contact_person
        membership.save(update_fields=["is_contact_person"])
        organisation = membership.organisation
        audit(
            actor=actor,
            verb="organisation.contact_person_set" if is_contact_person else "organisation.contact_person_unset",
            obj=organisation,
            region=_region(organisation),
            data={"user": membership.user_id},
        )
    return membership


def delete_stale_invitations() -> int:
    """Retention: invitations expired or accepted more than LANDNETZ_RETENTION_DAYS["invitations"] ago."""
    cutoff = timezone.now() - timedelta(days=settings.LANDNETZ_RETENTION_DAYS["invitations"])
    deleted, _ = Invitation.objects.filter(Q(expires_at__lt=cutoff) | Q(accepted_at__lt=cutoff)).delete()
    return deleted
