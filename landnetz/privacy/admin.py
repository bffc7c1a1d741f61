"""The member admin deletes through the erasure service, like every other deletion path.

``accounts`` registers the member admin; this seam sits above ``accounts`` and replaces
its delete actions, so that deleting a member in the admin area removes files, index
rows and organisations left without members, and waits for hand-overs.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from landnetz.accounts.admin import UserAdmin
from landnetz.accounts.models import User
from landnetz.privacy.services import erase_member, erasure_blockers


class MemberAdmin(UserAdmin):
    def get_actions(self, request, *args, **kwargs):
        actions = super().get_actions(request, *args, **kwargs)
        actions.pop("delete_selected", None)  # one at a time, each through erase_member
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        user = self.get_object(request, object_id)
        if user is not None and (blockers := erasure_blockers(user)):
            for reason in blockers:
                messages.error(request, reason)
            return redirect("admin:accounts_user_change", object_id)
        return super().delete_view(request, object_id, extra_context)

    def get_deleted_objects(self, objs, request):
        # The erasure service decides what goes with a member (and what waits for a
        # hand-over); the read-only admins of related rows must not veto it.
        deleted, model_count, _perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, model_count, set(), protected

    def delete_model(self, request, obj):
        try:
            erase_member(actor=request.user, user=obj)
        except ValidationError as error:
            for reason in error.messages:
                messages.error(request, reason)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            self.delete_model(request, user)


admin.site.unregister(User)
admin.site.register(User, MemberAdmin)
