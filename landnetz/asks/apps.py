from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AsksConfig(AppConfig):
    name = "landnetz.asks"
    label = "asks"
    verbose_name = _("OpenMIC questions")

    def ready(self) -> None:
        # Registrations with the seams (search, notifications, moderation, privacy, hooks).
        from landnetz.asks import notifications, panels, permissions, reporting, search, services, worklist  # noqa: F401
        from landnetz.asks.services import erasure
        from landnetz.core import hooks, schedule
        from landnetz.notifications import registry as notification_kinds
        from landnetz.privacy.registry import ErasureStep, ExportSpec, register, register_export
        from landnetz.search import registry as search_kinds

        for kind in notifications.KINDS:
            notification_kinds.register(kind)
        search_kinds.register(search.QUESTIONS)
        reporting.register_reportables()
        register(ErasureStep(name="asks", erase=erasure.erase))
        for spec in [
            ExportSpec("asks.Question", "asker", "OpenMIC questions"),
            ExportSpec("asks.Answer", "author", "OpenMIC answers"),
            ExportSpec("asks.AnswerVote", "user", "OpenMIC up-votes"),
            ExportSpec("asks.Asked", "member", "OpenMIC questions you were asked to look at"),
        ]:
            register_export(spec)
        schedule.register("daily", "asks.follow_up", services.follow_up)
        hooks.add_to_worklist(worklist.work_for)
        hooks.add_panel("start", panels.start_panel)
