"""Messages are reportable (registered with the moderation seam in ``apps.ready``).

A participant reports a message of someone else; the moderators of the sender's region
(Land-wide: the network admins) decide. They read the reported message only
(``messaging:message``), never the rest of the conversation.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from landnetz.core.permissions import is_member
from landnetz.messaging import services
from landnetz.messaging.models import Message
from landnetz.moderation.registry import Reportable, register

KIND = "messaging.message"


def _visible(viewer, message_id: int):
    """A live message of someone else in one of the viewer's conversations."""
    if not is_member(viewer):
        return None
    return (
        Message.objects.filter(
            pk=message_id,
            conversation__participants__user=viewer,
            kind=Message.Kind.TEXT,
            deleted_at__isnull=True,
            moderation_hidden=False,
        )
        .select_related("sender__region")
        .first()
    )


def _title(message: Message) -> str:
    # No name and no text: the title is stored in notifications of moderators and reporters.
    when = formats.date_format(timezone.localtime(message.created_at), "SHORT_DATETIME_FORMAT")
    return gettext("message of %(date)s") % {"date": when}


def register_messages() -> None:
    register(
        Reportable(
            kind=KIND,
            label=_("Message"),
            visible=_visible,
            get=lambda pk: Message.objects.select_related("sender__region").filter(pk=pk).first(),
            region_of=lambda message: message.sender.region if message.sender_id else None,
            owners_of=lambda message: [message.sender] if message.sender_id else [],
            title_of=_title,
            url_of=lambda message: ("messaging:message", {"message_id": message.pk}),
            hide=lambda message: services.set_hidden(message=message, hidden=True),
            restore=lambda message: services.set_hidden(message=message, hidden=False),
            delete=lambda message, actor: services.moderator_delete(message=message),
        )
    )
