from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "landnetz.privacy"
    label = "privacy"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        from landnetz.core import schedule
        from landnetz.privacy import permissions, services  # noqa: F401

        schedule.register("daily", "privacy.unconfirmed_signups", services.erase_unconfirmed_signups)
