from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "landnetz.groups"
    label = "groups"
    verbose_name = _("Groups")

    def ready(self) -> None:
        # Registrations with the seams (search, notifications, moderation, privacy, hooks).
        # The rules register themselves on import (django-rules only autodiscovers rules.py).
        from landnetz.core import hooks, schedule
        from landnetz.groups import notifications, panels, permissions, queries, reporting, search, worklist  # noqa: F401
        from landnetz.groups.services import erasure, members
        from landnetz.notifications import registry as notification_kinds
        from landnetz.privacy.registry import ErasureStep, ExportSpec, register, register_export
        from landnetz.search import registry as search_kinds

        register(ErasureStep(name="groups", erase=erasure.erase))
        for kind in notifications.KINDS:
            notification_kinds.register(kind)
        schedule.register("daily", "groups.invitation_retention", members.delete_stale_invitations)
        for spec in [
            ExportSpec("groups.GroupMembership", "user", "Memberships in groups"),
            ExportSpec("groups.Group", "created_by", "Groups created"),
            ExportSpec("groups.GroupInvitation", "invited_by", "Invitations to groups sent", exclude=("token_hash",)),
        ]:
            register_export(spec)
        reporting.register_groups()
        hooks.add_to_worklist(worklist.work_for)
        hooks.add_panel("start", panels.start_panel)
        search_kinds.register(search.GROUPS)
        search_kinds.register_audiences(
            lambda viewer: [f"group:{group_id}" for group_id in queries.member_group_ids(viewer)]
        )
