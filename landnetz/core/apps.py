from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_site(sender, **kwargs) -> None:
    """Keep the sites framework's domain in step with SITE_URL (used in e-mail links)."""
    from urllib.parse import urlparse

    from django.conf import settings
    from django.contrib.sites.models import Site

    domain = urlparse(settings.SITE_URL).netloc or "localhost"
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": f"Landnetz {settings.LANDNETZ_NETWORK_NAME}"}
    )


class CoreConfig(AppConfig):
    name = "landnetz.core"
    label = "core"
    verbose_name = _("Network")

    def ready(self) -> None:
        post_migrate.connect(_sync_site, sender=self)
        # <id:…> in URLs: only ids a row can have, anything else is a 404 (see core.ids).
        from django.urls import register_converter

        from landnetz.core.ids import IdConverter

        register_converter(IdConverter, "id")
        # django-rules only autodiscovers modules named rules.py; ours are permissions.py.
        from landnetz.core import permissions  # noqa: F401
