from django import forms
from django.conf import settings
from django.forms import formset_factory
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from landnetz.accounts import services
from landnetz.accounts.models import User
from landnetz.core import ids
from landnetz.core import queries as core_queries
from landnetz.core.fields import (
    CheckboxSelectMultiple,
    EmailField,
    MunicipalityField,
    PhoneField,
    RadioSelect,
    URLField,
)
from landnetz.core.images import clean_image
from landnetz.core.languages import LANGUAGE_NAMES, SPOKEN_LANGUAGES, WRITTEN_LANGUAGES, LanguageLevel
from landnetz.core.models import Municipality, Region, Sector, Topic, Visibility
from landnetz.core.validators import ascii_digits, is_ascii_number, validate_multiline_text, validate_plain_text


def _privacy_link() -> str:
    return format_html(
        '<a class="kern-link" href="{}" target="_blank" rel="noopener">{}</a>',
        reverse("core:legal_page", kwargs={"slug": "datenschutz"}),
        gettext("Read the privacy statement (opens in a new window)"),
    )


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth adds e-mail and password and calls signup()."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        validators=[validate_plain_text],
        help_text=_("How other members see you, for example “Anna Schmidt”."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    place = forms.CharField(
        label=_("Your postcode or town"),
        required=False,
        max_length=60,
        validators=[validate_plain_text],
        help_text=_("We find your region for you, for example 39517 or Tangerhütte."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    region = ids.ModelChoiceField(
        label=_("Or choose your region"),
        queryset=Region.objects.order_by("name"),
        required=False,
        empty_label=_("Please choose"),
        help_text=_("The Landkreis or kreisfreie Stadt where you live or work."),
        error_messages={"invalid_choice": _("Please choose a region from the list.")},
    )
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy statement and agree to it."),
        help_text=lazy(_privacy_link, str)(),
        error_messages={"required": _("Please agree to the privacy statement to create an account.")},
    )

    field_order = ["display_name", "email", "place", "region", "password1", "password2", "privacy_consent"]

    def clean_place(self):
        """A postcode or town names the municipality, and with it the region."""
        text = ascii_digits(self.cleaned_data["place"].strip())
        if not text:
            return None
        if is_ascii_number(text) and len(text) == 5:
            places = list(core_queries.municipalities_for_postcode(text))
            if len({place.region_id for place in places}) > 1:
                raise forms.ValidationError(
                    _("This postcode covers places in more than one region. Please enter the name of your town.")
                )
            if len(places) > 1:
                # One region, several towns: the region is known, the town is not.
                return Municipality(name=text, region=places[0].region)
            municipality = places[0] if places else None
        else:
            municipality = core_queries.municipality_named(text)
        if municipality is None:
            raise forms.ValidationError(
                _("We do not know this place. Please enter a postcode or the name of a municipality.")
            )
        return municipality

    def clean(self):
        """Check the password against the name too: allauth's own check only knows the address."""
        cleaned = super().clean()
        municipality = cleaned.get("place")
        if municipality is not None:
            cleaned["region"] = municipality.region
        elif not cleaned.get("region") and "place" not in self.errors and "region" not in self.errors:
            self.add_error("region", _("Please enter your postcode or town, or choose your region."))
        password, name = cleaned.get("password1"), cleaned.get("display_name")
        if password and name:
            from allauth.account.adapter import get_adapter

            try:
                get_adapter().clean_password(password, user=User(email=cleaned.get("email") or "", display_name=name))
            except forms.ValidationError as error:
                self.add_error("password1", error)  # allauth then skips its own, identical check
        return cleaned

    def signup(self, request, user) -> None:

        services.complete_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            region=self.cleaned_data["region"],
            municipality=place if (place := self.cleaned_data.get("place")) is not None and place.pk else None,
            language=getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        )


# The privacy statement link stands before the box: people read it before they tick.
SignupForm.base_fields["privacy_consent"].hint_first = True


class ConsentForm(forms.Form):
    privacy_consent = SignupForm.base_fields["privacy_consent"]


class ChangeAddressForm(forms.Form):
    """The form "Wrong address? Change it" on the page that asks to confirm the address."""

    email = EmailField(
        label=_("Correct e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        from allauth.account.adapter import get_adapter

        return get_adapter().clean_email(self.cleaned_data["email"].strip().lower())


class PreferencesForm(forms.Form):
    display_name = SignupForm.base_fields["display_name"]
    region = ids.ModelChoiceField(
        label=_("Your region"),
        queryset=Region.objects.order_by("name"),
        required=False,
        empty_label=_("No region"),
        error_messages={"invalid_choice": _("Please choose a region from the list.")},
    )
    preferred_language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_("Pages and e-mails use this language."),
    )
    large_text = forms.BooleanField(
        label=_("Large text"), required=False, help_text=_("Show all pages with larger text.")
    )


# --- Profile ---------------------------------------------------------------------------


def _visibility_field(label, **kwargs):
    """Who sees the profile or one contact detail: radio buttons, all options in view."""
    return forms.ChoiceField(
        label=label, choices=Visibility.choices, initial=Visibility.NOBODY, widget=RadioSelect, **kwargs
    )


class ProfileForm(forms.Form):
    visibility = _visibility_field(
        _("Who can see my profile"),
        help_text=_("“Only me” hides your profile from the directory. Each contact detail below has its own setting."),
    )
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB. We remove location data and other hidden information."),
        error_messages={
            "invalid_image": _("This file is not an image we can use. Please upload a JPEG, PNG or WebP picture.")
        },
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    bio = forms.CharField(
        label=_("About me"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[validate_multiline_text],
        help_text=_(
            "What you do, what you can help with. Two stars on each side make a word bold (**like this**); "
            "a line that starts with “- ” becomes a list."
        ),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", _("Please choose")), *Sector.choices], required=False)
    job_title = forms.CharField(
        label=_("Role or job title"), max_length=120, required=False, validators=[validate_plain_text]
    )
    bio_language = forms.ChoiceField(
        label=_("Language of these texts"),
        choices=WRITTEN_LANGUAGES,
        required=False,
        help_text=_(
            "In which language did you write your role and “About me”? "
            "Screen readers then read them with the right pronunciation."
        ),
        error_messages={"invalid_choice": _("Please choose a language from the list.")},
    )
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        empty_label=_("Please choose"),
        help_text=_("Where you live or work. Your region follows from it."),
    )
    topics = ids.ModelMultipleChoiceField(
        label=_("Topics I know about"),
        queryset=Topic.objects.all(),
        required=False,
        widget=CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Please choose topics from the list."),
            "invalid_pk_value": _("Please choose topics from the list."),
        },
    )
    is_interpreter = forms.BooleanField(label=_("I can interpret or mediate between languages"), required=False)
    open_to_newcomers = forms.BooleanField(label=_("Newcomers may contact me"), required=False)
    contact_email = EmailField(label=_("Contact e-mail"), required=False)
    contact_email_visibility = _visibility_field(_("Who can see the contact e-mail"))
    phone = PhoneField(label=_("Phone"), required=False)
    phone_visibility = _visibility_field(_("Who can see the phone number"))
    messenger = URLField(
        label=_("Messenger link"),
        max_length=300,
        required=False,
        assume_scheme="https",
        help_text=_("For example https://signal.me/#p/+49… or https://t.me/…"),
    )
    messenger_visibility = _visibility_field(_("Who can see the messenger link"))
    office_hours = forms.CharField(
        label=_("Office hours"), max_length=300, required=False, validators=[validate_plain_text]
    )
    office_hours_visibility = _visibility_field(_("Who can see the office hours"))

    def __init__(self, *args, writer_language: str = settings.LANGUAGE_CODE, **kwargs):
        super().__init__(*args, **kwargs)
        self.writer_language = writer_language

    @classmethod
    def typed(cls, data, files=None) -> dict:
        """What was typed into the form, as initial values (the photo cannot come back)."""
        form = cls()
        return {
            name: field.widget.value_from_datadict(data, files or {}, form.add_prefix(name))
            for name, field in form.fields.items()
            if not isinstance(field, forms.FileField)
        }

    def clean_bio_language(self):
        """Not sent (an older page): the language the member writes in, the page's."""
        return self.cleaned_data["bio_language"] or self.writer_language

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            clean_image(photo)
        return photo

    def clean_messenger(self):
        url = self.cleaned_data["messenger"]
        if url and not url.startswith("https://"):
            raise forms.ValidationError(_("Please enter a link that starts with https://."))
        return url


class ProfileLanguageForm(forms.Form):
    code = forms.ChoiceField(
        label=_("Language"),
        choices=[("", "—"), *SPOKEN_LANGUAGES],
        required=False,
        error_messages={"invalid_choice": _("Please choose a language from the list.")},
    )
    level = forms.ChoiceField(
        label=_("Level"),
        choices=[("", "—"), *LanguageLevel.choices],
        required=False,
        error_messages={"invalid_choice": _("Please choose a level from the list.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("code") and not data.get("level"):
            self.add_error("level", _("Please say how well you speak this language."))
        return data


class BaseLanguageFormSet(forms.BaseFormSet):
    def clean(self):
        # The error goes to the row that repeats a language and names it: "row 6" means
        # nothing to someone who sees no numbers.
        seen = set()
        for form in self.forms:
            code = form.cleaned_data.get("code")
            if code and code in seen:
                form.add_error(
                    "code",
                    _("%(language)s is already in your list. Please choose another language or leave this row empty.")
                    % {"language": LANGUAGE_NAMES.get(code, code)},
                )
            seen.add(code)

    def languages(self) -> list[tuple[str, str]]:
        return [(f.cleaned_data["code"], f.cleaned_data["level"]) for f in self.forms if f.cleaned_data.get("code")]

    @classmethod
    def with_new_row(cls, data, prefix: str):
        """The rows as typed plus one empty row ("Add another language"), nothing validated.

        Without JavaScript the button submits the whole page; it comes back unchanged,
        with one more row, which gets the focus.
        """
        try:
            count = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
        except ValueError:
            count = 0
        count = max(0, min(count, cls.max_num))
        names = list(cls.form.base_fields)
        rows = [{name: data.get(f"{prefix}-{index}-{name}", "") for name in names} for index in range(count)]
        formset = cls(prefix=prefix, initial=rows)
        formset.extra = 1 if count < cls.max_num else 0
        if formset.extra:
            formset.forms[-1].fields["code"].widget.attrs["autofocus"] = True
        return formset


LanguageFormSet = formset_factory(
    ProfileLanguageForm, formset=BaseLanguageFormSet, extra=2, max_num=12, validate_max=True, absolute_max=20
)
