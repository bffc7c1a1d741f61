from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "landnetz.privacy"
    label = "privacy"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        from landnetz.privacy import permissions  # noqa: F401
