"""Input of the organisations app, validated with clear, translated messages."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from landnetz.core import ids
from landnetz.core.fields import (
    CheckboxSelectMultiple,
    EmailField,
    MunicipalityField,
    PhoneField,
    PostcodeField,
    RadioSelect,
    URLField,
)
from landnetz.core.languages import SPOKEN_LANGUAGES, WRITTEN_LANGUAGES
from landnetz.core.models import Region, Sector, Topic
from landnetz.core.validators import validate_multiline_text, validate_plain_text
from landnetz.organisations.images import clean_logo
from landnetz.organisations.models import Invitation, Membership, Organisation

# Sachsen-Anhalt with a little margin.
LATITUDE_RANGE = (Decimal("50.9"), Decimal("53.1"))
LONGITUDE_RANGE = (Decimal("10.5"), Decimal("13.3"))
OUTSIDE = _("These coordinates are outside Sachsen-Anhalt.")


class CoordinateField(forms.Field):
    """A decimal degree; accepts "52.6" and "52,6", keeps six decimal places."""

    def __init__(self, *, minimum: Decimal, maximum: Decimal, **kwargs):
        self.minimum, self.maximum = minimum, maximum
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "maxlength": "20"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip().replace(",", ".").replace(" ", "")
        if not text:
            return None
        try:
            number = Decimal(text) if len(text) <= 20 else None
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise ValidationError(_("Please enter a number such as 52.6061."), code="invalid")
        return number

    def validate(self, value):
        super().validate(value)
        if value is not None and not (self.minimum <= value <= self.maximum):
            raise ValidationError(OUTSIDE, code="outside")

    def clean(self, value):
        value = super().clean(value)
        return value.quantize(Decimal("0.000001")) if value is not None else None

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
        return value


class LogoField(forms.FileField):
    """An optional logo, judged by its content (see ``images.clean_logo``)."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload in (None, False) or upload is initial:
            return upload
        return clean_logo(upload)


validate_web_url = URLValidator(
    schemes=["http", "https"],
    message=_("Please enter a web address that starts with https:// or http://."),
)

TOPIC_ERRORS = {
    "invalid_choice": _("Please choose topics from the list."),
    "invalid_pk_value": _("Please choose topics from the list."),
    "invalid_list": _("Please choose topics from the list."),
}
LANGUAGE_ERRORS = {
    "invalid_choice": _("Please choose languages from the list."),
    "invalid_list": _("Please choose languages from the list."),
}


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=150,
        validators=[validate_plain_text],
        help_text=_("As people know it, for example “Caritas Migrationsberatung Stendal”."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of organisation"), choices=[("", _("Please choose")), *Organisation.Kind.choices]
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", _("Please choose")), *Sector.choices])
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[validate_multiline_text],
        help_text=_(
            "What you do and for whom. Two stars on each side make a word bold (**like this**), "
            "a line that starts with “- ” becomes a list, and [text](https://…) becomes a link."
        ),
    )
    description_language = forms.ChoiceField(
        label=_("Language of the description"),
        choices=WRITTEN_LANGUAGES,
        required=False,
        help_text=_("Screen readers then read the description with the right pronunciation."),
        error_messages={"invalid_choice": _("Please choose a language from the list.")},
    )
    topics = ids.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=CheckboxSelectMultiple,
        error_messages=TOPIC_ERRORS,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages in which people can talk to you"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=CheckboxSelectMultiple,
        error_messages=LANGUAGE_ERRORS,
    )
    street = forms.CharField(
        label=_("Street and number"),
        max_length=150,
        required=False,
        validators=[validate_plain_text],
    )
    postcode = PostcodeField(label=_("Postcode"), required=False)
    municipality = MunicipalityField(label=_("Municipality"), empty_label=_("Please choose"))
    latitude = CoordinateField(
        label=_("Latitude"),
        minimum=LATITUDE_RANGE[0],
        maximum=LATITUDE_RANGE[1],
        required=False,
        help_text=_("Optional, for example 52.6061. Without it we use the centre of the municipality."),
    )
    longitude = CoordinateField(
        label=_("Longitude"),
        minimum=LONGITUDE_RANGE[0],
        maximum=LONGITUDE_RANGE[1],
        required=False,
        help_text=_("Optional, for example 11.8587."),
    )
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_multiline_text],
    )
    website = URLField(
        label=_("Website"),
        max_length=300,
        required=False,
        assume_scheme="https",
        validators=[validate_web_url],
        error_messages={"invalid": _("Please enter a web address that starts with https:// or http://.")},
    )
    email = EmailField(label=_("E-mail address"), required=False)
    phone = PhoneField(label=_("Phone"), required=False)
    visibility = forms.ChoiceField(
        label=_("Who can see this page"),
        choices=Organisation.Visibility.choices,
        widget=RadioSelect,
        initial=Organisation.Visibility.PUBLIC,
    )
    logo = LogoField(
        label=_("Logo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=_("Optional: JPEG, PNG or WebP, at most 2 MB and 4000 × 4000 pixels."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    def __init__(self, *args, organisation: Organisation | None = None, **kwargs):
        self.organisation = organisation
        if organisation is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_from(organisation)
        # A new description is written in the language of the page, unless the writer says otherwise.
        kwargs["initial"] = {"description_language": get_language(), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        if organisation is None or not organisation.logo:
            del self.fields["remove_logo"]

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if "latitude" in cleaned and "longitude" in cleaned and (latitude is None) != (longitude is None):
            raise ValidationError(
                _("Please enter both latitude and longitude, or leave both empty."),
                code="half_coordinates",
            )
        return cleaned

    def service_fields(self) -> dict:
        """The cleaned data as the services take it."""
        data = dict(self.cleaned_data)
        data["topics"] = list(data.get("topics") or [])
        if not data.get("logo"):
            data["logo"] = None
        return data


def initial_from(organisation: Organisation) -> dict:
    return {
        "name": organisation.name,
        "kind": organisation.kind,
        "sector": organisation.sector,
        "description": organisation.description,
        "description_language": organisation.description_language,
        "topics": [topic.pk for topic in organisation.topics.all()],
        "languages": [language.code for language in organisation.languages.all()],
        "street": organisation.street,
        "postcode": organisation.postcode,
        "municipality": organisation.municipality_id,
        "latitude": organisation.latitude,
        "longitude": organisation.longitude,
        "opening_hours": organisation.opening_hours,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "visibility": organisation.visibility,
    }


class InviteForm(forms.Form):
    email = EmailField(label=_("E-mail address of the person you invite"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
    )


class MemberActionForm(forms.Form):
    """One button on the members page; the choices are limited to this organisation."""

    ACTIONS = [
        ("approve", "approve"),
        ("decline", "decline"),
        ("remove", "remove"),
        ("make_admin", "make_admin"),
        ("make_member", "make_member"),
        ("contact_on", "contact_on"),
        ("contact_off", "contact_off"),
        ("revoke", "revoke"),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    membership = ids.ModelChoiceField(queryset=Membership.objects.none(), required=False)
    invitation = ids.ModelChoiceField(queryset=Membership.objects.none(), required=False)

    def __init__(self, *args, organisation: Organisation, **kwargs):

        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = Membership.objects.filter(organisation=organisation).select_related(
            "user", "organisation__municipality"
        )
        self.fields["invitation"].queryset = Invitation.objects.filter(organisation=organisation)

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "revoke" and not cleaned.get("invitation"):
            raise ValidationError(_("This invitation no longer exists."), code="missing")
        if action and action != "revoke" and not cleaned.get("membership"):
            raise ValidationError(_("This membership no longer exists."), code="missing")
        return cleaned


class OrganisationFilterForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", _("All sectors")), *Sector.choices], required=False)
    verified = forms.ChoiceField(
        label=_("Verification"),
        choices=[("", _("Verified or not")), ("yes", _("Verified")), ("no", _("Not verified yet"))],
        required=False,
        error_messages={"invalid_choice": _("Please choose from the list.")},
    )
    region = ids.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All regions"),
    )
