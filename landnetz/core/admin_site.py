"""The Django admin, open only to network admins who logged in with two factors."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class LandnetzAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Landnetz administration")
    site_title = gettext_lazy("Landnetz administration")
    index_title = gettext_lazy("Network data")

    def has_permission(self, request) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and user.is_superuser and is_mfa_enabled(user))

    def login(self, request, extra_context=None):
        # One login for the whole site: allauth's, with its rate limits and 2FA.
        if request.user.is_authenticated:
            if request.user.is_staff and not is_mfa_enabled(request.user):
                messages.warning(request, _("Please turn on two-factor login before you open the administration area."))
                return redirect("mfa_index")
            return redirect("core:home")
        next_url = request.GET.get("next", reverse("admin:index"))
        return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
