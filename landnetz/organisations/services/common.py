"""Shared helpers of the organisation services: locks, the admin invariant, e-mail, index."""

from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from landnetz.accounts.models import Profile
from landnetz.core import hooks
from landnetz.core.permissions import is_member
from landnetz.organisations.models import Membership, Organisation

LAST_ADMIN = _("An organisation needs at least one administrator. Please make another member administrator first.")
DUPLICATE_NAME = _(
    "An organisation with this name already exists in %(municipality)s. Please check the "
    "list of organisations, or choose a more precise name."
)

ACTIVE = Membership.Status.ACTIVE
REQUESTED = Membership.Status.REQUESTED
ADMIN = Membership.Role.ADMIN
MEMBER = Membership.Role.MEMBER


def _require(actor, perm: str, organisation) -> None:
    if not is_member(actor) or not actor.has_perm(perm, organisation):
        raise PermissionDenied


def _lock(organisation: Organisation) -> Organisation:
    """Lock the organisation row: membership changes of one organisation run one at a time."""
    return Organisation.objects.select_for_update().select_related("municipality__region").get(pk=organisation.pk)


def _locked_membership(membership: Membership) -> Membership:
    _lock(membership.organisation)
    current = (
        Membership.objects.select_for_update()
        .select_related("user", "organisation__municipality__region")
        .filter(pk=membership.pk)
        .first()
    )
    if current is None:
        raise ValidationError(_("This membership no longer exists."), code="gone")
    return current


def _ensure_other_admin(membership: Membership) -> None:
    """Raise when ``membership`` is the organisation's last active admin."""
    if membership.status != ACTIVE or membership.role != ADMIN:
        return
    others = Membership.objects.filter(
        organisation_id=membership.organisation_id, status=ACTIVE, role=ADMIN, user__is_active=True
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError(LAST_ADMIN, code="last_admin")


def _reindex_profiles(*users) -> None:
    """Member profiles list their organisations: their search documents are stale now."""
    users = [user for user in users if user is not None]
    if users:
        hooks.stale(profiles=Profile.objects.filter(user__in=users))


def _region(organisation: Organisation):
    return organisation.municipality.region


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send_later(*, address: str, language: str, subject, template: str, context: dict) -> None:
    """Render an e-mail now in ``language`` and send it once the transaction commits."""
    with translation.override(language):
        context = {
            **context,
            "site_url": settings.SITE_URL,
            "network_name": settings.LANDNETZ_NETWORK_NAME,
        }
        # Every e-mail may reach someone without an account (Art. 14 DSGVO): say where
        # they can read how their address is handled.
        context["privacy_link"] = _absolute(reverse("core:legal_page", kwargs={"slug": "datenschutz"}))
        if "path_name" in context:
            context["link"] = _absolute(reverse(context.pop("path_name"), kwargs=context.pop("path_kwargs")))
        subject_text = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + (str(subject) % context)
        body = render_to_string(template, context)
    transaction.on_commit(partial(send_mail, subject_text, body, None, [address], fail_silently=False))


def _member_users(organisation: Organisation) -> list:
    return [
        membership.user
        for membership in Membership.objects.filter(organisation=organisation, status=ACTIVE).select_related("user")
    ]
