import rules
from django.conf import settings
from django.utils.translation import get_language_bidi, pgettext


def landnetz(request):
    """Values every page template needs."""
    user = getattr(request, "user", None)
    return {
        "network_name": settings.LANDNETZ_NETWORK_NAME,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        # Between the items of a list in running text: Arabic writes "،", not ",".
        "list_separator": pgettext("list separator", ", "),
        "large_text": bool(user and user.is_authenticated and user.large_text),
        # Set by accounts' SessionIdleTimeoutMiddleware for members: the idle-logout warning.
        "idle": getattr(request, "landnetz_idle", None),
        # Asked of django-rules directly: no permission tables are read for the menu.
        "can_view_audit_log": bool(user and rules.has_perm("core.view_audit_log", user)),
        "can_manage_topics": bool(user and user.is_authenticated and rules.has_perm("core.manage_topics", user)),
    }
