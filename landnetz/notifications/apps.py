from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "landnetz.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from landnetz.core import schedule
        from landnetz.notifications import mail, services
        from landnetz.privacy.registry import Exclusion, ExportSpec, register_exclusion, register_export

        schedule.register("daily", "notifications.daily_digest", lambda: mail.send_digests(period="daily"))
        schedule.register("weekly", "notifications.weekly_digest", lambda: mail.send_digests(period="weekly"))
        schedule.register("daily", "notifications.retention", services.delete_old_read_notifications)
        for spec in [
            ExportSpec("notifications.Notification", "recipient", "Notifications"),
            ExportSpec("notifications.Preference", "user", "E-mail choices"),
        ]:
            register_export(spec)
        register_exclusion(
            Exclusion(
                "notifications.Notification",
                "actor",
                "other members' notifications about the member's actions belong to them; no name is copied in",
            )
        )
