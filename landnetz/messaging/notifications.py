"""The notification kind of the messaging app (registered in ``apps.ready``).

The sentence names who wrote, never what: the e-mail links to the conversation, where the
member reads the message after logging in.
"""

from django.utils.translation import gettext_lazy as _

from landnetz.messaging.notices import UNREAD
from landnetz.notifications.registry import Kind

KINDS = [
    Kind(
        key=UNREAD,
        label=_("Messages I have not read for a while"),
        message=_("%(actor)s has written to you. Log in to read the message."),
    )
]
