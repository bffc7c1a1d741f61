"""The notification kinds of the OpenMIC (registered in ``apps.ready``)."""

from django.utils.translation import gettext_lazy as _

from landnetz.notifications.registry import Kind

ASKED_YOU = "asks.asked_you"
ANSWERED = "asks.answered"
HELPFUL = "asks.helpful"
UNANSWERED = "asks.unanswered"


def _asked(data: dict):
    if data.get("wave") == 2:
        return _("A question is still waiting for an answer, and your profile fits it: %(title)s")
    return _("%(actor)s asks a question that fits your profile: %(title)s")


KINDS = [
    Kind(key=ASKED_YOU, label=_("OpenMIC questions that fit my profile"), message=_asked),
    Kind(
        key=ANSWERED,
        label=_("Answers to my OpenMIC questions"),
        message=_("%(actor)s answered your question: %(title)s"),
    ),
    Kind(
        key=HELPFUL,
        label=_("My OpenMIC answers that helped"),
        message=_("%(actor)s found your answer helpful: %(title)s"),
    ),
    Kind(
        key=UNANSWERED,
        label=_("OpenMIC questions in my regions that nobody has answered (coordinators)"),
        message=_("A question in %(region)s has had no answer for %(days)s days: %(title)s"),
    ),
]
