from landnetz.messaging.queries import unread_count


def messaging(request):
    """The number next to "Messages" in the header: conversations with unread messages
    (one small query on the ``participant_unread`` index)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_messages": unread_count(user)}
