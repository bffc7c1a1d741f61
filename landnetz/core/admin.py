from django.contrib import admin

from landnetz.core.models import AuditEntry, LegalPage, Municipality, PostcodeArea, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "ags"]
    search_fields = ["name", "ags"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "postcode", "population", "ags"]
    list_filter = ["region", "urbanisation"]
    search_fields = ["name", "ags", "postcode"]
    list_select_related = ["region"]


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin):
    list_display = ["postcode", "place", "municipality"]
    search_fields = ["postcode", "place"]
    raw_id_fields = ["municipality"]
    list_select_related = ["municipality"]


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    list_display = ["slug", "language", "title", "version", "updated_at"]
    list_filter = ["slug", "language"]
    readonly_fields = ["version", "updated_at", "updated_by"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is written by services, never by hand."""

    list_display = ["created_at", "actor", "verb", "object_repr", "region"]
    list_filter = ["verb", "region"]
    search_fields = ["verb", "object_repr"]
    list_select_related = ["actor", "region"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
