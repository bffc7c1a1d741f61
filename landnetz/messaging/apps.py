from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "landnetz.messaging"
    label = "messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        # Registrations with the seams (search, notifications, moderation, privacy, hooks).
        pass
