from django import forms
from django.utils.translation import gettext_lazy as _

from landnetz.core.validators import validate_multiline_text
from landnetz.moderation.models import Reason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose a reason."),
            "invalid_choice": _("Please choose a reason from the list."),
        },
    )
    comment = forms.CharField(
        label=_("More details (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_multiline_text],
        help_text=_("Only the moderators read this. The author does not learn who reported."),
    )


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("hide", _("Hide")),
            ("delete", _("Delete")),
            ("dismiss", _("Dismiss the report")),
            ("restore", _("Show again")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason for the author"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_multiline_text],
    )
