"""Organisations in the admin area: to look at, and to delete through the service.

Changes go through the site's pages, where the services keep the rules (an organisation
never loses its last administrator, the directory index follows every change, logos are
deleted with their organisation). Network admins may use every organisation's pages.
"""

from django.contrib import admin

from landnetz.organisations import services
from landnetz.organisations.models import Invitation, Membership, Organisation, OrganisationLanguage


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OrganisationLanguageInline(ReadOnlyInline):
    model = OrganisationLanguage
    extra = 0


class MembershipInline(ReadOnlyInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "status", "is_contact_person", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request, *args, **kwargs):
        actions = super().get_actions(request, *args, **kwargs)
        actions.pop("delete_selected", None)
        return actions

    def delete_model(self, request, obj):
        services.delete_organisation(actor=request.user, organisation=obj)

    def delete_queryset(self, request, queryset):
        for organisation in queryset:
            self.delete_model(request, organisation)

    list_display = [
        "name",
        "kind",
        "sector",
        "municipality",
        "visibility",
        "verified_at",
        "created_at",
    ]
    list_filter = ["sector", "kind", "visibility", "municipality__region"]
    search_fields = ["name", "slug", "email"]
    list_select_related = ["municipality"]
    raw_id_fields = ["municipality", "created_by", "verified_by"]
    filter_horizontal = ["topics"]
    readonly_fields = ["created_at", "updated_at", "created_by"]
    inlines = [OrganisationLanguageInline, MembershipInline]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["user", "organisation", "role", "status", "is_contact_person", "created_at"]
    list_filter = ["role", "status", "is_contact_person"]
    search_fields = ["user__display_name", "user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]
    raw_id_fields = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation"]
    raw_id_fields = ["organisation", "invited_by"]
    exclude = ["token"]  # a secret: whoever holds it joins the organisation
    readonly_fields = ["created_at", "accepted_at"]
