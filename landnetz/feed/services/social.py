"""Reactions and follows."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from landnetz.core.permissions import is_member
from landnetz.feed import permissions, queries
from landnetz.feed.models import Follow, Post, Reaction


@transaction.atomic
def toggle_reaction(*, actor, post: Post, kind: str) -> bool:
    """Add the member's reaction of this kind, or take it back; True when it is there now."""
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Please choose a reaction from the list."), code="invalid_choice")
    post = Post.objects.select_for_update(of=("self",)).select_related("group").filter(pk=post.pk).first()
    if post is None:
        raise ValidationError(_("This post has been deleted."), code="gone")
    if not permissions.may_take_part(actor, post):
        raise PermissionDenied
    deleted, _rows = Reaction.objects.filter(post=post, user=actor, kind=kind).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=actor, kind=kind)
    except IntegrityError:  # the same click twice at once: it is there
        pass
    return True


@transaction.atomic
def follow(*, actor, member) -> Follow:
    if not is_member(actor) or member.pk == actor.pk or not member.is_active:
        raise PermissionDenied
    followed, _created = Follow.objects.get_or_create(follower=actor, followed=member)
    queries.forget_following(actor)
    return followed


@transaction.atomic
def unfollow(*, actor, member) -> None:
    if not is_member(actor):
        raise PermissionDenied
    Follow.objects.filter(follower=actor, followed=member).delete()
    queries.forget_following(actor)
