from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "landnetz.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        from landnetz.core import hooks
        from landnetz.directory import search
        from landnetz.search import index as search_index
        from landnetz.search import registry as search_kinds

        search_kinds.register(search.PEOPLE)
        # A profile, a topic name or a membership changed below or beside the directory.
        hooks.on_stale(lambda profiles, **_: profiles and search_index.reindex(search.PERSON, profiles))
