import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

IDLE_KEY = "landnetz_last_seen"


class SessionIdleTimeoutMiddleware:
    """Log a member out after LANDNETZ_SESSION_IDLE_SECONDS without a request.

    The absolute limit (12 h) is SESSION_COOKIE_AGE; the session is not refreshed on
    every request (SESSION_SAVE_EVERY_REQUEST is off), so that limit holds.
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
            elif now - last_seen > 60 or IDLE_KEY not in request.session:
                # Write at most once a minute to keep database writes low.
                request.session[IDLE_KEY] = now
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
