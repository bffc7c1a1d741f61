"""Input of the feed, validated with clear, translated messages.

Texts are limited in the form (10 000 characters for a post, 3 000 for a comment) before
anything parses them; Markdown and mentions are handled by the services after that.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from landnetz.core import ids
from landnetz.core.fields import CheckboxSelectMultiple, RadioSelect
from landnetz.core.languages import WRITTEN_LANGUAGES
from landnetz.core.models import Region
from landnetz.core.validators import validate_multiline_text, validate_plain_text
from landnetz.feed.models import MAX_BODY, MAX_COMMENT, Post, PostAttachment, PostImage, Reaction
from landnetz.feed.services.posts import MAX_FILES, MAX_PICTURES, PIN_DAYS
from landnetz.feed.uploads import clean_attachment, clean_picture, max_file_bytes
from landnetz.groups import permissions as group_permissions
from landnetz.groups import queries as group_queries
from landnetz.organisations import queries as organisation_queries
from landnetz.organisations.permissions import is_org_admin

PICTURE_SLOTS = 2
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,140}")
TOO_LONG = _("Please shorten your text to at most %(limit_value)s characters (it has %(show_value)s).")
LANGUAGE_ERRORS = {"invalid_choice": _("Please choose a language from the list.")}
NOT_IN_GROUP = _("You can post only in groups you are a member of. Please choose one of your groups.")


def is_slug(value: str) -> bool:
    """A group's address as groups gives them (nothing else is looked up in the database)."""
    return bool(SLUG.fullmatch(value or ""))


def _language_initial(user) -> str:
    """The language of the page the author writes in (else their interface language)."""
    language = get_language() or getattr(user, "preferred_language", "de")
    return language if language in dict(WRITTEN_LANGUAGES) else "de"


def text_field(*, label, maximum: int, help_text="", rows: int = 8) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=maximum,
        widget=forms.Textarea(attrs={"rows": rows, "dir": "auto"}),
        validators=[validate_multiline_text],
        help_text=help_text,
        error_messages={"max_length": TOO_LONG, "required": _("Please write something.")},
    )


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (``<input type=file multiple>``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


POST_HELP = _(
    "Two stars on each side make a word bold (**like this**), a line that starts with “- ” "
    "becomes a list, and [text](https://…) becomes a link. To mention a member, write their "
    "name in square brackets after an @, for example @[Anna Schmidt]: they are told about it."
)


class PostForm(forms.Form):
    """A new post, or the changes to one (``post=``: the audience then stays as it is)."""

    body = text_field(label=_("Your post"), maximum=MAX_BODY, help_text=POST_HELP, rows=10)
    body_language = forms.ChoiceField(
        label=_("Language of your post"),
        choices=WRITTEN_LANGUAGES,
        error_messages=LANGUAGE_ERRORS,
        help_text=_("Screen readers then read your post with the right pronunciation."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of post"),
        choices=Post.Kind.choices,
        initial=Post.Kind.NEWS,
        widget=RadioSelect,
        error_messages={"invalid_choice": _("Please choose a kind from the list.")},
    )
    target = forms.ChoiceField(
        label=_("Who can read it"),
        choices=[
            (Post.Target.NETWORK, _("All members of the network")),
            (Post.Target.REGION, _("The members in one region (choose it below)")),
            (Post.Target.GROUP, _("The members of one of my groups (choose it below)")),
        ],
        initial=Post.Target.NETWORK,
        widget=RadioSelect,
        error_messages={"invalid_choice": _("Please choose who can read your post.")},
    )
    region = ids.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Please choose"),
        error_messages={"invalid_choice": _("Please choose a region from the list.")},
    )
    group = forms.ChoiceField(label=_("Group"), required=False, error_messages={"invalid_choice": NOT_IN_GROUP})
    organisation = ids.ModelChoiceField(
        label=_("On behalf of"),
        queryset=organisation_queries.organisations_of(None),
        required=False,
        empty_label=_("In my own name"),
        help_text=_("Organisations you administer can speak through you."),
        error_messages={"invalid_choice": _("You can post only on behalf of organisations you administer.")},
    )
    attachments = MultipleFileField(
        label=_("Attach files"),
        required=False,
        widget=MultipleFileInput(
            attrs={"accept": ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,image/jpeg,image/png,image/webp"}
        ),
    )

    def __init__(self, *args, user, post: Post | None = None, group=None, **kwargs):
        self.user, self.post, self.fixed_group = user, post, group
        initial = kwargs.setdefault("initial", {})
        if post is not None:
            initial.setdefault("body", post.body)
            initial.setdefault("body_language", post.body_language)
            initial.setdefault("kind", post.kind)
            initial.setdefault("organisation", post.organisation_id)
        else:
            initial.setdefault("body_language", _language_initial(user))
            if group is not None:
                initial.setdefault("target", Post.Target.GROUP)
                initial.setdefault("group", group.slug)
            elif getattr(user, "region", None) is not None:
                initial.setdefault("region", user.region.slug)
        super().__init__(*args, **kwargs)
        self._groups = {group.slug: group for group in group_queries.groups_of(user)}
        self.fields["group"].choices = [("", _("Please choose")), *((slug, g.name) for slug, g in self._groups.items())]
        # The organisations the author administers (and the one a post already speaks for).
        own = organisation_queries.organisations_of(user)
        speaking = [pk for pk in own.values_list("pk", flat=True) if is_org_admin(user, pk)]
        if post is not None and post.organisation_id:
            speaking.append(post.organisation_id)
        if speaking:
            self.fields["organisation"].queryset = organisation_queries.organisations_visible_to(user).filter(
                pk__in=speaking
            )
        else:
            del self.fields["organisation"]
        if post is not None:
            del self.fields["target"], self.fields["region"], self.fields["group"]
        elif group is not None:
            # Posting from a group's page: the audience is that group.
            self.fields["target"].widget = forms.HiddenInput()
            self.fields["group"].widget = forms.HiddenInput()
            del self.fields["region"]
        self.fields["attachments"].help_text = _(
            "Optional: up to %(count)s files (PDF, Word, Excel, PowerPoint, OpenDocument or pictures), "
            "each at most %(megabytes)s MB. Readers can download them."
        ) % {"count": MAX_FILES, "megabytes": max_file_bytes() // (1024 * 1024)}
        pictures_left = MAX_PICTURES - (post.images.count() if post is not None else 0)
        for number in range(1, min(PICTURE_SLOTS, pictures_left) + 1):
            self.fields[f"picture_{number}"] = forms.FileField(
                label=_("Picture %(number)s") % {"number": number},
                required=False,
                widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
                help_text=_("Optional: JPEG, PNG or WebP, at most 8 MB."),
            )
            self.fields[f"description_{number}"] = forms.CharField(
                label=_("What the picture %(number)s shows") % {"number": number},
                required=False,
                max_length=300,
                validators=[validate_multiline_text],
                help_text=_(
                    "For people who cannot see the picture, for example “The language café in the fire station”."
                ),
            )
        if post is not None:
            self.fields["remove_pictures"] = ids.ModelMultipleChoiceField(
                label=_("Remove pictures"),
                queryset=PostImage.objects.filter(post=post),
                required=False,
                widget=CheckboxSelectMultiple,
            )
            self.fields["remove_attachments"] = ids.ModelMultipleChoiceField(
                label=_("Remove files"),
                queryset=PostAttachment.objects.filter(post=post),
                required=False,
                widget=CheckboxSelectMultiple,
            )
            self.fields["remove_pictures"].label_from_instance = lambda image: image.description
            self.fields["remove_attachments"].label_from_instance = lambda file: file.name
            if not self.fields["remove_pictures"].queryset.exists():
                del self.fields["remove_pictures"]
            if not self.fields["remove_attachments"].queryset.exists():
                del self.fields["remove_attachments"]

    def clean_group(self):
        slug = self.cleaned_data.get("group")
        if not slug:
            return None
        if slug not in self._groups:
            raise ValidationError(NOT_IN_GROUP, code="not_member")
        return self._groups[slug]

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise ValidationError(
                _("Please attach at most %(limit)s files."), params={"limit": MAX_FILES}, code="too_many"
            )
        errors, cleaned = [], []
        for upload in files:
            try:
                cleaned.append(clean_attachment(upload))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if self.fixed_group is not None and self.post is None:
            cleaned["target"], target = Post.Target.GROUP, Post.Target.GROUP
        if target == Post.Target.REGION and "region" in self.fields and not cleaned.get("region"):
            self.add_error(
                "region", ValidationError(_("Please choose the region whose members should read it."), code="required")
            )
        if (
            target == Post.Target.GROUP
            and "group" in self.fields
            and not cleaned.get("group")
            and "group" not in self.errors
        ):
            self.add_error("group", ValidationError(_("Please choose one of your groups."), code="required"))
        pictures = []
        for name in [name for name in self.fields if name.startswith("picture_")]:
            number = name.removeprefix("picture_")
            upload = cleaned.get(name)
            description = (cleaned.get(f"description_{number}") or "").strip()
            if not upload:
                continue
            try:
                content = clean_picture(upload)
            except ValidationError as error:
                self.add_error(name, error)
                continue
            if not description:
                self.add_error(
                    f"description_{number}",
                    ValidationError(_("Please describe the picture in a few words."), code="required"),
                )
                continue
            pictures.append((content, description))
        cleaned["pictures"] = pictures
        return cleaned

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {
            "body": data["body"],
            "body_language": data["body_language"],
            "kind": data["kind"],
            "pictures": data.get("pictures", []),
            "attachments": data.get("attachments", []),
        }
        if "organisation" in self.fields:
            fields["organisation"] = data.get("organisation")
        elif self.post is not None:
            fields["organisation"] = self.post.organisation
        if self.post is None:
            target = data["target"]
            fields["target"] = target
            fields["region"] = data.get("region") if target == Post.Target.REGION else None
            fields["group"] = (self.fixed_group or data.get("group")) if target == Post.Target.GROUP else None
        else:
            fields["remove_pictures"] = list(data.get("remove_pictures") or [])
            fields["remove_attachments"] = list(data.get("remove_attachments") or [])
        return fields


class CommentForm(forms.Form):
    body = text_field(
        label=_("Your comment"),
        maximum=MAX_COMMENT,
        rows=3,
        help_text=_("To mention a member, write @[their name], for example @[Anna Schmidt]."),
    )
    body_language = forms.ChoiceField(
        label=_("Language of your comment"), choices=WRITTEN_LANGUAGES, error_messages=LANGUAGE_ERRORS
    )
    parent = forms.CharField(required=False, widget=forms.HiddenInput, max_length=20, validators=[validate_plain_text])

    def __init__(self, *args, user=None, comment=None, **kwargs):
        initial = kwargs.setdefault("initial", {})
        if comment is not None:
            initial.setdefault("body", comment.body)
            initial.setdefault("body_language", comment.body_language)
        else:
            initial.setdefault("body_language", _language_initial(user))
        super().__init__(*args, **kwargs)
        if comment is not None:
            del self.fields["parent"]

    def clean_parent(self):
        value = (self.cleaned_data.get("parent") or "").strip()
        if not value:
            return None
        if not ids.is_valid_id(value):
            raise ValidationError(
                _("The comment you replied to has been deleted. Your reply was not saved."), code="gone"
            )
        return int(value)


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Reaction.Kind.choices, error_messages={"invalid_choice": _("Please choose a reaction from the list.")}
    )


class PinForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Pin for"),
        coerce=int,
        choices=[(days, _("%(days)s days") % {"days": days}) for days in PIN_DAYS],
        initial=14,
        error_messages={"invalid_choice": _("Please choose how long from the list.")},
    )


class FeedFilterForm(forms.Form):
    """The filters of the feed page (a GET form: its values are in the address)."""

    region = ids.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("My feed (all my regions)"),
        error_messages={"invalid_choice": _("Please choose a region from the list.")},
    )
    group = forms.CharField(
        label=_("Group"), required=False, max_length=140, widget=forms.Select, validators=[validate_plain_text]
    )
    kind = forms.ChoiceField(
        label=_("Kind of post"),
        choices=[("", _("All kinds")), *Post.Kind.choices],
        required=False,
        error_messages={"invalid_choice": _("Please choose a kind from the list.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        choices = [
            ("", _("My feed (all my groups)")),
            *((group.slug, group.name) for group in group_queries.groups_of(user)),
        ]
        chosen = (self.data.get("group") or "") if self.is_bound else ""
        if chosen and chosen not in dict(choices) and is_slug(chosen):
            # A group the member reads without being in it (an open group's page links here).
            group = self._readable_group(chosen)
            if group is not None:
                choices.append((group.slug, group.name))
        self.fields["group"].widget.choices = choices

    def _readable_group(self, slug: str):
        group = group_queries.visible_group(self.user, slug)
        if group is None or not group_permissions.can_read_content(self.user, group):
            return None
        return group

    def clean_group(self):
        slug = (self.cleaned_data.get("group") or "").strip()
        if not slug:
            return None
        group = self._readable_group(slug) if is_slug(slug) else None
        if group is None:
            raise ValidationError(_("Please choose a group from the list."), code="invalid_choice")
        return group

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("region") and cleaned.get("group"):
            raise ValidationError(
                _("Please choose a region or a group, not both: posts go either to a region or to a group."),
                code="both",
            )
        return cleaned
