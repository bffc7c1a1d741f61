from django import forms
from django.conf import settings
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
