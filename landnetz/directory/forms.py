from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from landnetz.core import ids
from landnetz.core.languages import SPOKEN_LANGUAGES
from landnetz.core.models import Municipality, Region, Sector, Topic
from landnetz.core.queries import municipality_for_place
from landnetz.core.validators import ascii_digits, validate_plain_text
from landnetz.directory.queries import ORGANISATION, PERSON, Criteria

CHOOSE_FROM_LIST = _("Please choose from the list.")
UNKNOWN_PLACE = _("We do not know this place. Please enter a postcode or the name of a municipality.")
RADII_KM = (10, 25, 50, 100)
# Rural distances: 25 km is a district town and its villages, about half an hour by car.
DEFAULT_RADIUS_KM = 25
ANY_DISTANCE = "any"
# Translated when the page renders, in the reader's language (not once at import).
_up_to = lazy(lambda km: gettext("up to %(km)s km") % {"km": km}, str)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=200,
        validators=[validate_plain_text],
        help_text=_("Names, topics, professions – in German or in your language, for example “Sprachkurs” or “лікар”."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("People and organisations")), (PERSON, _("Person")), (ORGANISATION, _("Organisation"))],
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    region = ids.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label=_("All regions"),
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    topic = ids.ModelChoiceField(
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
    open_to_newcomers = forms.BooleanField(label=_("Only people newcomers may contact"), required=False)
    near = forms.CharField(
        label=_("Near"),
        required=False,
        max_length=60,
        validators=[validate_plain_text],
        help_text=_("Postcode or municipality, for example 39517 or Tangerhütte. Sorts by distance."),
    )
    radius = forms.ChoiceField(
        label=_("Distance"),
        required=False,
        initial=str(DEFAULT_RADIUS_KM),
        choices=[*((str(km), _up_to(km)) for km in RADII_KM), (ANY_DISTANCE, _("any distance"))],
        help_text=_("Only with a place above."),
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        # No choice sent means: by distance when a place is given, otherwise best match.
        choices=[
            ("", _("Automatic (by distance when a place is given)")),
            ("relevance", _("Best match")),
            ("distance", _("Distance")),
            ("name", _("Name")),
        ],
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("radius"):
            # A search without a radius uses the default: the select must show that one,
            # or the next search would send its first option (10 km) instead.
            data = data.copy()
            data["radius"] = str(DEFAULT_RADIUS_KM)
        super().__init__(data, *args, **kwargs)

    def clean_near(self) -> Municipality | None:
        """A typed place instead of a 218-entry list: smaller page, easier on a phone."""
        text = ascii_digits(self.cleaned_data["near"].strip())
        if not text:
            return None
        found = municipality_for_place(text)
        if found is None:
            raise forms.ValidationError(UNKNOWN_PLACE)
        return found

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        near = data.get("near")
        sort = data.get("sort") or ("distance" if near else "relevance")
        radius = data.get("radius") or str(DEFAULT_RADIUS_KM)
        return Criteria(
            text=data.get("q", ""),
            kind=data.get("kind", ""),
            sector=data.get("sector", ""),
            region=data.get("region"),
            topic=data.get("topic"),
            language=data.get("language", ""),
            interpreter=bool(data.get("interpreter")),
            open_to_newcomers=bool(data.get("open_to_newcomers")),
            near=near,
            radius_km=None if near is None or radius == ANY_DISTANCE else int(radius),
            sort=sort,
        )
