from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AsksConfig(AppConfig):
    name = "landnetz.asks"
    label = "asks"
    verbose_name = _("OpenMIC questions")

    def ready(self) -> None:
        # Registrations with the seams (search, notifications, moderation, privacy, hooks).
        pass
