from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "landnetz.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        from landnetz.core import hooks
        from landnetz.directory import indexing
        from landnetz.privacy.registry import Exclusion, register_exclusion

        hooks.on_stale(indexing.refresh)

        register_exclusion(
            Exclusion("directory.SearchEntry", "profile__user", "derived from the profile, which is exported")
        )
