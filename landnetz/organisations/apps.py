from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "landnetz.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        # Register the rules (django-rules only autodiscovers modules named rules.py).
        from landnetz.core import hooks, schedule
        from landnetz.notifications import registry as notification_kinds
        from landnetz.organisations import notifications, permissions, queries, reporting, search, worklist  # noqa: F401
        from landnetz.organisations.services import erasure, members
        from landnetz.privacy.registry import (
            ErasureStep,
            Exclusion,
            ExportSpec,
            register,
            register_exclusion,
            register_export,
        )
        from landnetz.search import index as search_index
        from landnetz.search import registry as search_kinds

        register(ErasureStep(name="organisations", erase=erasure.erase, blockers=erasure.blockers))
        for kind in notifications.KINDS:
            notification_kinds.register(kind)
        schedule.register("daily", "organisations.invitation_retention", members.delete_stale_invitations)
        for spec in [
            ExportSpec("organisations.Membership", "user", "Memberships in organisations"),
            ExportSpec("organisations.Organisation", "created_by", "Organisations created"),
            ExportSpec("organisations.Invitation", "invited_by", "Invitations sent"),
        ]:
            register_export(spec)
        register_exclusion(
            Exclusion(
                "organisations.Organisation",
                "verified_by",
                "a coordinator's verification is recorded in the audit log, which is exported",
            )
        )
        reporting.register_organisations()
        hooks.provide("organisations_of_member", queries.organisations_of_member)
        hooks.provide("organisations_of_members", search.organisations_of_members)
        hooks.add_to_worklist(worklist.work_for)
        search_kinds.register(search.ORGANISATIONS)
        hooks.on_stale(
            lambda organisations, **_: organisations and search_index.reindex(search.ORGANISATION, organisations)
        )
