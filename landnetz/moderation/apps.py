from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _message_decision(data: dict):
    if data.get("action") == "hide":
        return _("The moderators have hidden %(title)s. Reason: %(reason)s")
    if data.get("action") == "delete":
        return _("The moderators have deleted the content of %(title)s. Reason: %(reason)s")
    return _("The moderators have made %(title)s visible again.")


def _message_closed(data: dict):
    if data.get("action") == "dismiss":
        return _("Your report about %(title)s was checked; the moderators left the content as it is.")
    return _("Your report about %(title)s was checked; the moderators have acted on it.")


class ModerationConfig(AppConfig):
    name = "landnetz.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from landnetz.core import hooks
        from landnetz.moderation import permissions, profiles, worklist  # noqa: F401
        from landnetz.notifications import registry as notification_kinds
        from landnetz.privacy.registry import Exclusion, ExportSpec, register_exclusion, register_export

        profiles.register_profiles()
        hooks.add_to_worklist(worklist.work_for)
        for kind in [
            notification_kinds.Kind(
                key="moderation.new_report",
                label=_("New reports in the regions I moderate"),
                message=_("A member has reported %(title)s."),
            ),
            notification_kinds.Kind(
                key="moderation.decision", label=_("Moderation of my content"), message=_message_decision
            ),
            notification_kinds.Kind(
                key="moderation.report_closed", label=_("The outcome of my reports"), message=_message_closed
            ),
        ]:
            notification_kinds.register(kind)
        register_export(ExportSpec("moderation.Report", "reporter", "Reports I made"))
        register_export(ExportSpec("moderation.Moderator", "user", "Regions I moderate"))
        register_export(ExportSpec("moderation.Block", "blocker", "Members I blocked"))
        register_exclusion(
            Exclusion(
                "moderation.Block",
                "blocked",
                "that a member blocked someone is the blocker's private choice; the blocked member is never told",
            )
        )
        register_exclusion(
            Exclusion("moderation.Report", "decided_by", "moderation decisions are exported as audit entries")
        )
