from django import forms
from django.utils.translation import gettext_lazy as _

from landnetz.accounts.forms import municipality_choices
from landnetz.core.languages import SPOKEN_LANGUAGES
from landnetz.core.models import Municipality, Region, Sector, Topic
from landnetz.core.validators import validate_plain_text
from landnetz.directory.models import SearchEntry
from landnetz.directory.queries import Criteria

CHOOSE_FROM_LIST = _("Please choose from the list.")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=200,
        validators=[validate_plain_text],
        help_text=_("Names, topics, organisations, for example “Sprachkurs” or “Ärztin”."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("People and organisations")), *SearchEntry.Kind.choices],
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label=_("All regions"),
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("All topics"),
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    language = forms.ChoiceField(
        label=_("Speaks"),
        required=False,
        choices=[("", _("Any language")), *SPOKEN_LANGUAGES],
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    interpreter = forms.BooleanField(label=_("Only people who interpret"), required=False)
    near = forms.TypedChoiceField(
        label=_("Near"),
        required=False,
        coerce=int,
        help_text=_("Sorts by distance from this municipality."),
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Best match")), ("distance", _("Distance")), ("name", _("Name"))],
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = municipality_choices()
        choices[0] = ("", _("Anywhere"))
        self.fields["near"].choices = choices

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        near = Municipality.objects.filter(pk=data["near"]).first() if data.get("near") else None
        sort = data.get("sort") or ("distance" if near and not data.get("q") else "relevance")
        return Criteria(
            text=data.get("q", ""),
            kind=data.get("kind", ""),
            sector=data.get("sector", ""),
            region=data.get("region"),
            topic=data.get("topic"),
            language=data.get("language", ""),
            interpreter=bool(data.get("interpreter")),
            near=near,
            sort=sort,
        )
