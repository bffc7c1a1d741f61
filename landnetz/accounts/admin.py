from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from landnetz.accounts import services
from landnetz.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["display_name"]
    list_display = ["display_name", "email", "region", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "is_superuser", "region"]
    search_fields = ["display_name", "email"]
    list_select_related = ["region"]
    filter_horizontal = ["coordinated_regions", "groups", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "region", "municipality", "preferred_language", "large_text"]}),
        (_("Roles"), {"fields": ["is_active", "is_staff", "is_superuser", "coordinated_regions"]}),
        (
            _("Consent and history"),
            {"fields": ["privacy_consent_at", "privacy_consent_version", "last_login", "date_joined"]},
        ),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]})]
    readonly_fields = ["privacy_consent_at", "privacy_consent_version", "last_login", "date_joined"]
    raw_id_fields = ["municipality"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data:
            # Through the service: directory entry and audit log follow the change.
            services.set_active(actor=request.user, user=obj, active=obj.is_active)

    def save_related(self, request, form, formsets, change):
        # Coordinator roles change through the service, so that the audit log records them.
        regions = form.cleaned_data.pop("coordinated_regions", None)
        super().save_related(request, form, formsets, change)
        if regions is not None:
            services.set_coordinated_regions(actor=request.user, user=form.instance, regions=regions)
