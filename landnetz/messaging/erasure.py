"""What erasing a member's account means for messages (registered with ``privacy``).

- Their messages stay in place as "message deleted" from "a former member": the text and
  its language are deleted, the sender is removed. Answers of the others keep their place
  and their context; a direct conversation stays readable for the other member, who can
  no longer write in it.
- Their rows as a participant and their preference go with the account (cascade); a
  conversation in which nobody else is left is deleted.
- The direct conversation no longer holds their id in its pair key.
"""

from django.db.models import Count, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from landnetz.messaging.models import Conversation, Message


def erase(user) -> None:
    now = timezone.now()
    Message.objects.filter(sender=user).update(
        sender=None, body="", body_language="", deleted_at=Coalesce("deleted_at", Value(now))
    )
    mine = Conversation.objects.filter(participants__user=user).values("pk")
    alone = list(
        Conversation.objects.filter(pk__in=mine)
        .annotate(people=Count("participants"))
        .filter(people__lte=1)
        .values_list("pk", flat=True)
    )
    Conversation.objects.filter(pk__in=alone).delete()
    Conversation.objects.filter(pk__in=mine, direct_key__isnull=False).update(direct_key=None)
