from django import forms
from django.utils.translation import gettext_lazy as _

from landnetz.notifications import registry

CHANNEL_CHOICES = [
    (registry.IMMEDIATELY, _("Right away, one e-mail each")),
    (registry.DAILY, _("Once a day, in a summary")),
    (registry.WEEKLY, _("Once a week, in a summary")),
    (registry.OFF, _("No e-mail (only here on the site)")),
]


class ChannelsForm(forms.Form):
    """One choice per registered kind that sends e-mails."""

    def __init__(self, *args, channels: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in registry.kinds():
            if kind.emails:
                self.fields[kind.key] = forms.ChoiceField(
                    label=kind.label,
                    choices=CHANNEL_CHOICES,
                    initial=channels.get(kind.key, kind.default),
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Please choose one of the options.")},
                )
