from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "landnetz.privacy"
    label = "privacy"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        from landnetz.core import schedule
        from landnetz.privacy import exports, permissions, services  # noqa: F401
        from landnetz.privacy.registry import Exclusion, ExportSpec, register_exclusion, register_export

        schedule.register("daily", "privacy.unconfirmed_signups", services.erase_unconfirmed_signups)
        schedule.register("daily", "privacy.expired_exports", exports.delete_expired_exports)
        # What core, accounts and the third-party apps hold about a member; feature apps
        # register their own in their AppConfig.ready.
        for spec in [
            ExportSpec("accounts.User", "pk", "Account", exclude=("password",)),
            ExportSpec("accounts.User_coordinated_regions", "user", "Coordinated regions"),
            ExportSpec("accounts.Profile", "user", "Profile"),
            ExportSpec("accounts.Profile_topics", "profile__user", "Profile topics"),
            ExportSpec("accounts.ProfileLanguage", "profile__user", "Profile languages"),
            ExportSpec("account.EmailAddress", "user", "E-mail addresses"),
            ExportSpec("mfa.Authenticator", "user", "Two-factor authenticators", exclude=("data",)),
            ExportSpec("socialaccount.SocialAccount", "user", "Single sign-on accounts", exclude=("extra_data",)),
            ExportSpec("core.AuditEntry", "actor", "Administrative actions"),
            ExportSpec("admin.LogEntry", "user", "Changes in the admin area"),
        ]:
            register_export(spec)
        for exclusion in [
            Exclusion("accounts.User_groups", "user", "Django's permission groups are not used by Landnetz"),
            Exclusion("accounts.User_user_permissions", "user", "Django's per-user permissions are not used"),
            Exclusion(
                "core.LegalPage",
                "updated_by",
                "the edited legal text is not about the member; the edit is an exported audit entry",
            ),
            Exclusion("privacy.DataExport", "user", "the export files themselves"),
        ]:
            register_exclusion(exclusion)
