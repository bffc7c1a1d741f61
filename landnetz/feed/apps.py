from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedConfig(AppConfig):
    name = "landnetz.feed"
    label = "feed"
    verbose_name = _("News")

    def ready(self) -> None:
        # Registrations with the seams (search, notifications, moderation, privacy, hooks).
        pass
