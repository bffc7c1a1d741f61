from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "landnetz.messaging"
    label = "messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        # Registrations with the seams. Messages are never given to the site search.
        from landnetz.core import hooks, schedule
        from landnetz.messaging import erasure, notices, notifications, panels, permissions, reporting  # noqa: F401
        from landnetz.notifications import registry as notification_kinds
        from landnetz.privacy.registry import ErasureStep, ExportSpec, register, register_export

        for kind in notifications.KINDS:
            notification_kinds.register(kind)
        reporting.register_messages()
        hooks.add_panel("start", panels.start_panel)
        hooks.add_panel("person", panels.person_panel)
        schedule.register("daily", "messaging.unread_notices", notices.send_due_notices)
        register(ErasureStep(name="messaging", erase=erasure.erase))
        private_state = (
            "last_read_message_id",
            "last_read_at",
            "unread_count",
            "unread_since",
            "last_activity_at",
            "muted",
            "notice",
            "notice_notification_id",
        )
        for spec in [
            ExportSpec("messaging.MessagingPreference", "user", "Who may write to me"),
            ExportSpec("messaging.Conversation", "participants__user", "Conversations I take part in"),
            ExportSpec("messaging.Participant", "user", "My place in my conversations"),
            # The others in my conversations: who and since when, not their read markers.
            ExportSpec(
                "messaging.Participant",
                "conversation__participants__user",
                "People in my conversations",
                exclude=private_state,
            ),
            # Everything in the conversations I take part in, mine and the others' messages…
            ExportSpec("messaging.Message", "conversation__participants__user", "Messages in my conversations"),
            # …and what I wrote, also in conversations I have left.
            ExportSpec("messaging.Message", "sender", "Messages I wrote"),
        ]:
            register_export(spec)
