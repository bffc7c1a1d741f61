"""What a page shows of a conversation, built from rows the queries already loaded."""

from dataclasses import dataclass, field

from landnetz.messaging.models import Conversation, Participant

NAMES_SHOWN = 3  # a group without a title is named after its first members


@dataclass
class ConversationCard:
    conversation: Conversation
    participant: Participant  # the viewer's own row
    others: list = field(default_factory=list)  # the other members (users)

    @property
    def is_direct(self) -> bool:
        return self.conversation.is_direct

    @property
    def other(self):
        """The other member of a direct conversation (None: a former member)."""
        return self.others[0] if self.others else None

    @property
    def title(self) -> str:
        return self.conversation.title

    @property
    def shown(self) -> list:
        return self.others[:NAMES_SHOWN]

    @property
    def more(self) -> int:
        return max(0, len(self.others) - NAMES_SHOWN)

    @property
    def last(self):
        return self.conversation.last_message

    @property
    def unread(self) -> int:
        return self.participant.unread_count


def card(participant: Participant) -> ConversationCard:
    conversation = participant.conversation
    people = getattr(conversation, "people", [])
    others = [row.user for row in people if row.user_id != participant.user_id]
    return ConversationCard(conversation=conversation, participant=participant, others=others)
