from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from landnetz.accounts import queries, services, signup
from landnetz.accounts.forms import ChangeAddressForm, ConsentForm, LanguageFormSet, PreferencesForm, ProfileForm
from landnetz.core import hooks


@require_POST
def set_language(request):
    """Django's language switch, plus: a member's choice is remembered on the account."""
    # Django's translate_url() reads the "next" address in the active language; make that
    # the language of the page the visitor came from, whatever the cookie or browser says.
    page_language = get_language_from_path(urlsplit(request.POST.get("next") or "").path)
    with translation.override(page_language or translation.get_language()):
        response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(PreferencesForm.base_fields["preferred_language"].choices):
        services.set_language(user=request.user, language=language)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def consent(request):
    """Agree to the current privacy statement (asked by ConsentMiddleware)."""
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_consent(user=request.user)
        messages.success(request, _("Thank you. You can continue now."))
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = "core:home"
        return redirect(target)
    return render(
        request, "accounts/consent.html", {"form": form, "first_time": request.user.privacy_consent_at is None}
    )


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


# --- Profiles ------------------------------------------------------------------------------

ADD_LANGUAGE = "add-language"  # the name of the "Add another language" button


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    user = request.user
    profile = queries.profile_of(user)
    initial = {
        name: getattr(profile, name)
        for name in ProfileForm.base_fields
        if name not in {"photo", "remove_photo", "topics", "municipality"}
    }
    initial |= {"topics": list(profile.topics.all()), "municipality": user.municipality_id}
    if not profile.bio and not profile.job_title:  # nothing written yet: in the language of the page
        initial["bio_language"] = request.LANGUAGE_CODE
    if request.method == "POST" and ADD_LANGUAGE in request.POST:
        # "Add another language" without JavaScript: the page again, as typed, one row more; nothing saved.
        form = ProfileForm(initial=ProfileForm.typed(request.POST, request.FILES))
        languages = LanguageFormSet.with_new_row(request.POST, prefix="languages")
        context = {"form": form, "languages": languages, "profile": profile, "add_language": ADD_LANGUAGE}
        return render(request, "accounts/profile_edit.html", context)
    form = ProfileForm(
        request.POST or None, request.FILES or None, initial=initial, writer_language=request.LANGUAGE_CODE
    )
    languages = LanguageFormSet(
        request.POST or None,
        prefix="languages",
        initial=[{"code": lang.code, "level": lang.level} for lang in profile.languages.all()],
    )
    if request.method == "POST" and form.is_valid() and languages.is_valid():
        services.update_profile(
            user=user, profile=profile, data=dict(form.cleaned_data), languages=languages.languages()
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    context = {"form": form, "languages": languages, "profile": profile, "add_language": ADD_LANGUAGE}
    return render(request, "accounts/profile_edit.html", context)


@login_required
def profile_preview(request):
    """The member's profile exactly as a visitor without login (or, with ``?as=members``,
    as another logged-in member) sees it — never the owner's own view."""
    profile = queries.profile_of(request.user)
    as_members = request.GET.get("as") == "members"
    viewer = queries.another_member() if as_members else AnonymousUser()
    visible = profile.visibility == "public" or (as_members and profile.visibility == "members")
    card = queries.card_for(profile, viewer) if visible else None
    return render(
        request, "accounts/profile_preview.html", {"card": card, "profile": profile, "as_members": as_members}
    )


def person_detail(request, user_id: int):
    profile = queries.visible_profile(request.user, user_id)
    card = queries.card_for(profile, request.user)
    is_own = profile.user_id == request.user.pk
    # What other apps offer about this member (write a message, follow), through core.hooks.
    panels = hooks.panels("person", request.user, member=profile.user) if not is_own else []
    return render(request, "accounts/person_detail.html", {"card": card, "is_own": is_own, "panels": panels})


def person_photo(request, user_id: int):
    profile = queries.visible_profile(request.user, user_id)
    if not profile.photo:
        raise Http404
    response = FileResponse(profile.photo.open("rb"), content_type="image/jpeg")
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    return response


# --- "Please confirm your e-mail address" ---------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def confirmation_sent(request):
    """After a sign-up or a login to an unconfirmed account: resend, or correct the address.

    What this browser may do is in its session (``accounts.signup``); without it (another
    browser, or the offer has expired) the page says how to get it back: log in.
    """
    if request.user.is_authenticated:  # members manage their addresses on the e-mail page
        return redirect("account_email")
    state = signup.unconfirmed(request)
    if state is None or state.confirmed:
        if request.method == "POST":
            return redirect("accounts:confirmation_sent")
        return render(request, "account/verification_sent.html", {"confirmed": state is not None})
    form = ChangeAddressForm(request.POST or None, initial={"email": state.email})
    if request.method == "POST" and form.is_valid():
        if signup.change_address(request, state, form.cleaned_data["email"]):
            messages.success(request, _("We have sent the e-mail to the new address."))
        else:
            messages.error(request, _("You have asked for several e-mails in a short time. Please wait a while."))
        return redirect("accounts:confirmation_sent")
    return render(request, "account/verification_sent.html", {"pending": state, "form": form})


@require_POST
def resend_confirmation(request):
    state = signup.unconfirmed(request)
    if state is not None and not state.confirmed:
        if signup.resend(request, state):
            messages.success(request, _("We have sent the e-mail again."))
        else:
            messages.error(
                request,
                _(
                    "We have just sent you an e-mail. Please wait a few minutes before asking again; "
                    "the link in the earlier e-mail still works."
                ),
            )
    return redirect("accounts:confirmation_sent")
