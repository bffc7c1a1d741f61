"""Keep-alive for the idle logout (WCAG 2.2.1, "Timing adjustable").

static/js/idle-warning.js calls it when the member chooses "Stay logged in" in the
warning before the idle logout, and while they type into a form. The idle check itself
(`SessionIdleTimeoutMiddleware`) has run before: a member who was idle too long is logged
out by then and gets the same empty answer as a visitor.
"""

import time

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from landnetz.accounts.middleware import IDLE_KEY


@never_cache
@require_POST
def keep_alive(request):
    """Refresh the member's idle timestamp; 204 for everybody, nothing stored for visitors."""
    response = HttpResponse(status=204)
    if request.user.is_authenticated:
        request.session[IDLE_KEY] = int(time.time())
        # Tells the script that the session is still there (a visitor's answer lacks it).
        response["Landnetz-Idle-Seconds"] = str(settings.LANDNETZ_SESSION_IDLE_SECONDS)
    return response
