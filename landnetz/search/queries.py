"""Reading the site search index: one interface, two engines (SQLite FTS5, PostgreSQL full text + trigrams).

``search()`` returns a queryset of ``SearchEntry`` rows the viewer may see, filtered and
ordered; the caller paginates. The number of queries does not depend on the data. The
directory is this search limited to people and organisations; the header search spans
every registered kind.
"""

import math
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import CharField, Count, Exists, F, FloatField, Func, OuterRef, Q, QuerySet, Value
from django.db.models.expressions import ExpressionWrapper
from django.db.models.functions import Substr
from django.shortcuts import get_object_or_404

from landnetz.core.models import Municipality, Region, Topic
from landnetz.search.models import SearchEntry, SearchEntryLanguage, Term, filter_token, tag_token
from landnetz.search.registry import MEMBERS, PUBLIC, audiences_of
from landnetz.search.text import stem, words
from landnetz.search.vocabulary import known_words

MAX_TERMS = 8
# A text search ranks the WINDOW most recently indexed matches (all of them, when there are
# fewer). A word that a third of a Land's members use ("Sprachmittlerin") would otherwise
# cost as much as the network is large: ranking means scoring every match.
WINDOW = 500
KM_PER_DEGREE = 111.2


@dataclass
class Criteria:
    text: str = ""
    kinds: tuple[str, ...] = ()  # registered kind names; empty = every kind
    sector: str = ""
    region: Region | None = None
    municipality: Municipality | None = None
    topic: Topic | None = None
    language: str = ""
    tags: tuple[str, ...] = ()  # e.g. ("interp:yes",): only documents with all of them
    near: Municipality | None = None
    radius_km: int | None = None  # only with ``near``: leave out what lies farther (or has no place)
    sort: str = "relevance"  # relevance | distance | name


class WithoutIndex(Func):
    """SQLite's "+column": the same value, but the planner will not use an index for it."""

    template = "+%(expressions)s"
    output_field = CharField()


def search(viewer, criteria: Criteria) -> QuerySet[SearchEntry]:
    terms = words(criteria.text)[:MAX_TERMS]
    audiences = audiences_of(viewer)
    if terms and connection.vendor != "postgresql":
        # SQLite: audience and filters are words of the full-text index (see _filter_groups), so
        # FTS5 alone selects the rows; a column filter here would make SQLite scan that index
        # first and run the full-text match once per row.
        entries = SearchEntry.objects.select_related("region", "municipality")
        if criteria.municipality is not None:
            entries = entries.filter(municipality=criteria.municipality)
        expression = _fts_expression(terms, _filter_groups(criteria), audiences, known_words())
        entries = entries.filter(fulltext__stemmed__fts_match=expression).annotate(rank=-F("fulltext__rank"))
        floor = _sqlite_window_floor(expression)
        if floor is not None:
            entries = entries.filter(fulltext__pk__gte=floor)
        # The audience is checked on the row too, not only by the index words. Unary "+"
        # keeps SQLite from driving the query by the audience index (see above).
        entries = entries.alias(row_audience=WithoutIndex("audience")).filter(row_audience__in=audiences)
    else:
        entries = _filtered(SearchEntry.objects.filter(audience__in=audiences), criteria)
        if terms:
            condition, rank = _postgres_text(terms, _filter_groups(criteria, kinds=False), known_words())
            # The WINDOW newest matches are found once, by the GIN index; counting and ranking
            # then read only those rows by id. With the text condition in every query, each of
            # them (count, ranked page) ran its own bitmap scan over all matches, and the
            # planner, expecting one row, joined the places by a scan per row.
            window = list(entries.filter(condition).order_by("-pk").values_list("pk", flat=True)[:WINDOW])
            entries = SearchEntry.objects.filter(pk__in=window).annotate(rank=rank)
        entries = entries.select_related("region", "municipality")
    ranked = bool(terms)
    # Results show title, summary, place, languages and topics (why they matched); the long
    # text columns stay in the database.
    entries = entries.defer("document", "stemmed", "filters", "search_vector").prefetch_related("languages", "topics")

    if criteria.near is not None and criteria.near.latitude is not None:
        entries = entries.annotate(distance2=_distance_squared(criteria.near))
        if criteria.radius_km is not None:
            entries = entries.filter(distance2__lte=(criteria.radius_km / KM_PER_DEGREE) ** 2)
    if criteria.sort == "distance" and criteria.near is not None and criteria.near.latitude is not None:
        return entries.order_by(F("distance2").asc(nulls_last=True), "sort_title", "pk")
    if criteria.sort == "relevance" and ranked:
        return entries.order_by("-rank", "sort_title", "pk")
    return entries.order_by("sort_title", "pk")


def _filtered(entries: QuerySet, criteria: Criteria) -> QuerySet:
    if criteria.kinds:
        entries = entries.filter(kind__in=criteria.kinds)
    if criteria.sector:
        entries = entries.filter(sector=criteria.sector)
    if criteria.region is not None:
        entries = entries.filter(region=criteria.region)
    if criteria.municipality is not None:
        entries = entries.filter(municipality=criteria.municipality)
    if criteria.topic is not None:
        entries = entries.filter(topics=criteria.topic)
    if criteria.language:
        entries = entries.filter(
            Exists(SearchEntryLanguage.objects.filter(entry=OuterRef("pk"), code=criteria.language))
        )
    if criteria.tags:
        entries = _with_tags(entries, criteria.tags)
    return entries


def _with_tags(entries: QuerySet, tags) -> QuerySet:
    """Tags are only filter words (no column of their own): match them in the index."""
    groups = [[tag_token(tag)] for tag in sorted(tags)]
    if connection.vendor == "postgresql":
        return entries.filter(search_vector=SearchQuery(_tsquery_filters(groups), search_type="raw", config="simple"))
    return entries.filter(fulltext__stemmed__fts_match="filters : (" + _fts_filters(groups) + ")")


def counts_by_kind(viewer, criteria: Criteria) -> dict[str, int]:
    """How many results each kind has for these criteria, counting only what the viewer may see."""
    everything = search(viewer, Criteria(**{**criteria.__dict__, "kinds": (), "sort": "name"}))
    return dict(everything.order_by().values_list("kind").annotate(count=Count("pk")))


def distance_km(entry: SearchEntry) -> float | None:
    distance2 = getattr(entry, "distance2", None)
    return None if distance2 is None else math.sqrt(distance2) * KM_PER_DEGREE


def _distance_squared(place: Municipality):
    # Equirectangular approximation: exact enough within a Land, plain arithmetic on both databases.
    latitude, longitude = float(place.latitude), float(place.longitude)
    shrink = math.cos(math.radians(latitude))
    d_lat = F("latitude") - Value(latitude)
    d_lon = (F("longitude") - Value(longitude)) * Value(shrink)
    return ExpressionWrapper(d_lat * d_lat + d_lon * d_lon, output_field=FloatField())


# --- SQLite: FTS5 over stemmed text, typos through the index vocabulary -------------------


def _fts_expression(terms: list[str], groups: list[list[str]], audiences: list[str], known: frozenset[str]) -> str:
    term_groups = []
    for term in terms:
        stemmed = stem(term)
        # A word of the vocabulary is no typo, even where no entry uses it yet.
        alternatives = {stemmed} | (set() if term in known else _similar_terms(stemmed))
        term_groups.append("(" + " OR ".join(f'"{alt}"*' for alt in sorted(alternatives)) + ")")
    # Filters go into the MATCH too (see index._filter_tokens): FTS5 then intersects with
    # the rarest word first, and the cost follows the number of hits, not of members.
    # Text words only match the text column, filter words only the filters column.
    expression = "stemmed : (" + " AND ".join(term_groups) + ")"
    if audiences == [PUBLIC]:
        groups = [[filter_token("aud", PUBLIC)], *groups]
    if groups:
        expression += " AND filters : (" + _fts_filters(groups) + ")"
    if audiences != [PUBLIC]:
        # A member sees public and members-only rows, which is nearly all: naming those two
        # words would make FTS5 merge two huge lists. Instead the few rows of narrower
        # audiences carry the word "zzaudnarrow" (index._filter_tokens) and are excluded
        # unless they belong to one of the viewer's own narrower audiences.
        own = [filter_token("aud", audience) for audience in audiences if audience not in (PUBLIC, MEMBERS)]
        narrow = filter_token("aud", "narrow")
        hidden = narrow if not own else f"{narrow} NOT ({' OR '.join(own)})"
        expression = f"({expression}) NOT filters : ({hidden})"
    return expression


def _sqlite_window_floor(expression: str) -> int | None:
    """The lowest rowid of the WINDOW newest matches, or None when there are fewer.

    Asked of the FTS5 table alone, in rowid order: it stops after WINDOW rows and never
    scores a match (the audience is one of the filter words, so the window holds only
    rows the viewer may see).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s",
            [expression, WINDOW - 1],
        )
        row = cursor.fetchone()
    return None if row is None else row[0]


def _filter_groups(criteria: "Criteria", *, kinds: bool = True) -> list[list[str]]:
    """Filter words the index must contain: every group, and one word of each group."""
    groups = []
    if criteria.kinds and kinds:
        groups.append([filter_token("kind", kind) for kind in sorted(criteria.kinds)])
    if criteria.sector:
        groups.append([filter_token("sector", criteria.sector)])
    if criteria.region is not None:
        groups.append([filter_token("region", criteria.region.pk)])
    if criteria.topic is not None:
        groups.append([filter_token("topic", criteria.topic.pk)])
    if criteria.language:
        groups.append([filter_token("lang", criteria.language)])
    groups += [[tag_token(tag)] for tag in sorted(criteria.tags)]
    return groups


def _fts_filters(groups: list[list[str]]) -> str:
    return " AND ".join(group[0] if len(group) == 1 else "(" + " OR ".join(group) + ")" for group in groups)


def _tsquery_filters(groups: list[list[str]]) -> str:
    return " & ".join("(" + " | ".join(f"{token}:A" for token in group) + ")" for group in groups)


def _similar_terms(term: str) -> set[str]:
    """Index words one typo away (two for long words), when the term itself is unknown."""
    if len(term) < 4:
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM search_fts_vocab WHERE term >= %s AND term < %s LIMIT 1", [term, term + "\uffff"])
        if cursor.fetchone():
            return set()
        cursor.execute(
            "SELECT term FROM search_fts_vocab WHERE term >= %s AND term < %s AND length(term) BETWEEN %s AND %s",
            [term[0], term[0] + "\uffff", len(term) - 2, len(term) + 2],
        )
        candidates = [row[0] for row in cursor.fetchall()]
    allowed = 1 if len(term) < 8 else 2
    return {candidate for candidate in candidates if _edit_distance(term, candidate, allowed) <= allowed}


def _edit_distance(a: str, b: str, limit: int) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


# --- PostgreSQL: German full text with prefix matching, trigram word similarity for typos ----


TYPO_WINDOW = 160  # characters of the document (name, role, start of the text) checked for typos


def _postgres_text(terms: list[str], groups: list[list[str]], known: frozenset[str]) -> tuple[Q, ExpressionWrapper]:
    """The condition that finds ``terms`` (and the filter words of ``groups``), and the rank."""
    # Full text finds words, their forms and the tails of compound words (index._write). A
    # word the index does not know at all is probably misspelt: only then does trigram word
    # similarity (pg_trgm's "%>", served by the trigram GIN index) join in — on common
    # words it would recheck most of the table. Similarity on the head of the document
    # (name, role) adds to the rank, computed only for the rows of the result window.
    head = Substr("document", 1, TYPO_WINDOW)
    condition = Q()
    if groups:
        # Selective filters (region, topic, language, tags) are also words of the search
        # vector ("simple" configuration, weight A; text is weight D, see index._write): the
        # GIN index intersects them with the text. Audience and kind are plain columns here.
        condition &= Q(search_vector=SearchQuery(_tsquery_filters(groups), search_type="raw", config="simple"))
    rank = Value(0.0)
    for term in terms:
        # Terms are \w+ only, so the raw tsquery syntax is safe. They are folded already
        # (text.words); folding again would take a second "ال" off an Arabic word.
        query = SearchQuery(f"{term}:*D", search_type="raw", config="german") | SearchQuery(
            f"{stem(term)}:*D", search_type="raw", config="simple"
        )
        if term in known or SearchEntry.objects.filter(search_vector=query).exists():
            # Known to the index, or to the vocabulary (a real word, even if no entry uses it yet).
            condition &= Q(search_vector=query)
        else:
            condition &= Q(search_vector=query) | Q(document__trigram_word_similar=term)
        rank = rank + SearchRank(F("search_vector"), query) + TrigramWordSimilarity(term, head)
    return condition, ExpressionWrapper(rank, output_field=FloatField())


# --- The vocabulary ------------------------------------------------------------------------


def vocabulary_terms(text: str = "") -> QuerySet[Term]:
    """Terms for the coordinators' list, broader term included; ``text`` narrows by name."""
    terms = Term.objects.select_related("broader").order_by("name", "pk")
    return terms.filter(name__icontains=text.strip()) if text.strip() else terms


def term_by_id(term_id: int) -> Term:
    return get_object_or_404(Term.objects.select_related("broader"), pk=term_id)
