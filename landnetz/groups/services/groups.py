"""Creating, changing, hiding and deleting groups."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from landnetz.core import hooks, ratelimits
from landnetz.core.languages import WRITTEN_LANGUAGES
from landnetz.core.services import audit, german_slug
from landnetz.groups import notifications as kinds
from landnetz.groups.models import Group, GroupMembership
from landnetz.groups.permissions import forget_memberships
from landnetz.groups.search import GROUP
from landnetz.groups.services.common import ACTIVE, ADMIN, RATE_LIMITED, REQUESTED, lock, require
from landnetz.notifications.services import notify
from landnetz.search import index as search_index

SLUG_LENGTH = 140
# Addresses of the app's own pages (groups/new/, groups/invitations/…).
RESERVED_SLUGS = {"new", "invitations"}


def _unique_slug(name: str, kind: str, exclude_pk: int | None = None) -> str:
    """The group's address. A secret group's ends in random letters: another group's address
    must not tell that a secret group of the same name exists."""
    base = (german_slug(name) or "gruppe")[: SLUG_LENGTH - 12].strip("-") or "gruppe"
    if base in RESERVED_SLUGS:
        base = f"{base}-gruppe"
    if kind == Group.Kind.SECRET:
        return f"{base}-{secrets.token_hex(4)}"
    others = Group.objects.exclude(pk=exclude_pk) if exclude_pk else Group.objects.all()
    slug, number = base, 2
    while others.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _text_language(language: str, fallback: str) -> str:
    """The language a description is written in; not given: ``fallback`` (the writer's own)."""
    if not language:
        return fallback if fallback in dict(WRITTEN_LANGUAGES) else settings.LANGUAGE_CODE
    if language not in dict(WRITTEN_LANGUAGES):
        raise ValidationError(
            {"description_language": ValidationError(_("Please choose a language from the list."), code="unknown")}
        )
    return language


def _check_kind(kind: str) -> None:
    if kind not in Group.Kind.values:
        raise ValidationError({"kind": ValidationError(_("Please choose a kind of group from the list."), code="kind")})


def _save_checked(group: Group) -> None:
    group.full_clean(validate_unique=False, validate_constraints=False)
    group.save()


@transaction.atomic
def create_group(
    *,
    actor,
    name: str,
    kind: str,
    description: str = "",
    description_language: str = "",
    region=None,
) -> Group:
    """Open a group; its creator becomes its first administrator."""
    require(actor, "groups.add_group", None)
    _check_kind(kind)
    name = name.strip()
    language = _text_language(description_language, actor.preferred_language)
    if not ratelimits.consume("group_create", actor.pk):
        raise ValidationError(RATE_LIMITED, code="rate_limited")
    group = Group(
        name=name,
        slug=_unique_slug(name, kind),
        kind=kind,
        description=description,
        description_language=language,
        region=region,
        created_by=actor,
    )
    _save_checked(group)
    GroupMembership.objects.create(group=group, user=actor, role=ADMIN, status=ACTIVE)
    audit(actor=actor, verb="group.created", obj=group, region=region, data={"kind": kind})
    search_index.reindex(GROUP, [group])
    forget_memberships(actor)
    return group


@transaction.atomic
def update_group(
    *,
    actor,
    group: Group,
    name: str,
    kind: str,
    description: str = "",
    description_language: str = "",
    region=None,
) -> Group:
    """Change a group's page and kind.

    A group that becomes secret withdraws its open requests (their senders could no longer
    see it) and gets a new address; one that becomes open accepts them (anyone may join).
    """
    require(actor, "groups.manage_group", group)
    _check_kind(kind)
    group = lock(group)
    previous_kind = group.kind
    group.name = name.strip()
    group.description = description
    group.description_language = _text_language(description_language, group.description_language)
    group.region = region
    group.kind = kind
    if kind == Group.Kind.SECRET and previous_kind != Group.Kind.SECRET:
        group.slug = _unique_slug(group.name, kind)
    _save_checked(group)
    data = {"kind": kind} if kind != previous_kind else {}
    if kind != previous_kind:
        requests = list(GroupMembership.objects.filter(group=group, status=REQUESTED).select_related("user"))
        if kind == Group.Kind.SECRET:
            GroupMembership.objects.filter(pk__in=[request.pk for request in requests]).delete()
            data["requests_withdrawn"] = len(requests)
        elif kind == Group.Kind.OPEN and requests:
            GroupMembership.objects.filter(pk__in=[request.pk for request in requests]).update(status=ACTIVE)
            data["requests_accepted"] = len(requests)
            notify(
                recipients=[request.user for request in requests],
                kind=kinds.JOIN_ANSWERED,
                actor=actor,
                data={**kinds.data_for(group), "approved": True},
                url=("groups:detail", {"slug": group.slug}),
            )
        forget_memberships(*[request.user for request in requests])
    audit(actor=actor, verb="group.updated", obj=group, region=group.region, data=data)
    search_index.reindex(GROUP, [group])
    if kind != previous_kind:
        # Who may read what was posted in the group changed with its kind (apps above listen).
        hooks.stale(groups=[group])
    return group


@transaction.atomic
def delete_group(*, actor, group: Group) -> None:
    require(actor, "groups.delete_group", group)
    delete_group_rows(actor=actor, group=group)


def delete_group_rows(*, actor, group: Group) -> None:
    """Delete a group with its memberships, invitations and index entry; the caller checked
    permission (``delete_group``, moderation, the erasure of its last member).

    Apps above (the feed) delete what they posted into the group through their own
    foreign keys (``on_delete=CASCADE``).
    """
    group = lock(group)
    users = [membership.user for membership in GroupMembership.objects.filter(group=group).select_related("user")]
    audit(actor=actor, verb="group.deleted", obj=group, region=group.region, data={"slug": group.slug})
    search_index.remove(GROUP, [group.pk])
    group.delete()
    forget_memberships(actor, *users)


@transaction.atomic
def set_hidden(*, group: Group, hidden: bool) -> None:
    """Hide a reported group from everyone but its admins, or show it again (called by the
    moderation seam, which checks who may)."""
    group = lock(group)
    group.hidden = hidden
    group.save(update_fields=["hidden", "updated_at"])
    search_index.reindex(GROUP, [group])
    hooks.stale(groups=[group])
