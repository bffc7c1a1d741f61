"""Input of the messaging app, validated with clear, translated messages.

The member picker works without JavaScript: the form for a new conversation has two
buttons, "Search" (shows matching members, keeps everything typed) and "Send".
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from landnetz.core.fields import RadioSelect
from landnetz.core.ids import is_valid_id
from landnetz.core.languages import WRITTEN_LANGUAGES
from landnetz.core.validators import validate_plain_text
from landnetz.messaging import queries
from landnetz.messaging.models import MAX_PARTICIPANTS, MessagingPreference
from landnetz.messaging.services import clean_body

PICK_FROM_LIST = _("Please choose members from the list.")


def _language_choices():
    return [("", _("not stated")), *WRITTEN_LANGUAGES]


def default_language() -> str:
    """The interface language, if it is one a message can be written in."""
    language = (get_language() or "").split("-")[0]
    return language if language in dict(WRITTEN_LANGUAGES) else ""


class BodyField(forms.CharField):
    """The message: checked by the service's rules (length from MESSAGING_MAX_LENGTH)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Your message"))
        kwargs.setdefault("strip", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 5}))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["maxlength"] = str(settings.MESSAGING_MAX_LENGTH)
        return attrs

    def clean(self, value):
        value = super().clean(value)
        if not self.required and not (value or "").strip():
            return ""
        try:
            return clean_body(value)
        except ValidationError as error:
            raise ValidationError(error.error_dict["body"]) from None


class LanguageField(forms.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Language of the message"))
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", _("Screen readers then read your message with the right voice. You may leave it open.")
        )
        super().__init__(choices=_language_choices, **kwargs)


def _ids(values) -> list[int]:
    ids = []
    for value in values:
        if not is_valid_id(value):
            raise ValidationError(PICK_FROM_LIST, code="invalid_choice")
        ids.append(int(value))
    return list(dict.fromkeys(ids))


class RecipientsMixin:
    """``to``: ids of members, each one the sender may choose (``queries.pickable_members``)."""

    def _clean_recipients(self, *, required: bool):
        values = self.data.getlist("to") if hasattr(self.data, "getlist") else self.data.get("to", [])
        if isinstance(values, str):
            values = [values]
        ids = _ids(values)
        if len(ids) > MAX_PARTICIPANTS * 2:
            raise ValidationError(PICK_FROM_LIST, code="too_many")
        members = queries.pickable_members(self.sender, ids)
        if len(members) != len([pk for pk in ids if pk != self.sender.pk]):
            raise ValidationError(PICK_FROM_LIST, code="invalid_choice")
        if required and not members:
            raise ValidationError(_("Please choose at least one member."), code="required")
        return members


class NewConversationForm(RecipientsMixin, forms.Form):
    """To whom, an optional title (several members) and the first message."""

    q = forms.CharField(
        label=_("Find members"),
        required=False,
        max_length=100,
        validators=[validate_plain_text],
        help_text=_("A name, a role or a place, for example “Beratung Naumburg”. Then press “Search”."),
    )
    title = forms.CharField(
        label=_("Title of the conversation"),
        required=False,
        max_length=120,
        validators=[validate_plain_text],
        help_text=_("Only when you write to several members, for example “Sprachcafé Planung”."),
    )
    body = BodyField()
    body_language = LanguageField()

    def __init__(self, *args, sender, searching: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.sender = sender
        self.searching = searching
        self.recipients: list = []
        if searching:  # "Search": nothing is sent, so nothing else is required yet
            self.fields["body"].required = False

    def clean(self):
        cleaned = super().clean()
        try:
            self.recipients = self._clean_recipients(required=not self.searching)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self.searching:
            # Only the search words and the chosen members count for "Search".
            for name in ("body", "title", "body_language"):
                self.errors.pop(name, None)


class ReplyForm(forms.Form):
    body = BodyField(label=_("Your answer"))
    body_language = LanguageField()


class AddParticipantsForm(RecipientsMixin, forms.Form):
    q = forms.CharField(
        label=_("Find members"),
        required=False,
        max_length=100,
        validators=[validate_plain_text],
        help_text=_("A name, a role or a place. Then press “Search”."),
    )

    def __init__(self, *args, sender, searching: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.sender = sender
        self.searching = searching
        self.recipients: list = []

    def clean(self):
        cleaned = super().clean()
        try:
            self.recipients = self._clean_recipients(required=not self.searching)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class MuteForm(forms.Form):
    muted = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1", empty_value=None
    )


class PreferenceForm(forms.Form):
    allow_from = forms.ChoiceField(
        label=_("Who may write to me"),
        choices=MessagingPreference.AllowFrom.choices,
        widget=RadioSelect,
        help_text=_(
            "This decides who may start a conversation with you or add you to one. Members you "
            "already have a conversation with can still answer there; to stop one of them, block them."
        ),
    )


class MemberForm(forms.Form):
    """One member id (unblock)."""

    member = forms.CharField(validators=[validate_plain_text])

    def clean_member(self):
        value = self.cleaned_data["member"]
        if not is_valid_id(value):
            raise ValidationError(PICK_FROM_LIST, code="invalid_choice")
        return int(value)
