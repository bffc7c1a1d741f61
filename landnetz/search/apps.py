from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "landnetz.search"
    label = "search"
    verbose_name = _("Site search")

    def ready(self) -> None:
        # django-rules only autodiscovers modules named rules.py; ours are permissions.py.
        from landnetz.search import permissions  # noqa: F401
