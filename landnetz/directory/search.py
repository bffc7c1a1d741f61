"""People in the site search: the directory's own kind ("who does what where").

Profiles live in ``accounts``, below the search seam, so the directory describes them:
only what the member made visible to the profile's audience becomes searchable. The
organisations a member belongs to come from the organisations app through
``core.hooks`` (``ask("organisations_of_members")``), named only where the
organisation itself is visible to that audience.
"""

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from landnetz.accounts.models import Profile
from landnetz.core import hooks
from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.core.models import Sector, Visibility
from landnetz.search.index import labels
from landnetz.search.registry import Document, SearchKind

PERSON = "person"
INTERPRETER_TAG = "interp:yes"
NEWCOMERS_TAG = "newcomers:yes"  # "newcomers may contact me"
INTERPRETER_WORDS = "Sprachmittler Sprachmittlerin Dolmetscher Dolmetscherin"


def is_findable(profile) -> bool:
    return profile.visibility != Visibility.NOBODY and profile.user.is_active and not profile.moderation_hidden


def person_documents(profiles) -> list[Document]:
    """Documents of the findable profiles among ``profiles`` (a few queries per batch)."""
    prefetch_related_objects(list(profiles), "user__region", "user__municipality", "topics", "languages")
    findable = [profile for profile in profiles if is_findable(profile)]
    organisations = hooks.ask("organisations_of_members", [p.user_id for p in findable], default={})
    return [_document(profile, organisations.get(profile.user_id, [])) for profile in findable]


def _document(profile, organisations) -> Document:
    user, municipality = profile.user, profile.user.municipality
    # Organisations are named only where they are visible to this document's audience.
    audiences = {"public"} if profile.visibility == Visibility.PUBLIC else {"public", "members"}
    topics = list(profile.topics.all())
    codes = [language.code for language in profile.languages.all()]
    text = [
        user.display_name,
        profile.job_title,
        profile.bio,
        *(labels(Sector(profile.sector).label) if profile.sector else []),
        *[name for topic in topics for name in [topic.name, *topic.translations.values()]],
        *[str(LANGUAGE_NAMES.get(code, code)) for code in codes],
        *[name for name, visibility in organisations if visibility in audiences],
        municipality.name if municipality else "",
        user.region.name if user.region_id else "",
    ]
    if profile.is_interpreter:
        text += [INTERPRETER_WORDS, *labels(_("interpreter"))]
    return Document(
        kind=PERSON,
        object_id=profile.pk,
        key=str(user.pk),
        title=user.display_name,
        audience=profile.visibility,
        text=text,
        summary=profile.job_title,
        language=profile.bio_language,  # of the summary (job title): the result card marks it
        sector=profile.sector,
        region_id=user.region_id,
        municipality_id=user.municipality_id,
        latitude=_float(municipality.latitude) if municipality else None,
        longitude=_float(municipality.longitude) if municipality else None,
        topics=topics,
        languages=codes,
        tags=[
            tag
            for tag, on in [(INTERPRETER_TAG, profile.is_interpreter), (NEWCOMERS_TAG, profile.open_to_newcomers)]
            if on
        ],
    )


def _float(value) -> float | None:
    return None if value is None else float(value)


def everyone():
    return Profile.objects.select_related("user__region", "user__municipality").prefetch_related("topics", "languages")


PEOPLE = SearchKind(
    name=PERSON,
    label=_("Person"),
    label_plural=_("People"),
    model=Profile,
    documents=person_documents,
    everything=everyone,
    url=lambda key: reverse("people:detail", kwargs={"user_id": key}),
    result_template="directory/result_person.html",
)
