from landnetz.notifications.queries import unread_count


def notifications(request):
    """The unread count in the header (cached; no query on most pages)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
