"""Input of the OpenMIC, validated with clear, translated messages."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from landnetz.asks.models import ANSWER_MAX, BODY_MAX, TITLE_MAX, Question
from landnetz.core import ids
from landnetz.core.fields import CheckboxSelectMultiple
from landnetz.core.languages import SPOKEN_LANGUAGES, WRITTEN_LANGUAGES
from landnetz.core.models import Region, Topic
from landnetz.core.permissions import coordinated_region_ids
from landnetz.core.validators import validate_multiline_text, validate_plain_text

TOO_LONG = _("Please shorten this to at most %(limit_value)d characters (it has %(show_value)d now).")
CHOOSE_TOPICS = {
    "invalid_choice": _("Please choose topics from the list."),
    "invalid_pk_value": _("Please choose topics from the list."),
    "invalid_list": _("Please choose topics from the list."),
}
CHOOSE_LANGUAGES = {
    "invalid_choice": _("Please choose languages from the list."),
    "invalid_list": _("Please choose languages from the list."),
}
CHOOSE_LANGUAGE = {"invalid_choice": _("Please choose a language from the list.")}
MARKDOWN_HINT = _(
    "Two stars on each side make a word bold (**like this**), a line that starts with “- ” "
    "becomes a list, and [text](https://…) becomes a link."
)


class QuestionForm(forms.Form):
    title = forms.CharField(
        label=_("Your question"),
        max_length=TITLE_MAX,
        validators=[validate_plain_text],
        error_messages={"max_length": TOO_LONG},
        help_text=_(
            "One sentence, for example “Where does a Syrian family in Tangerhütte find a paediatrician "
            "who speaks Arabic?”"
        ),
    )
    body = forms.CharField(
        label=_("More about it"),
        required=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[validate_multiline_text],
        error_messages={"max_length": TOO_LONG},
        help_text=format_lazy(
            "{} {}",
            _("What have you tried already, what is urgent? Please write no names of people you help."),
            MARKDOWN_HINT,
        ),
    )
    body_language = forms.ChoiceField(
        label=_("Language of your question"),
        choices=WRITTEN_LANGUAGES,
        required=False,
        error_messages=CHOOSE_LANGUAGE,
        help_text=_("Screen readers then read it with the right pronunciation."),
    )
    region = ids.ModelChoiceField(
        label=_("Whom do you ask?"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("The whole network"),
        error_messages={"invalid_choice": _("Please choose a region from the list, or the whole network.")},
        help_text=_("Members of this region are asked first; everyone can read and answer."),
    )
    topics = ids.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=CheckboxSelectMultiple,
        error_messages=CHOOSE_TOPICS,
        help_text=_("We first ask members who know about these topics."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=CheckboxSelectMultiple,
        error_messages=CHOOSE_LANGUAGES,
        help_text=_("The language the answer should come in, or that the situation is about."),
    )

    def __init__(self, *args, question: Question | None = None, asker=None, **kwargs):
        initial = kwargs.pop("initial", {})
        if question is not None:
            initial = {
                "title": question.title,
                "body": question.body,
                "body_language": question.body_language,
                "region": question.region.slug if question.region_id else "",
                "topics": [topic.pk for topic in question.topics.all()],
                "languages": [language.code for language in question.languages.all()],
                **initial,
            }
        else:
            # A new question is written in the language of the page and goes to the asker's region.
            region = getattr(asker, "region", None)
            initial = {"body_language": get_language(), "region": region.slug if region else "", **initial}
        super().__init__(*args, initial=initial, **kwargs)

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "body": data.get("body", ""),
            "body_language": data.get("body_language") or get_language(),
            "region": data.get("region"),
            "topics": list(data.get("topics") or []),
            "languages": list(data.get("languages") or []),
        }


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_multiline_text],
        error_messages={"max_length": TOO_LONG},
        help_text=format_lazy("{} {}", _("Where to go, whom to ask, what helped you."), MARKDOWN_HINT),
    )
    language = forms.ChoiceField(
        label=_("Language of your answer"),
        choices=WRITTEN_LANGUAGES,
        required=False,
        error_messages=CHOOSE_LANGUAGE,
    )

    def __init__(self, *args, answer=None, **kwargs):
        initial = kwargs.pop("initial", {})
        if answer is not None:
            initial = {"body": answer.body, "language": answer.language, **initial}
        else:
            initial = {"language": get_language(), **initial}
        super().__init__(*args, initial=initial, **kwargs)

    def service_fields(self) -> dict:
        return {"body": self.cleaned_data["body"], "language": self.cleaned_data.get("language") or get_language()}


STATUS_CHOICES = [
    ("", _("All questions, open ones first")),
    ("open", _("Open")),
    ("unanswered", _("Without an answer yet")),
    ("solved", _("Solved")),
    ("closed", _("Closed")),
    ("mine", _("My questions")),
]
COORDINATION = ("coordination", _("Raised to my coordination, without an answer"))
NETWORK = "network"


class FilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Show"), choices=STATUS_CHOICES, required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    topic = ids.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages")), *SPOKEN_LANGUAGES], required=False
    )
    fits = forms.BooleanField(label=_("Only questions that fit my profile"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = {region.slug: region for region in Region.objects.order_by("name")}
        self.fields["region"].choices = [
            ("", _("All regions")),
            (NETWORK, _("Questions to the whole network")),
            *[(slug, region.name) for slug, region in self.regions.items()],
        ]
        if user is not None and coordinated_region_ids(user):
            self.fields["status"].choices = [*STATUS_CHOICES, COORDINATION]
        for name in ("status", "region", "language"):
            self.fields[name].error_messages["invalid_choice"] = _("Please choose from the list.")
