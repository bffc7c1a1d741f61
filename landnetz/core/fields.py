"""Form fields for identifiers that every project form uses instead of Django's own.

E-mail addresses, links, postcodes and phone numbers are shown to other people and
used as links; they reject text-direction and control characters before any other
check (an address shown as "info@example.org" must not point elsewhere), and digits
of other scripts are written as 0–9 before postcodes and phone numbers are checked.
``landnetz/core/tests/test_form_fields.py`` fails when a form uses a field without it.
"""

import re
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from landnetz.core import ids
from landnetz.core.models import Municipality
from landnetz.core.validators import ascii_digits, validate_plain_text


class _PlainTextFirst:
    """Check for invisible control characters before the field's own validators run."""

    def validate(self, value):
        super().validate(value)
        if value:
            validate_plain_text(str(value))


class EmailField(_PlainTextFirst, forms.EmailField):
    pass


class URLField(_PlainTextFirst, forms.URLField):
    pass


validate_postcode = RegexValidator(r"\A[0-9]{5}\Z", _("A German postcode has exactly five digits."))


class PostcodeField(_PlainTextFirst, forms.CharField):
    """A German postcode: five digits 0–9 ("٣٩٥٧٦" is accepted and stored as "39576")."""

    default_validators = [validate_postcode]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 5)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        return ascii_digits(super().to_python(value))


def validate_phone(value: str) -> None:
    """Digits 0–9, spaces and + - / ( ); at least three digits."""
    if not re.fullmatch(r"\+?[0-9 +\-/()]+", value) or len(re.findall(r"[0-9]", value)) < 3:
        raise ValidationError(
            _("A phone number may contain only digits, spaces and the signs + - / ( )."),
            code="phone",
        )


class PhoneField(_PlainTextFirst, forms.CharField):
    """A phone number stored with the digits 0–9 (digits of other scripts are converted)."""

    default_validators = [validate_phone]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "tel"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        return ascii_digits(super().to_python(value))


class RadioSelect(forms.RadioSelect):
    """Radio buttons in KERN's markup (``kern-form-check``), one per line.

    ``templates/forms/field.html`` puts them in a fieldset whose legend is the field's
    label: the group's accessible name. Use it instead of a select where the choice
    matters and the options are few (who sees a profile or a contact detail): all options
    are visible at once, and arrow keys move between them.
    """

    template_name = "core/widgets/radio.html"
    option_template_name = "core/widgets/radio_option.html"


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Several checkboxes in KERN's markup, like ``RadioSelect``: the same 40 px boxes as
    every other checkbox of the site (Django's own are the browser's 13 px ones)."""

    template_name = "core/widgets/radio.html"  # the list markup is the same
    option_template_name = "core/widgets/checkbox_option.html"


class _MunicipalitiesByRegion(ModelChoiceIterator):
    """The municipalities as one ``<optgroup>`` per region (Landkreis or kreisfreie Stadt)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = self.queryset.select_related("region").order_by("region__name", "name", "pk")
        for region, municipalities in groupby(rows, key=lambda municipality: municipality.region):
            # "Landkreis Stendal", "Dessau-Roßlau, Stadt": the official names say the kind.
            yield (region.name, [self.choice(municipality) for municipality in municipalities])


class MunicipalityField(ids.ModelChoiceField):
    """A municipality, chosen from a select grouped by region; one query, whatever the data."""

    iterator = _MunicipalitiesByRegion

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Municipality.objects.select_related("region"))
        kwargs.setdefault("error_messages", {"invalid_choice": _("Please choose a municipality from the list.")})
        super().__init__(**kwargs)

    def label_from_instance(self, obj) -> str:
        return obj.name
