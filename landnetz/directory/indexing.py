"""Keep the directory's search index in step with profiles and organisations.

Called by the services of ``accounts`` and ``organisations`` inside their transactions.
Only fields the owner made visible to the entry's audience go into the index.
"""

from functools import lru_cache

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Value
from django.utils import translation

from landnetz.accounts.models import Profile
from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.core.models import Sector, Visibility
from landnetz.directory.models import SearchEntry, SearchEntryLanguage
from landnetz.directory.text import filter_token, fold, index_text
from landnetz.organisations.models import Membership, Organisation

INDEX_LANGUAGES = ("de", "en", "uk", "ar", "ru")


def _labels(choice_label) -> tuple[str, ...]:
    """A translatable label in every interface language, so any of them finds it."""
    return _translations(choice_label._args[0] if hasattr(choice_label, "_args") else str(choice_label))


@lru_cache(maxsize=256)
def _translations(msgid: str) -> tuple[str, ...]:
    # Switching languages costs more than building an entry; labels are few, so remember them.
    labels = []
    for language in INDEX_LANGUAGES:
        with translation.override(language):
            labels.append(translation.gettext(msgid))
    return tuple(labels)


def _topic_names(topics) -> list[str]:
    return [name for topic in topics for name in [topic.name, *topic.translations.values()]]


def _fill_text(entry: SearchEntry, parts: list[str], topics=(), language_codes=()) -> None:
    """Set the derived text columns (document, stemmed, sort_title) from the parts."""
    text = " ".join(part for part in parts if part)
    entry.document = fold(text)
    entry.stemmed = index_text(text)
    # Filter words come from ids and choice keys only, and go to their own column: user
    # text can never reach them (see migration 0004).
    entry.filters = " ".join(_filter_tokens(entry, topics, language_codes))
    entry.sort_title = fold(entry.title)


def _filter_tokens(entry: SearchEntry, topics, language_codes) -> list[str]:
    tokens = [filter_token("kind", entry.kind), filter_token("aud", entry.audience)]
    if entry.sector:
        tokens.append(filter_token("sector", entry.sector))
    if entry.region_id:
        tokens.append(filter_token("region", entry.region_id))
    if entry.is_interpreter:
        tokens.append(filter_token("interp", "yes"))
    tokens += [filter_token("topic", topic.pk) for topic in topics]
    tokens += [filter_token("lang", code) for code in sorted(set(language_codes))]
    return tokens


def _save(entry: SearchEntry, parts: list[str], topics, language_codes) -> None:
    _fill_text(entry, parts, topics, language_codes)
    entry.save()
    entry.topics.set(topics)
    entry.languages.all().delete()
    SearchEntryLanguage.objects.bulk_create(SearchEntryLanguage(entry=entry, code=code) for code in set(language_codes))
    if connection.vendor == "postgresql":
        # Text is weight D (the default), filter words weight A: queries ask for the weight
        # they mean, so a text word never satisfies a filter.
        SearchEntry.objects.filter(pk=entry.pk).update(
            search_vector=SearchVector(Value(entry.document), config="german")
            + SearchVector(Value(entry.filters), config="simple", weight="A")
        )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM directory_fts WHERE rowid = %s", [entry.pk])
            cursor.execute(
                "INSERT INTO directory_fts (rowid, stemmed, filters) VALUES (%s, %s, %s)",
                [entry.pk, entry.stemmed, entry.filters],
            )


def _remove(**owner) -> None:
    # On SQLite a trigger deletes the full-text row with the entry (migration 0005).
    SearchEntry.objects.filter(**owner).delete()


def index_profile(profile) -> None:
    user = profile.user
    if profile.visibility == Visibility.NOBODY or not user.is_active or profile.moderation_hidden:
        _remove(profile=profile)
        return
    entry = SearchEntry.objects.filter(profile=profile).first() or SearchEntry(
        kind=SearchEntry.Kind.PERSON, profile=profile
    )
    topics, codes, parts = _profile_entry(
        entry,
        profile,
        lambda: user.memberships.select_related("organisation").filter(status="active"),
    )
    _save(entry, parts, topics, codes)


def _profile_entry(entry: SearchEntry, profile, active_memberships) -> tuple[list, list, list]:
    """Fill ``entry``'s columns from a visible profile; return (topics, language codes, parts).

    ``active_memberships`` is called once and yields the user's active memberships with
    their organisations, in the default Membership ordering. No writes; the text columns
    are set later by ``_fill_text``.
    """
    user = profile.user
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
    organisations = [m.organisation.name for m in active_memberships() if m.organisation.visibility in audiences]
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
    return topics, codes, parts


def _labels_interpreter() -> list[str]:
    from django.utils.translation import gettext_lazy as _

    return _labels(_("interpreter"))


def index_organisation(organisation) -> None:
    if organisation.moderation_hidden:
        _remove(organisation=organisation)
        return
    entry = SearchEntry.objects.filter(organisation=organisation).first() or SearchEntry(
        kind=SearchEntry.Kind.ORGANISATION, organisation=organisation
    )
    topics, codes, parts = _organisation_entry(entry, organisation)
    _save(entry, parts, topics, codes)


def _organisation_entry(entry: SearchEntry, organisation) -> tuple[list, list, list]:
    """Fill ``entry``'s columns from an organisation; return (topics, language codes, parts)."""
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
    return topics, codes, parts


def refresh(*, profiles=(), organisations=()) -> None:
    """Index these again (``core.hooks.stale``: a profile, a name or a topic changed)."""
    for profile in profiles:
        index_profile(profile)
    for organisation in organisations:
        index_organisation(organisation)


def remove_organisation(organisation) -> None:
    _remove(organisation=organisation)


def rebuild() -> int:
    """Index everything again (after an import or a change of the indexing rules)."""

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


BULK_BATCH_SIZE = 2000


def bulk_index(profiles=(), organisations=()) -> int:
    """Index many profiles and organisations at once: a few queries per 2 000 owners.

    Produces exactly the rows that ``index_profile`` / ``index_organisation`` would, for
    imports and generated data (the benchmark) where one-at-a-time indexing is too slow.
    Existing entries of the given owners are replaced; profiles whose visibility is
    "nobody" or whose user is inactive only lose their entry. Returns the number of
    entries written. Runs in one transaction.

    Expects the related objects to be loaded, otherwise every owner costs extra queries:

    - profiles: ``Profile.objects.select_related("user__region", "user__municipality")
      .prefetch_related("topics", "languages")``
    - organisations: ``Organisation.objects.select_related("municipality__region")
      .prefetch_related("topics", "languages")``

    Active memberships (the organisations a profile names) are fetched here, per batch.
    Querysets are read with ``iterator(chunk_size=2000)``; other iterables are consumed
    in batches of 2 000 as they come.
    """
    from django.db import transaction

    written = 0
    with transaction.atomic():
        for batch in _batches(profiles):
            written += _bulk_index_profiles(batch)
        for batch in _batches(organisations):
            written += _bulk_index_organisations(batch)
    return written


def _batches(items):
    from itertools import batched

    from django.db.models import QuerySet

    if isinstance(items, QuerySet):
        items = items.iterator(chunk_size=BULK_BATCH_SIZE)
    return batched(items, BULK_BATCH_SIZE)


def _bulk_index_profiles(profiles) -> int:

    _bulk_remove("profile_id", [profile.pk for profile in profiles])
    visible = [
        p for p in profiles if p.visibility != Visibility.NOBODY and p.user.is_active and not p.moderation_hidden
    ]
    # Same query as index_profile's, for the whole batch (default Membership ordering kept).
    memberships: dict[int, list] = {}
    user_ids = [profile.user_id for profile in visible]
    if user_ids:
        for membership in Membership.objects.select_related("organisation").filter(
            user_id__in=user_ids, status="active"
        ):
            memberships.setdefault(membership.user_id, []).append(membership)
    built = []
    for profile in visible:
        entry = SearchEntry(kind=SearchEntry.Kind.PERSON, profile=profile)
        topics, codes, parts = _profile_entry(entry, profile, lambda pk=profile.user_id: memberships.get(pk, []))
        _fill_text(entry, parts, topics, codes)
        built.append((entry, topics, codes))
    return _bulk_write(built)


def _bulk_index_organisations(organisations) -> int:
    _bulk_remove("organisation_id", [organisation.pk for organisation in organisations])
    built = []
    for organisation in organisations:
        if organisation.moderation_hidden:
            continue
        entry = SearchEntry(kind=SearchEntry.Kind.ORGANISATION, organisation=organisation)
        topics, codes, parts = _organisation_entry(entry, organisation)
        _fill_text(entry, parts, topics, codes)
        built.append((entry, topics, codes))
    return _bulk_write(built)


def _bulk_remove(owner_field: str, owner_ids: list[int]) -> None:
    owners = SearchEntry.objects.filter(**{f"{owner_field}__in": owner_ids})
    stale = list(owners.values_list("pk", flat=True))
    if stale:
        SearchEntry.objects.filter(pk__in=stale).delete()  # full-text rows follow (trigger)


def _bulk_write(built: list) -> int:
    if not built:
        return 0
    entries = SearchEntry.objects.bulk_create([entry for entry, _topics, _codes in built], batch_size=BULK_BATCH_SIZE)
    if any(entry.pk is None for entry in entries):
        raise RuntimeError("bulk_index needs a database that returns the ids of inserted rows")
    Topics = SearchEntry.topics.through
    SearchEntryLanguage.objects.bulk_create(
        [SearchEntryLanguage(entry=entry, code=code) for entry, _topics, codes in built for code in set(codes)],
        batch_size=BULK_BATCH_SIZE,
    )
    Topics.objects.bulk_create(
        [
            Topics(searchentry_id=entry.pk, topic_id=topic_id)
            for entry, topics, _codes in built
            for topic_id in {topic.pk for topic in topics}
        ],
        batch_size=BULK_BATCH_SIZE,
    )
    ids = [entry.pk for entry in entries]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE directory_searchentry SET search_vector = to_tsvector('german', document) "
                "|| setweight(to_tsvector('simple', filters), 'A') "
                "WHERE id = ANY(%s)",
                [ids],
            )
        elif connection.vendor == "sqlite":
            cursor.executemany(
                "INSERT INTO directory_fts (rowid, stemmed, filters) VALUES (%s, %s, %s)",
                [(entry.pk, entry.stemmed, entry.filters) for entry in entries],
            )
    return len(entries)
