from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from landnetz.core.models import Region
from landnetz.core.validators import validate_plain_text


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
    region = forms.ModelChoiceField(
        label=_("Your region"),
        queryset=Region.objects.order_by("name"),
        empty_label=_("Please choose"),
        help_text=_("The Landkreis or kreisfreie Stadt where you live or work."),
        error_messages={"invalid_choice": _("Please choose a region from the list.")},
    )
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy statement and agree to it."),
        help_text=lazy(_privacy_link, str)(),
        error_messages={"required": _("Please agree to the privacy statement to create an account.")},
    )

    field_order = ["display_name", "email", "region", "password1", "password2", "privacy_consent"]

    def signup(self, request, user) -> None:
        from landnetz.accounts import services

        services.complete_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            region=self.cleaned_data["region"],
            language=getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        )


class PreferencesForm(forms.Form):
    display_name = SignupForm.base_fields["display_name"]
    region = forms.ModelChoiceField(
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
