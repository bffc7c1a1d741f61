import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from landnetz.core.queries import privacy_statement_version

IDLE_KEY = "landnetz_last_seen"
# How long before the idle logout static/js/idle-warning.js warns (WCAG 2.2.1).
IDLE_WARNING_SECONDS = 120


class SessionIdleTimeoutMiddleware:
    """Log a member out after LANDNETZ_SESSION_IDLE_SECONDS without a request.

    The absolute limit (12 h) is SESSION_COOKIE_AGE; the session is not refreshed on
    every request (SESSION_SAVE_EVERY_REQUEST is off), so that limit holds.

    For a member it leaves ``request.landnetz_idle`` for the page (base.html puts it on
    <body> as data attributes): the limit, the seconds left and how long before the
    logout static/js/idle-warning.js warns (LANDNETZ_SESSION_IDLE_WARNING_SECONDS).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(IDLE_KEY, now)
            if now - last_seen > settings.LANDNETZ_SESSION_IDLE_SECONDS:
                logout(request)
                messages.info(request, _("You have been logged out after a long break. Please log in again."))
            else:
                # A background refresh (the header's unread messages, polled by htmx with
                # the header "Landnetz-Background: 1") is no sign of the member being there.
                background = request.headers.get("Landnetz-Background") == "1" and IDLE_KEY in request.session
                if not background and (now - last_seen > 60 or IDLE_KEY not in request.session):
                    # Write at most once a minute to keep database writes low.
                    request.session[IDLE_KEY] = now
                limit = settings.LANDNETZ_SESSION_IDLE_SECONDS
                request.landnetz_idle = {
                    "limit": limit,
                    "left": limit - (now - request.session[IDLE_KEY]),
                    "warning": getattr(settings, "LANDNETZ_SESSION_IDLE_WARNING_SECONDS", IDLE_WARNING_SECONDS),
                }
        return self.get_response(request)


class MemberLanguageMiddleware:
    """Remember a member's language: pages without a language prefix use it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = user.preferred_language
            if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                    secure=settings.LANGUAGE_COOKIE_SECURE,
                    httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                )
        return response


# Pages a member may open before agreeing: the question itself, what it is about, the way
# out (log out, delete the account) and the language switch.
CONSENT_EXEMPT_VIEWS = {
    "accounts:consent",
    "core:legal_page",
    "account_logout",
    "privacy:delete_account",
    "privacy:data_export",
    "privacy:download_export",
    "set_language",
    "accounts:keep_alive",
}


class ConsentMiddleware:
    """Members agree to the current privacy statement before they use the site.

    Catches every way an account can lack it: the statement changed since they agreed,
    or the account came from single sign-on (OpenID Connect) without our sign-up form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.resolver_match is None or request.resolver_match.view_name in CONSENT_EXEMPT_VIEWS:
            return None
        if (user.privacy_consent_version or 0) >= privacy_statement_version():
            return None
        target = reverse("accounts:consent") + "?" + urlencode({"next": request.get_full_path()})
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        return redirect(target)
