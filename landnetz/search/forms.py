import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from landnetz.core.fields import RadioSelect
from landnetz.core.ids import ModelChoiceField
from landnetz.core.validators import validate_multiline_text, validate_plain_text
from landnetz.search import registry
from landnetz.search.models import Term
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


# Words are separated by new lines, commas or semicolons ("Kinderärztin, Pädiatrie").
_SEPARATORS = re.compile(r"[\n,;]+")
MAX_WORDS = 40
MAX_WORD_LENGTH = 80


def split_words(value: str) -> list[str]:
    return [word.strip() for word in _SEPARATORS.split(value or "") if word.strip()]


class TermForm(forms.Form):
    """A vocabulary term: German name, kind, broader term and words in every language."""

    name = forms.CharField(
        label=_("Word in German"),
        max_length=80,
        validators=[validate_plain_text],
        help_text=_("The usual German word, for example “Kinderarzt” or “Deutschkurs”."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Term.Kind.choices, widget=RadioSelect)
    broader = ModelChoiceField(
        label=_("Part of"),
        queryset=Term.objects.all(),
        required=False,
        empty_label=_("(none)"),
        help_text=_("A search for the broader word also finds this one: “Kinderarzt” is part of “Arzt”."),
    )

    def __init__(self, *args, term: Term | None = None, **kwargs):
        if term is not None:
            kwargs.setdefault(
                "initial",
                {"name": term.name, "kind": term.kind, "broader": term.broader_id}
                | {f"words_{code}": "\n".join(words) for code, words in term.synonyms.items()},
            )
        super().__init__(*args, **kwargs)
        if term is not None:
            self.fields["broader"].queryset = Term.objects.exclude(pk=term.pk)
        for code, language in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                label = _("More German words: word family, female forms, specialties")
            else:
                label = _("Words in %(language)s") % {"language": language}
            self.fields[f"words_{code}"] = forms.CharField(
                label=label,
                required=False,
                max_length=MAX_WORDS * (MAX_WORD_LENGTH + 1),
                widget=forms.Textarea(attrs={"rows": 3}),
                validators=[validate_multiline_text],
                help_text=_("One per line or separated by commas."),
            )

    def clean(self):
        cleaned = super().clean()
        for code, _language in settings.LANGUAGES:
            words = split_words(cleaned.get(f"words_{code}", ""))
            if len(words) > MAX_WORDS:
                self.add_error(f"words_{code}", _("Please enter at most %(count)d words.") % {"count": MAX_WORDS})
            elif any(len(word) > MAX_WORD_LENGTH for word in words):
                self.add_error(
                    f"words_{code}",
                    _("Each word or phrase can be at most %(count)d characters long.") % {"count": MAX_WORD_LENGTH},
                )
        return cleaned

    def synonyms(self) -> dict[str, list[str]]:
        return {code: split_words(self.cleaned_data.get(f"words_{code}", "")) for code, _language in settings.LANGUAGES}
