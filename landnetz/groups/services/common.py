"""Shared helpers of the group services: locks, the admin invariant, e-mail."""

from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from landnetz.core.permissions import is_member
from landnetz.groups.models import Group, GroupMembership
from landnetz.groups.permissions import allowed

LAST_ADMIN = _(
    "A group needs at least one administrator. Please make another member administrator first, "
    "or hand over your administrator rights."
)
LAST_MEMBER = _("You are the last member of this group. If the group is no longer needed, please delete it.")
RATE_LIMITED = _("You have done this many times in a short while. Please wait a little and try again.")

ACTIVE = GroupMembership.Status.ACTIVE
REQUESTED = GroupMembership.Status.REQUESTED
ADMIN = GroupMembership.Role.ADMIN
MEMBER = GroupMembership.Role.MEMBER


def require(actor, perm: str, group) -> None:
    if not is_member(actor) or not allowed(actor, perm, group):
        raise PermissionDenied


def lock(group: Group) -> Group:
    """Lock the group row: membership changes of one group run one at a time."""
    # Only the group's own row: its region is an outer join, which PostgreSQL cannot lock.
    return Group.objects.select_for_update(of=("self",)).select_related("region").get(pk=group.pk)


def locked_membership(membership: GroupMembership) -> GroupMembership:
    lock(membership.group)
    current = (
        GroupMembership.objects.select_for_update(of=("self",))
        .select_related("user", "group__region")
        .filter(pk=membership.pk)
        .first()
    )
    if current is None:
        raise ValidationError(_("This membership no longer exists."), code="gone")
    return current


def other_active_admins(membership: GroupMembership):
    return GroupMembership.objects.filter(
        group_id=membership.group_id, status=ACTIVE, role=ADMIN, user__is_active=True
    ).exclude(pk=membership.pk)


def other_active_members(membership: GroupMembership):
    return GroupMembership.objects.filter(group_id=membership.group_id, status=ACTIVE, user__is_active=True).exclude(
        pk=membership.pk
    )


def ensure_other_admin(membership: GroupMembership) -> None:
    """Raise when ``membership`` is the group's last active admin."""
    if membership.status != ACTIVE or membership.role != ADMIN:
        return
    if not other_active_admins(membership).exists():
        raise ValidationError(LAST_ADMIN, code="last_admin")


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send_later(*, address: str, language: str, subject, template: str, context: dict) -> None:
    """Render an e-mail now in ``language`` and send it once the transaction commits."""
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL, "network_name": settings.LANDNETZ_NETWORK_NAME}
        # The e-mail may reach someone without an account (Art. 14 DSGVO): say where they
        # can read how their address is handled.
        context["privacy_link"] = absolute(reverse("core:legal_page", kwargs={"slug": "datenschutz"}))
        if "path_name" in context:
            context["link"] = absolute(reverse(context.pop("path_name"), kwargs=context.pop("path_kwargs")))
        subject_text = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + (str(subject) % context)
        body = render_to_string(template, context)
    transaction.on_commit(partial(send_mail, subject_text, body, None, [address], fail_silently=False))
