"""Joining, requests, invitations, roles and leaving.

Invariant: a group with active members always has an active administrator. Every change
that could remove the last one locks the group row first and raises ``ValidationError``.
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
from landnetz.groups import notifications as kinds
from landnetz.groups.models import Group, GroupInvitation, GroupMembership, hash_token, new_invitation_token
from landnetz.groups.permissions import can_see_group, forget_memberships
from landnetz.groups.services.common import (
    ACTIVE,
    ADMIN,
    LAST_MEMBER,
    MEMBER,
    RATE_LIMITED,
    REQUESTED,
    ensure_other_admin,
    lock,
    locked_membership,
    other_active_members,
    require,
    send_later,
)
from landnetz.notifications.services import notify


def _admin_users(group: Group) -> list:
    return [
        membership.user
        for membership in GroupMembership.objects.filter(
            group=group, status=ACTIVE, role=ADMIN, user__is_active=True
        ).select_related("user")
    ]


@transaction.atomic
def join(*, actor, group: Group) -> GroupMembership:
    """Join an open group at once, or ask to join a closed one (its admins are notified).
    Secret groups are joined by invitation only."""
    if not is_member(actor) or not can_see_group(actor, group):
        raise PermissionDenied
    group = lock(group)
    if group.kind == Group.Kind.SECRET:
        raise ValidationError(_("This group can only be joined by invitation."), code="secret")
    if group.hidden:
        raise ValidationError(_("The moderators have hidden this group. Nobody can join it now."), code="hidden")
    existing = GroupMembership.objects.filter(group=group, user=actor).first()
    if existing is not None and existing.status == ACTIVE:
        raise ValidationError(_("You are already a member of this group."), code="member")
    if existing is not None:
        raise ValidationError(_("You have already asked to join. The administrators will answer soon."), code="asked")
    if group.kind == Group.Kind.OPEN:
        membership = GroupMembership.objects.create(group=group, user=actor, role=MEMBER, status=ACTIVE)
        audit(actor=actor, verb="group.joined", obj=group, region=group.region)
    else:
        membership = GroupMembership.objects.create(group=group, user=actor, role=MEMBER, status=REQUESTED)
        audit(actor=actor, verb="group.join_requested", obj=group, region=group.region)
        notify(
            recipients=_admin_users(group),
            kind=kinds.JOIN_REQUEST,
            actor=actor,
            data=kinds.data_for(group),
            url=("groups:members", {"slug": group.slug}),
        )
    forget_memberships(actor)
    return membership


def _answer_request(*, actor, membership: GroupMembership, approve: bool) -> GroupMembership:
    require(actor, "groups.manage_group", membership.group)
    membership = locked_membership(membership)
    if membership.status != REQUESTED:
        raise ValidationError(_("This request has already been answered."), code="answered")
    group = membership.group
    if approve:
        membership.status = ACTIVE
        membership.save(update_fields=["status"])
    else:
        membership.delete()
    audit(
        actor=actor,
        verb="group.join_approved" if approve else "group.join_declined",
        obj=group,
        region=group.region,
        data={"user": membership.user_id},
    )
    notify(
        recipients=[membership.user],
        kind=kinds.JOIN_ANSWERED,
        actor=actor,
        data={**kinds.data_for(group), "approved": approve},
        url=("groups:detail", {"slug": group.slug}),
    )
    forget_memberships(actor, membership.user)
    return membership


@transaction.atomic
def approve_request(*, actor, membership: GroupMembership) -> GroupMembership:
    return _answer_request(actor=actor, membership=membership, approve=True)


@transaction.atomic
def decline_request(*, actor, membership: GroupMembership) -> None:
    _answer_request(actor=actor, membership=membership, approve=False)


# --- invitations --------------------------------------------------------------------------


def _email_error(message, code: str) -> ValidationError:
    return ValidationError({"email": ValidationError(message, code=code)})


@transaction.atomic
def invite(*, actor, group: Group, email: str, role: str = MEMBER) -> GroupInvitation | None:
    """Invite someone by e-mail, also a person without an account yet.

    The link is written in the recipient's language when they have an account, else in
    the inviter's. The returned invitation carries the link's ``token`` (only its hash is
    stored). Returns None when the address belongs to a member of the group already: they
    get a note, and the inviter sees the usual answer (the form must not tell who has an
    account).
    """
    require(actor, "groups.manage_group", group)
    group = lock(group)
    email = email.strip().lower()
    if role not in GroupMembership.Role.values:
        raise ValidationError({"role": ValidationError(_("Please choose a role from the list."), code="role")})
    if GroupInvitation.objects.filter(
        group=group, email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).exists():
        raise _email_error(_("This address has already been invited and the invitation is still open."), "invited")
    if not ratelimits.consume("group_invite", actor.pk):
        raise _email_error(RATE_LIMITED, "rate_limited")
    secret = group.kind == Group.Kind.SECRET
    names = {"inviter": actor.display_name, "group": "" if secret else group.name, "secret": secret}
    recipient = User.objects.filter(email__iexact=email, is_active=True).first()
    if recipient is not None and GroupMembership.objects.filter(group=group, user=recipient, status=ACTIVE).exists():
        send_later(
            address=recipient.email,
            language=recipient.preferred_language,
            subject=_("An invitation in Landnetz"),
            template="groups/email/already_member.txt",
            context=names,
        )
        return None
    token = new_invitation_token()
    invitation = GroupInvitation.objects.create(
        group=group, email=email, role=role, invited_by=actor, token_hash=hash_token(token)
    )
    audit(
        actor=actor,
        verb="group.invited",
        obj=group,
        region=group.region,
        data={"invitation": invitation.pk, "role": role},
    )
    language = recipient.preferred_language if recipient is not None else actor.preferred_language
    send_later(
        address=email,
        language=language,
        subject=_("An invitation to a group in Landnetz"),
        template="groups/email/invitation.txt",
        context={
            **names,
            "role": invitation.role,
            "expires_at": invitation.expires_at,
            "path_name": "groups:invitation",
            "path_kwargs": {"token": token},
        },
    )
    if recipient is not None:
        notify(
            recipients=[recipient],
            kind=kinds.INVITED,
            actor=actor,
            data=kinds.data_for(group),
            url=("groups:invitation", {"token": token}),
        )
    invitation.token = token
    return invitation


@transaction.atomic
def revoke_invitation(*, actor, invitation: GroupInvitation) -> None:
    require(actor, "groups.manage_group", invitation.group)
    group = lock(invitation.group)
    invitation = GroupInvitation.objects.select_for_update().filter(pk=invitation.pk, group=group).first()
    if invitation is None or invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used or withdrawn."), code="gone")
    audit(
        actor=actor,
        verb="group.invitation_revoked",
        obj=group,
        region=group.region,
        data={"invitation": invitation.pk},
    )
    invitation.delete()


def invitation_problem(invitation: GroupInvitation, user) -> ValidationError | None:
    """Why ``user`` cannot accept this invitation (None: they can)."""
    if invitation.accepted_at is not None:
        return ValidationError(_("This invitation has already been used."), code="used")
    if not invitation.is_open:
        return ValidationError(
            _("This invitation has expired. Please ask the group's administrators to invite you again."),
            code="expired",
        )
    if invitation.email.strip().lower() != user.email.strip().lower():
        return ValidationError(
            _(
                "This invitation was sent to a different e-mail address. Please log in with the "
                "address the invitation was sent to, or ask for a new invitation."
            ),
            code="wrong_address",
        )
    return None


@transaction.atomic
def accept_invitation(*, user, token: str) -> GroupMembership:
    """Join through an invitation link: open, and sent to this member's e-mail address."""
    if not is_member(user):
        raise PermissionDenied
    invitation = GroupInvitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    if invitation is None:
        raise ValidationError(_("This invitation does not exist."), code="unknown")
    group = lock(invitation.group)
    problem = invitation_problem(invitation, user)
    if problem is not None:
        raise problem
    membership = GroupMembership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None:
        membership = GroupMembership.objects.create(group=group, user=user, role=invitation.role, status=ACTIVE)
    else:
        membership.status = ACTIVE
        if invitation.role == ADMIN:
            membership.role = ADMIN
        membership.save(update_fields=["status", "role"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit(
        actor=user,
        verb="group.invitation_accepted",
        obj=group,
        region=group.region,
        data={"invitation": invitation.pk, "role": membership.role},
    )
    forget_memberships(user)
    return membership


# --- members ------------------------------------------------------------------------------


@transaction.atomic
def remove_member(*, actor, membership: GroupMembership) -> None:
    require(actor, "groups.manage_group", membership.group)
    membership = locked_membership(membership)
    if membership.status != ACTIVE:
        raise ValidationError(_("Please answer the request to join instead."), code="requested")
    ensure_other_admin(membership)
    group = membership.group
    membership.delete()
    audit(actor=actor, verb="group.member_removed", obj=group, region=group.region, data={"user": membership.user_id})
    forget_memberships(actor, membership.user)


@transaction.atomic
def leave(*, user, group: Group) -> None:
    """Leave a group, or withdraw one's request to join.

    The last administrator cannot leave while others remain; the last member deletes the
    group instead (the page offers it, with a confirmation)."""
    if not is_member(user):
        raise PermissionDenied
    group = lock(group)
    membership = GroupMembership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None:
        raise ValidationError(_("You are not a member of this group."), code="not_member")
    if membership.status == ACTIVE and not other_active_members(membership).exists():
        raise ValidationError(LAST_MEMBER, code="last_member")
    ensure_other_admin(membership)
    was_active = membership.status == ACTIVE
    membership.delete()
    audit(actor=user, verb="group.left" if was_active else "group.request_withdrawn", obj=group, region=group.region)
    forget_memberships(user)


@transaction.atomic
def set_role(*, actor, membership: GroupMembership, role: str) -> GroupMembership:
    """Make a member administrator (they are notified), or an administrator a plain member."""
    require(actor, "groups.manage_group", membership.group)
    if role not in GroupMembership.Role.values:
        raise ValidationError(_("Please choose a role from the list."), code="role")
    membership = locked_membership(membership)
    if membership.status != ACTIVE:
        raise ValidationError(_("Please accept the request to join first."), code="requested")
    if membership.role == role:
        return membership
    if role == MEMBER:
        ensure_other_admin(membership)
    previous, membership.role = membership.role, role
    membership.save(update_fields=["role"])
    group = membership.group
    audit(
        actor=actor,
        verb="group.role_changed",
        obj=group,
        region=group.region,
        data={"user": membership.user_id, "from": previous, "to": role},
    )
    if role == ADMIN:
        notify(
            recipients=[membership.user],
            kind=kinds.MADE_ADMIN,
            actor=actor,
            data=kinds.data_for(group),
            url=("groups:members", {"slug": group.slug}),
        )
    forget_memberships(actor, membership.user)
    return membership


@transaction.atomic
def hand_over_admin(*, actor, group: Group, to: GroupMembership) -> None:
    """Make ``to`` administrator and the acting administrator a plain member."""
    require(actor, "groups.manage_group", group)
    own = GroupMembership.objects.filter(group=group, user=actor, status=ACTIVE, role=ADMIN).first()
    if own is None:
        raise ValidationError(_("Only an administrator of the group can hand over the role."), code="not_admin")
    if to.group_id != group.pk or to.pk == own.pk or to.status != ACTIVE:
        raise ValidationError(_("Please choose another member of this group."), code="target")
    set_role(actor=actor, membership=to, role=ADMIN)
    set_role(actor=actor, membership=own, role=MEMBER)


def delete_stale_invitations() -> int:
    """Retention: invitations expired or accepted more than LANDNETZ_RETENTION_DAYS["invitations"] ago."""
    cutoff = timezone.now() - timedelta(days=settings.LANDNETZ_RETENTION_DAYS["invitations"])
    deleted, _count = GroupInvitation.objects.filter(Q(expires_at__lt=cutoff) | Q(accepted_at__lt=cutoff)).delete()
    return deleted
