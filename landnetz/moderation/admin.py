from django.contrib import admin

from landnetz.moderation.models import Moderator, Report
from landnetz.moderation.services import set_moderator


@admin.register(Moderator)
class ModeratorAdmin(admin.ModelAdmin):
    """Network admins name moderators per region; each change is audited."""

    list_display = ["user", "region"]
    list_filter = ["region"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "region"]

    def save_model(self, request, obj, form, change):
        set_moderator(actor=request.user, user=obj.user, region=obj.region, moderates=True)
        if obj.pk is None:
            obj.pk = Moderator.objects.get(user=obj.user, region=obj.region).pk

    def delete_model(self, request, obj):
        set_moderator(actor=request.user, user=obj.user, region=obj.region, moderates=False)

    def delete_queryset(self, request, queryset):
        for moderator in queryset:
            self.delete_model(request, moderator)


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Read-only: decisions are made in the moderation queue, where they are audited and told."""

    list_display = ["kind", "object_id", "reason", "status", "region", "created_at"]
    list_filter = ["status", "reason", "region"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
