from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "landnetz.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from landnetz.accounts import permissions, worklist  # noqa: F401
        from landnetz.core import hooks

        hooks.add_to_worklist(worklist.work_for)
