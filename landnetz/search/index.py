"""Writing the site search index: apps hand in objects, their kind turns them into documents.

``reindex(kind, objects)`` is called by the owning app's services inside their
transaction whenever such objects change (and through ``core.hooks.stale`` when a lower
app changed something they show). One code path serves a single object and a batch of
thousands (``rebuild``, imports, the benchmark): a few queries per 2 000 objects.
"""

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import batched

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import translation

from landnetz.search.models import SearchEntry, SearchEntryLanguage, filter_token, tag_token
from landnetz.search.registry import MEMBERS, PUBLIC, Document, get, kinds
from landnetz.search.text import fold, index_text, stem, words
from landnetz.search.vocabulary import Vocabulary, normalised

BATCH_SIZE = 2000
INDEX_LANGUAGES = ("de", "en", "uk", "ar", "ru")


def labels(label) -> tuple[str, ...]:
    """A translatable label in every interface language, so a search in any of them finds it."""
    return _translations(label._args[0] if hasattr(label, "_args") else str(label))


@lru_cache(maxsize=256)
def _translations(msgid: str) -> tuple[str, ...]:
    # Switching languages costs more than building an entry; labels are few, so remember them.
    found = []
    for language in INDEX_LANGUAGES:
        with translation.override(language):
            found.append(translation.gettext(msgid))
    return tuple(found)


def reindex(kind: str, objects: Iterable) -> int:
    """Bring the documents of these objects up to date; returns how many are findable now.

    Objects their kind does not describe (hidden, deactivated…) lose their document.
    """
    search_kind = get(kind)
    written = 0
    with transaction.atomic():
        vocabulary = Vocabulary.load()
        for batch in _batches(objects):
            _remove(kind, [obj.pk for obj in batch])
            documents = [document for document in search_kind.documents(batch) if document is not None]
            written += _write(documents, vocabulary)
    return written


def remove(kind: str, object_ids: Sequence[int]) -> None:
    _remove(kind, list(object_ids))


def rebuild(kind_names: Sequence[str] = ()) -> int:
    """Index every object of these kinds (all kinds by default) again."""
    total = 0
    with transaction.atomic():
        for search_kind in kinds():
            if kind_names and search_kind.name not in kind_names:
                continue
            SearchEntry.objects.filter(kind=search_kind.name).delete()
            total += reindex(search_kind.name, search_kind.everything())
    return total


def reindex_mentioning(words: Sequence[str]) -> int:
    """Index again every object whose entry mentions one of these words (folded).

    After a vocabulary term changed: its old words are in the entries it expanded, its new
    ones in the entries it will expand. ``document`` holds the folded text with the
    expansions, so a substring scan finds both (the term's German name is in every entry it
    expanded); it may find a few more (a word inside another), which costs a reindex,
    never a wrong result.
    """
    needles = sorted({normalised(word) for word in words} - {""})
    if not needles:
        return 0
    mentions = Q()
    for needle in needles:
        mentions |= Q(document__contains=needle)
    found: dict[str, list[int]] = {}
    for kind, object_id in SearchEntry.objects.filter(mentions).values_list("kind", "object_id"):
        found.setdefault(kind, []).append(object_id)
    written = 0
    for search_kind in kinds():
        ids = found.get(search_kind.name)
        if ids:
            written += reindex(search_kind.name, search_kind.everything().filter(pk__in=ids))
    return written


def _batches(objects):
    if isinstance(objects, QuerySet):
        objects = objects.iterator(chunk_size=BATCH_SIZE)
    return batched(objects, BATCH_SIZE)


def _remove(kind: str, object_ids: list[int]) -> None:
    if object_ids:
        # On SQLite a trigger deletes the full-text row with the entry (migration 0002).
        SearchEntry.objects.filter(kind=kind, object_id__in=object_ids).delete()


def _entry(document: Document, vocabulary: Vocabulary) -> SearchEntry:
    text = " ".join(part for part in document.text if part)
    # The names of every vocabulary term the text mentions, in all languages (vocabulary.py).
    expansion = vocabulary.expand(text)
    return SearchEntry(
        kind=document.kind,
        object_id=document.object_id,
        key=document.key,
        audience=document.audience,
        title=document.title[:200],
        summary=(document.summary or "")[:300],
        language=document.language,
        sort_title=fold(document.title)[:200],
        document=fold(f"{text} {expansion}".strip()),
        stemmed=f"{index_text(text)} {_expansion_stems(expansion)}".strip(),
        # Filter words come from ids and keys only, and go to their own column: user text
        # can never reach them.
        filters=" ".join(_filter_tokens(document)),
        tags=" ".join(sorted(set(document.tags)))[:200],
        sector=document.sector,
        region_id=document.region_id,
        municipality_id=document.municipality_id,
        latitude=document.latitude,
        longitude=document.longitude,
    )


@lru_cache(maxsize=4096)
def _expansion_stems(expansion: str) -> str:
    # The vocabulary lists the words people type, so the tails of its compound words are
    # not needed; without them, and remembered (many entries mention the same terms),
    # an entry costs little more to index than without the vocabulary.
    return " ".join(stem(word) for word in words(expansion))


def _filter_tokens(document: Document) -> list[str]:
    tokens = [filter_token("kind", document.kind), filter_token("aud", document.audience)]
    if document.audience not in (PUBLIC, MEMBERS):
        # Narrower audiences (a group) are few; members' searches exclude this word (queries).
        tokens.append(filter_token("aud", "narrow"))
    if document.sector:
        tokens.append(filter_token("sector", document.sector))
    if document.region_id:
        tokens.append(filter_token("region", document.region_id))
    tokens += [filter_token("topic", topic.pk) for topic in document.topics]
    tokens += [filter_token("lang", code) for code in sorted(set(document.languages))]
    tokens += [tag_token(tag) for tag in sorted(set(document.tags))]
    return tokens


def _write(documents: list[Document], vocabulary: Vocabulary) -> int:
    if not documents:
        return 0
    entries = SearchEntry.objects.bulk_create(
        [_entry(document, vocabulary) for document in documents], batch_size=BATCH_SIZE
    )
    if any(entry.pk is None for entry in entries):
        raise RuntimeError("the search index needs a database that returns the ids of inserted rows")
    SearchEntryLanguage.objects.bulk_create(
        [
            SearchEntryLanguage(entry=entry, code=code)
            for entry, document in zip(entries, documents, strict=True)
            for code in sorted(set(document.languages))
        ],
        batch_size=BATCH_SIZE,
    )
    Topics = SearchEntry.topics.through
    Topics.objects.bulk_create(
        [
            Topics(searchentry_id=entry.pk, topic_id=topic_id)
            for entry, document in zip(entries, documents, strict=True)
            for topic_id in sorted({topic.pk for topic in document.topics})
        ],
        batch_size=BATCH_SIZE,
    )
    ids = [entry.pk for entry in entries]
    if connection.vendor == "postgresql":
        # Text is weight D (the default), filter words weight A: queries ask for the weight
        # they mean, so a text word never satisfies a filter.
        # The stemmed text (with the tails of compound words, as SQLite's FTS5 gets it) joins
        # the German vector, so that "Ärztin" finds "Hausärztin" without trigram scans.
        SearchEntry.objects.filter(pk__in=ids).update(
            search_vector=SearchVector("document", config="german")
            + SearchVector("stemmed", config="simple")
            + SearchVector("filters", config="simple", weight="A")
        )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, stemmed, filters) VALUES (%s, %s, %s)",
                [(entry.pk, entry.stemmed, entry.filters) for entry in entries],
            )
    return len(entries)
