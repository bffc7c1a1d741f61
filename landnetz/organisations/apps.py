from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "landnetz.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        # Register the rules (django-rules only autodiscovers modules named rules.py).
        from landnetz.core import schedule
        from landnetz.notifications import registry as notification_kinds
        from landnetz.organisations import notifications, permissions  # noqa: F401
        from landnetz.organisations.services import erasure, members
        from landnetz.privacy.registry import ErasureStep, register

        register(ErasureStep(name="organisations", erase=erasure.erase, blockers=erasure.blockers))
        for kind in notifications.KINDS:
            notification_kinds.register(kind)
        schedule.register("daily", "organisations.invitation_retention", members.delete_stale_invitations)
