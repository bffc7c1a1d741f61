from allauth.account.decorators import reauthentication_required
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from landnetz.privacy import queries, services
from landnetz.privacy.forms import DeleteAccountForm


def _without_password(request) -> bool:
    return not request.user.has_usable_password()


@login_required
@require_http_methods(["GET", "POST"])
# Members who log in only through single sign-on have no password to enter: allauth asks
# their identity provider to confirm it is them (unless they just logged in).
@reauthentication_required(allow_get=True, enabled=_without_password)
def delete_account(request):
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    blockers = services.erasure_blockers(user)
    if request.method == "POST" and not blockers:
        # Guessing the password here is limited like any re-authentication.
        if not ratelimit.consume(request, action="reauthenticate", user=user):
            return render(request, "429.html", status=429)
        if form.is_valid():
            try:
                services.erase_member(actor=user, user=user)
            except ValidationError as error:
                blockers = error.messages
            else:
                logout(request)
                messages.success(request, _("Your account and your personal data have been deleted."))
                return redirect("core:home")
    return render(request, "privacy/delete_account.html", {"form": form, "blockers": blockers})


@login_required
@require_http_methods(["GET", "POST"])
def data_export(request):
    """Ask for a copy of one's data and download it once it is ready."""
    if request.method == "POST":
        try:
            services.request_export(user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("We are preparing your data. Reload this page in a moment to download it."))
        return redirect("privacy:data_export")
    latest = queries.latest_export(request.user)
    return render(request, "privacy/data_export.html", {"export": latest})


@login_required
@require_GET
def download_export(request, export_id: int):
    export = queries.downloadable_export(request.user, export_id)
    if export is None:
        raise Http404
    response = FileResponse(export.file.open("rb"), as_attachment=True, filename="landnetz-daten.zip")
    response["Content-Type"] = "application/zip"
    return response
