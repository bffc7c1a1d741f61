"""Input of the groups app, validated with clear, translated messages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from landnetz.core import ids
from landnetz.core.fields import EmailField, RadioSelect
from landnetz.core.languages import WRITTEN_LANGUAGES
from landnetz.core.models import Region
from landnetz.core.validators import validate_multiline_text, validate_plain_text
from landnetz.groups.models import Group, GroupInvitation, GroupMembership

# What each kind means, in plain words (the form's choices and the group page say it).
KIND_EXPLANATIONS = {
    Group.Kind.OPEN: _("Open: every member of the network can see the group and join it at once."),
    Group.Kind.CLOSED: _(
        "Closed: every member can find the group; to join, they ask and the administrators decide. "
        "Only members read what is posted in it."
    ),
    Group.Kind.SECRET: _("Secret: only its members know that the group exists. New members join by invitation only."),
}

REGION_ERRORS = {"invalid_choice": _("Please choose a region from the list.")}


class GroupForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the group"),
        max_length=120,
        validators=[validate_plain_text],
        help_text=_("Short and clear, for example “Sprachcafé-Ehrenamtliche Tangerhütte”."),
    )
    kind = forms.ChoiceField(
        label=_("Who can see and join the group"),
        choices=list(KIND_EXPLANATIONS.items()),
        widget=RadioSelect,
        initial=Group.Kind.CLOSED,
        error_messages={"invalid_choice": _("Please choose a kind of group from the list.")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_multiline_text],
        help_text=_(
            "What the group is for and who should join. Two stars on each side make a word bold "
            "(**like this**), a line that starts with “- ” becomes a list, and [text](https://…) becomes a link."
        ),
    )
    description_language = forms.ChoiceField(
        label=_("Language of the description"),
        choices=WRITTEN_LANGUAGES,
        required=False,
        help_text=_("Screen readers then read the description with the right pronunciation."),
        error_messages={"invalid_choice": _("Please choose a language from the list.")},
    )
    region = ids.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        required=False,
        empty_label=_("The whole network (no region)"),
        help_text=_("Where the group works. Moderators of that region look after reports about it."),
        error_messages=REGION_ERRORS,
    )

    def __init__(self, *args, group: Group | None = None, **kwargs):
        self.group = group
        initial = initial_from(group) if group is not None else {}
        # A new description is written in the language of the page, unless the writer says otherwise.
        kwargs["initial"] = {"description_language": get_language(), **initial, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


def initial_from(group: Group) -> dict:
    return {
        "name": group.name,
        "kind": group.kind,
        "description": group.description,
        "description_language": group.description_language,
        "region": group.region_id,
    }


class GroupFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name contains"),
        max_length=100,
        required=False,
        validators=[validate_plain_text],
    )
    region = ids.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All regions"),
        error_messages=REGION_ERRORS,
    )
    mine = forms.BooleanField(label=_("Only my groups"), required=False)


class InviteForm(forms.Form):
    email = EmailField(label=_("E-mail address of the person you invite"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=GroupMembership.Role.choices,
        initial=GroupMembership.Role.MEMBER,
        widget=RadioSelect,
        error_messages={"invalid_choice": _("Please choose a role from the list.")},
    )


class MemberActionForm(forms.Form):
    """One button on the members page; the choices are limited to this group."""

    ACTIONS = [
        ("approve", "approve"),
        ("decline", "decline"),
        ("remove", "remove"),
        ("make_admin", "make_admin"),
        ("make_member", "make_member"),
        ("hand_over", "hand_over"),
        ("revoke", "revoke"),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    membership = ids.ModelChoiceField(queryset=GroupMembership.objects.none(), required=False)
    invitation = ids.ModelChoiceField(queryset=GroupInvitation.objects.none(), required=False)

    def __init__(self, *args, group: Group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = GroupMembership.objects.filter(group=group).select_related("user", "group")
        self.fields["invitation"].queryset = GroupInvitation.objects.filter(group=group).select_related("group")

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "revoke" and not cleaned.get("invitation"):
            raise ValidationError(_("This invitation no longer exists."), code="missing")
        if action and action != "revoke" and not cleaned.get("membership"):
            raise ValidationError(_("This membership no longer exists."), code="missing")
        return cleaned
