from django import forms
from django.utils.translation import gettext_lazy as _

from landnetz.core.validators import validate_plain_text
from landnetz.search import registry
from landnetz.search.queries import Criteria


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=200,
        validators=[validate_plain_text],
        widget=forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        error_messages={"invalid_choice": _("Please choose from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Kinds are registered by the apps; the list follows what is installed.
        self.fields["kind"].choices = [("", _("Everything")), *((k.name, k.label_plural) for k in registry.kinds())]

    def criteria(self) -> Criteria:
        kind = self.cleaned_data.get("kind")
        return Criteria(text=self.cleaned_data.get("q", ""), kinds=(kind,) if kind else ())
