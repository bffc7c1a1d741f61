from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "landnetz.groups"
    label = "groups"
    verbose_name = _("Groups")

    def ready(self) -> None:
        # Registrations with the seams (search, notifications, moderation, privacy, hooks).
        # The rules register themselves on import (django-rules only autodiscovers rules.py).
        from landnetz.groups import permissions  # noqa: F401
