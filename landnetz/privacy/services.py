"""Erasure of a member's account: the one path every deletion takes (DSGVO Art. 17).

The member's own rows go with the user row (profile, languages, e-mail addresses,
authenticators, memberships cascade); files are deleted once the transaction commits;
every registered app step runs first (``privacy.registry``); what must stay for
accountability (audit entries, the admin log) loses the name.
"""

from datetime import timedelta
from functools import partial

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.accounts.models import Profile, User
from landnetz.core.models import AuditEntry
from landnetz.core.services import audit
from landnetz.privacy import registry
from landnetz.privacy.models import DataExport
from landnetz.privacy.tasks import build_data_export

FORMER_MEMBER = "former member"


def erasure_blockers(user: User) -> list[str]:
    """Reasons (translated) that must be resolved before ``user``'s account can be erased."""
    return [reason for step in registry.steps() for reason in step.blockers(user)]


@transaction.atomic
def erase_member(*, actor, user: User) -> None:
    """Erase ``user``'s account and personal data. Raises ValidationError with the
    blockers (nothing changed) or PermissionDenied."""
    if not actor.has_perm("privacy.erase_member", user):
        raise PermissionDenied
    _erase(user=user, actor=None if actor.pk == user.pk else actor)


def _erase(*, user: User, actor) -> None:
    user = User.objects.select_for_update().get(pk=user.pk)
    blockers = erasure_blockers(user)
    if blockers:
        raise ValidationError(blockers, code="blocked")
    for step in registry.steps():
        step.erase(user)
    _forget_in_logs(user)
    _delete_files(user)
    audit(actor=actor, verb="member.erased", data={"user": user.pk})
    user.delete()


def erase_unconfirmed_signups() -> int:
    """Retention: accounts whose address was never confirmed and that never logged in,
    older than LANDNETZ_RETENTION_DAYS["unconfirmed_signups"]."""
    cutoff = timezone.now() - timedelta(days=settings.LANDNETZ_RETENTION_DAYS["unconfirmed_signups"])
    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    stale = User.objects.filter(date_joined__lt=cutoff, last_login__isnull=True, is_staff=False).exclude(
        Exists(confirmed)
    )
    erased = 0
    for user in stale.iterator(chunk_size=200):
        with transaction.atomic():
            try:
                _erase(user=user, actor=None)
            except ValidationError:
                continue  # e.g. an organisation to hand over first: left for a person to decide
        erased += 1
    return erased


def _forget_in_logs(user: User) -> None:
    """Audit and admin log entries stay (who did what), but no longer name the member."""
    AuditEntry.objects.filter(object_type=User._meta.label_lower, object_id=str(user.pk)).update(
        object_repr=FORMER_MEMBER
    )
    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)).update(
        object_repr=FORMER_MEMBER, change_message=""
    )


def _delete_files(user: User) -> None:
    for export in DataExport.objects.filter(user=user).exclude(file=""):
        transaction.on_commit(partial(export.file.storage.delete, export.file.name))
    profile = Profile.objects.filter(user=user).first()
    if profile is not None and profile.photo:
        transaction.on_commit(partial(profile.photo.storage.delete, profile.photo.name))


# --- Export (DSGVO Art. 15, 20) -----------------------------------------------------------

EXPORT_COOLDOWN = timedelta(minutes=1)


@transaction.atomic
def request_export(*, user) -> DataExport:
    """Ask for a copy of one's data; it is built by a task and offered for 7 days."""
    latest = DataExport.objects.filter(user=user).order_by("-requested_at").first()
    if latest is not None and latest.requested_at > timezone.now() - EXPORT_COOLDOWN:
        raise ValidationError(
            _("You have just asked for your data. Please wait a minute before you ask again."), code="too_soon"
        )
    export = DataExport.objects.create(user=user)
    transaction.on_commit(partial(build_data_export.enqueue, export.pk))
    return export
