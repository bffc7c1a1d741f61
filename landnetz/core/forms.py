from django import forms
from django.conf import settings
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from landnetz.core.fields import PostcodeField
from landnetz.core.models import LegalPage
from landnetz.core.validators import validate_multiline_text, validate_plain_text


class PostcodeForm(forms.Form):
    postcode = PostcodeField(label=_("Postcode"), help_text=_("Five digits, for example 39576."))


class LegalPageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_plain_text])
    body = forms.CharField(
        label=_("Text"),
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 20}),
        validators=[validate_multiline_text],
        help_text=_("Markdown: **bold**, *italic*, lists with “- ”, headings with “## ”, links as [text](https://…)."),
    )

    slug_choices = LegalPage.Slug


class TopicForm(forms.Form):
    """German name (required) and optional names in the other interface languages."""

    name = forms.CharField(label=_("Name in German"), max_length=80, validators=[validate_plain_text])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, language in settings.LANGUAGES:
            if code != settings.LANGUAGE_CODE:
                self.fields[f"name_{code}"] = forms.CharField(
                    label=_("Name in %(language)s") % {"language": language},
                    max_length=80,
                    required=False,
                    validators=[validate_plain_text],
                )

    def translations(self) -> dict[str, str]:
        return {
            code: self.cleaned_data[f"name_{code}"].strip()
            for code, _language in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE and self.cleaned_data.get(f"name_{code}", "").strip()
        }


# --- Error messages that say what to do ----------------------------------------------------
#
# Django's own texts ("This field is required.", "Enter a valid email address.") say what is
# wrong, not what to do, and a screen reader that reads the error alone does not hear which
# field it is about. Every form renders its errors through ``FriendlyBoundField.errors``
# (``FORM_RENDERER``), which replaces Django's default texts — and only those: a form's own
# message ("Please agree to the privacy statement …") stays as it is.

REQUIRED = {
    "input": _("Please fill in: %(label)s"),
    "choice": _("Please choose: %(label)s"),
    "checkbox": _("Please tick: %(label)s"),
}
INVALID_EMAIL = _("Please enter a complete e-mail address, for example name@example.org")
INVALID_CHOICE = _("Please choose an entry from the list.")
PASSWORD_MESSAGES = {
    "password_too_short": _(
        "Please use at least %(min_length)d characters, for example three or four words that have "
        "nothing to do with each other."
    ),
    "password_too_common": _(
        "Many people use this password, so it is guessed early. Please choose another one, for example "
        "three or four words that have nothing to do with each other."
    ),
    "password_entirely_numeric": _(
        "Please do not use digits only. Three or four words that have nothing to do with each other work well."
    ),
    "password_too_similar": _("This password is too close to your name or e-mail address. Please choose another one."),
}


def _default_messages(field) -> dict:
    """Django's texts for this field: its class's and its default validators' (e-mail)."""
    messages = {}
    for validator in getattr(field, "default_validators", []):
        if getattr(validator, "code", None) and getattr(validator, "message", None):
            messages[validator.code] = validator.message
    for cls in reversed(type(field).__mro__):
        messages.update(getattr(cls, "default_error_messages", {}))
    return messages


def _is_default(field, error) -> bool:
    default = _default_messages(field).get(error.code)
    return default is not None and str(error.message) == str(default)


def friendly_message(field: forms.Field, label: str, error) -> str:
    """The text shown for one ``ValidationError`` of ``field``."""
    if _is_default(field, error):
        if error.code == "required":
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                kind = "checkbox"
            elif isinstance(widget, forms.Select | forms.RadioSelect | forms.CheckboxSelectMultiple):
                kind = "choice"
            else:
                kind = "input"
            return str(REQUIRED[kind]) % {"label": label}
        if error.code == "invalid" and isinstance(field, forms.EmailField):
            return str(INVALID_EMAIL)
        if error.code in {"invalid_choice", "invalid_pk_value"}:
            return str(INVALID_CHOICE)
    return _format(error)


def _format(error) -> str:
    message = error.message
    if error.code in PASSWORD_MESSAGES:
        message = PASSWORD_MESSAGES[error.code]
    return str(message) % error.params if error.params else str(message)


class FriendlyBoundField(BoundField):
    @property
    def errors(self):
        errors = self.form.errors.get(self.name)
        if not errors:
            return super().errors
        texts: list[str] = []
        for error in errors.as_data():
            text = friendly_message(self.field, str(self.label), error)
            if text not in texts:  # the same message once, even if two checks found it
                texts.append(text)
        return self.form.error_class(texts, renderer=self.form.renderer)


class FormRenderer(DjangoTemplates):
    """Django's renderer, with errors that say what to do (``FORM_RENDERER``)."""

    bound_field_class = FriendlyBoundField
