"""Keep the directory's search index in step with profiles and organisations.

Called by the services of ``accounts`` and ``organisations`` inside their transactions.
Only fields the owner made visible to the entry's audience go into the index.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Value
from django.utils import translation

from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.core.models import Sector, Visibility
from landnetz.directory.models import SearchEntry, SearchEntryLanguage
from landnetz.directory.text import fold, index_text

INDEX_LANGUAGES = ("de", "en", "uk", "ar", "ru")


def _labels(choice_label) -> list[str]:
    """A translatable label in every interface language, so any of them finds it."""
    labels = []
    for language in INDEX_LANGUAGES:
        with translation.override(language):
            labels.append(str(choice_label))
    return labels


def _topic_names(topics) -> list[str]:
    return [name for topic in topics for name in [topic.name, *topic.translations.values()]]


def _save(entry: SearchEntry, parts: list[str], topics, language_codes) -> None:
    text = " ".join(part for part in parts if part)
    entry.document = fold(text)
    entry.stemmed = index_text(text)
    entry.sort_title = fold(entry.title)
    entry.save()
    entry.topics.set(topics)
    entry.languages.all().delete()
    SearchEntryLanguage.objects.bulk_create(SearchEntryLanguage(entry=entry, code=code) for code in set(language_codes))
    if connection.vendor == "postgresql":
        SearchEntry.objects.filter(pk=entry.pk).update(search_vector=SearchVector(Value(entry.document), config="german"))
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM directory_fts WHERE rowid = %s", [entry.pk])
            cursor.execute("INSERT INTO directory_fts (rowid, stemmed) VALUES (%s, %s)", [entry.pk, entry.stemmed])


def _remove(**owner) -> None:
    entry = SearchEntry.objects.filter(**owner).first()
    if entry is None:
        return
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM directory_fts WHERE rowid = %s", [entry.pk])
    entry.delete()


def index_profile(profile) -> None:
    user = profile.user
    if profile.visibility == Visibility.NOBODY or not user.is_active:
        _remove(profile=profile)
        return
    entry = SearchEntry.objects.filter(profile=profile).first() or SearchEntry(
        kind=SearchEntry.Kind.PERSON, profile=profile
    )
    entry.audience = profile.visibility
    entry.title = user.display_name
    entry.summary = profile.job_title
    entry.key = str(user.pk)
    entry.sector = profile.sector
    entry.region_id = user.region_id
    entry.municipality = user.municipality
    municipality = user.municipality
    entry.latitude = float(municipality.latitude) if municipality and municipality.latitude is not None else None
    entry.longitude = float(municipality.longitude) if municipality and municipality.longitude is not None else None
    entry.is_interpreter = profile.is_interpreter
    topics = list(profile.topics.all())
    codes = [language.code for language in profile.languages.all()]
    # Organisations are named only where they are visible to this entry's audience.
    audiences = {"public"} if entry.audience == "public" else {"public", "members"}
    organisations = [
        m.organisation.name
        for m in user.memberships.select_related("organisation").filter(status="active")
        if m.organisation.visibility in audiences
    ]
    parts = [
        user.display_name,
        profile.job_title,
        profile.bio,
        *(_labels(Sector(profile.sector).label) if profile.sector else []),
        *_topic_names(topics),
        *[str(LANGUAGE_NAMES.get(code, code)) for code in codes],
        *organisations,
        municipality.name if municipality else "",
        user.region.name if user.region_id else "",
    ]
    if profile.is_interpreter:
        parts += ["Sprachmittler Sprachmittlerin Dolmetscher Dolmetscherin", *_labels_interpreter()]
    _save(entry, parts, topics, codes)


def _labels_interpreter() -> list[str]:
    from django.utils.translation import gettext_lazy as _

    return _labels(_("interpreter"))


def index_organisation(organisation) -> None:
    entry = SearchEntry.objects.filter(organisation=organisation).first() or SearchEntry(
        kind=SearchEntry.Kind.ORGANISATION, organisation=organisation
    )
    entry.audience = organisation.visibility
    entry.title = organisation.name
    entry.summary = str(organisation.get_kind_display())
    entry.key = organisation.slug
    entry.sector = organisation.sector
    municipality = organisation.municipality
    entry.region_id = municipality.region_id
    entry.municipality = municipality
    latitude = organisation.latitude if organisation.latitude is not None else municipality.latitude
    longitude = organisation.longitude if organisation.longitude is not None else municipality.longitude
    entry.latitude = float(latitude) if latitude is not None else None
    entry.longitude = float(longitude) if longitude is not None else None
    entry.is_interpreter = False
    topics = list(organisation.topics.all())
    codes = [language.code for language in organisation.languages.all()]
    parts = [
        organisation.name,
        organisation.description,
        *_labels(organisation.Kind(organisation.kind).label),
        *_labels(Sector(organisation.sector).label),
        *_topic_names(topics),
        *[str(LANGUAGE_NAMES.get(code, code)) for code in codes],
        municipality.name,
        municipality.region.name,
    ]
    _save(entry, parts, topics, codes)


def remove_organisation(organisation) -> None:
    _remove(organisation=organisation)


def rebuild() -> int:
    """Index everything again (after an import or a change of the indexing rules)."""
    from landnetz.accounts.models import Profile
    from landnetz.organisations.models import Organisation

    count = 0
    profiles = Profile.objects.select_related("user__region", "user__municipality").prefetch_related(
        "topics", "languages"
    )
    for profile in profiles.iterator(chunk_size=500):
        index_profile(profile)
        count += 1
    organisations = Organisation.objects.select_related("municipality__region").prefetch_related("topics", "languages")
    for organisation in organisations.iterator(chunk_size=500):
        index_organisation(organisation)
        count += 1
    return count
