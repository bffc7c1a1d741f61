from django.contrib import admin

from landnetz.organisations.models import Invitation, Membership, Organisation, OrganisationLanguage


class OrganisationLanguageInline(admin.TabularInline):
    model = OrganisationLanguage
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "status", "is_contact_person", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
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
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "status", "is_contact_person", "created_at"]
    list_filter = ["role", "status", "is_contact_person"]
    search_fields = ["user__display_name", "user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]
    raw_id_fields = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation"]
    raw_id_fields = ["organisation", "invited_by"]
    readonly_fields = ["token", "created_at", "accepted_at"]
