"""Writes of the moderation seam: report, decide. Every decision is audited; the owner
is told the outcome and the reason; reporters learn the outcome but not who decided."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.accounts.models import User
from landnetz.core import ratelimits
from landnetz.core.permissions import is_network_admin
from landnetz.core.services import audit
from landnetz.moderation import registry
from landnetz.moderation.models import Block, Moderator, Reason, Report
from landnetz.notifications.services import notify

NEW_REPORT = "moderation.new_report"
DECISION = "moderation.decision"
REPORT_CLOSED = "moderation.report_closed"
ACTIONS = {
    "hide": Report.Status.HIDDEN,
    "restore": Report.Status.RESTORED,
    "delete": Report.Status.DELETED,
    "dismiss": Report.Status.DISMISSED,
}


@transaction.atomic
def report(*, reporter, kind: str, object_id: int, reason: str, comment: str = "") -> Report:
    reportable = registry.get(kind)
    obj = reportable.visible(reporter, object_id) if reportable else None
    if obj is None:
        raise ValidationError(_("This content does not exist or you cannot see it."), code="not_found")
    if any(owner.pk == reporter.pk for owner in reportable.owners_of(obj)):
        raise ValidationError(_("You cannot report your own content."), code="own")
    if reason not in Reason.values:
        raise ValidationError({"reason": _("Please choose a reason from the list.")}, code="reason")
    if Report.objects.filter(reporter=reporter, kind=kind, object_id=object_id, status=Report.Status.OPEN).exists():
        raise ValidationError(_("You have already reported this. The moderators will look at it."), code="twice")
    if not ratelimits.consume("report", reporter.pk):
        raise ValidationError(_("You have sent many reports in a short time. Please wait a while."), code="limit")
    created = Report.objects.create(
        reporter=reporter,
        kind=kind,
        object_id=object_id,
        region=reportable.region_of(obj),
        reason=reason,
        comment=comment,
    )
    audit(actor=None, verb="moderation.reported", region=created.region, data={"report": created.pk, "kind": kind})
    notify(
        recipients=_moderators_of(created),
        kind=NEW_REPORT,
        data={"title": reportable.title_of(obj)},
        url=("moderation:queue", {}),
    )
    return created


def _moderators_of(report: Report) -> list:
    if report.region_id is None:
        return list(User.objects.filter(is_superuser=True, is_active=True))
    ids = set(Moderator.objects.filter(region_id=report.region_id).values_list("user_id", flat=True))
    ids |= set(User.objects.filter(coordinated_regions=report.region_id).values_list("pk", flat=True))
    return list(User.objects.filter(pk__in=ids, is_active=True))


@transaction.atomic
def decide(*, actor, report: Report, action: str, reason: str = "") -> Report:
    """Hide, restore, delete or dismiss what a report is about; all open reports of the same
    object are closed with it."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not actor.has_perm("moderation.decide_report", report):
        raise PermissionDenied
    if action not in ACTIONS:
        raise ValidationError(_("Please choose what to do."), code="action")
    expected = Report.Status.HIDDEN if action == "restore" else Report.Status.OPEN
    if report.status != expected:
        raise ValidationError(_("This report has already been decided."), code="decided")
    if action in {"hide", "delete"} and not reason.strip():
        raise ValidationError({"reason": _("Please give a reason; the author will read it.")}, code="reason")
    reportable = registry.get(report.kind)
    obj = reportable.get(report.object_id) if reportable else None
    if obj is None:
        raise ValidationError(_("This content no longer exists."), code="gone")
    owners, title = reportable.owners_of(obj), reportable.title_of(obj)
    if action == "hide":
        reportable.hide(obj)
    elif action == "restore":
        reportable.restore(obj)
    elif action == "delete":
        reportable.delete(obj, actor)
    now = timezone.now()
    # A decision closes every open report of the object; restoring reopens nothing but
    # marks the reports that led to the hiding as restored.
    closes = Report.Status.HIDDEN if action == "restore" else Report.Status.OPEN
    closed = list(
        Report.objects.select_for_update().filter(kind=report.kind, object_id=report.object_id, status=closes)
    )
    Report.objects.filter(pk__in=[r.pk for r in closed]).update(
        status=ACTIONS[action], decided_at=now, decided_by=actor, decision_reason=reason.strip()
    )
    audit(
        actor=actor,
        verb=f"moderation.{action}",
        region=report.region,
        data={"report": report.pk, "kind": report.kind, "object": report.object_id, "reason": reason.strip()},
    )
    if action != "dismiss":
        url = reportable.url_of(obj) if action != "delete" else ("core:home", {})
        notify(
            recipients=owners, kind=DECISION, data={"title": title, "action": action, "reason": reason.strip()}, url=url
        )
    notify(
        recipients=[r.reporter for r in closed if r.reporter_id],
        kind=REPORT_CLOSED,
        data={"title": title, "action": action},
    )
    report.refresh_from_db()
    return report


@transaction.atomic
def set_moderator(*, actor, user, region, moderates: bool) -> None:
    if not is_network_admin(actor):
        raise PermissionDenied
    if moderates:
        Moderator.objects.get_or_create(user=user, region=region)
    else:
        Moderator.objects.filter(user=user, region=region).delete()
    audit(
        actor=actor,
        verb="moderation.moderator_added" if moderates else "moderation.moderator_removed",
        obj=user,
        region=region,
    )


@transaction.atomic
def block_member(*, actor, member) -> Block:
    """``actor`` blocks ``member``: no more messages or mentions between them. Idempotent;
    not audited (a private choice, like muting), and the blocked member is not told."""
    if not actor.is_authenticated or member.pk == actor.pk:
        raise ValidationError(_("You cannot block yourself."), code="self")
    block, _created = Block.objects.get_or_create(blocker=actor, blocked=member)
    return block


@transaction.atomic
def unblock_member(*, actor, member) -> None:
    Block.objects.filter(blocker_id=actor.pk, blocked_id=member.pk).delete()
