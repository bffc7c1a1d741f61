from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from landnetz.accounts import services
from landnetz.accounts.forms import PreferencesForm


@require_POST
def set_language(request):
    """Django's language switch, plus: a member's choice is remembered on the account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(PreferencesForm.base_fields["preferred_language"].choices):
        services.set_language(user=request.user, language=language)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    user = request.user
    form = PreferencesForm(
        request.POST or None,
        initial={
            "display_name": user.display_name,
            "region": user.region_id,
            "preferred_language": user.preferred_language,
            "large_text": user.large_text,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.update_preferences(user=user, **form.cleaned_data)
        language = form.cleaned_data["preferred_language"]
        with translation.override(language):
            messages.success(request, _("Your settings have been saved."))
        target = translate_url(request.path, language)
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            return redirect("accounts:preferences")
        response = HttpResponseRedirect(target)
        return response
    return render(request, "accounts/preferences.html", {"form": form})
