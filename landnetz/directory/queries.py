"""Directory search: one interface, two engines (SQLite FTS5, PostgreSQL full text + trigrams).

``search()`` returns a queryset of ``SearchEntry`` rows the viewer may see, filtered and
ordered; the caller paginates. The number of queries does not depend on the data.
"""

import math
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import CharField, Exists, F, FloatField, Func, OuterRef, Q, QuerySet, Value
from django.db.models.expressions import ExpressionWrapper
from django.db.models.functions import Substr

from landnetz.accounts.models import Profile
from landnetz.accounts.permissions import can_see
from landnetz.core.models import Municipality, Region, Sector, Topic
from landnetz.directory.models import SearchEntry, SearchEntryLanguage
from landnetz.directory.text import filter_token, fold, stem, words
from landnetz.organisations.queries import organisations_visible_to

MAX_TERMS = 8
KM_PER_DEGREE = 111.2


@dataclass
class Criteria:
    text: str = ""
    kind: str = ""
    sector: str = ""
    region: Region | None = None
    municipality: Municipality | None = None
    topic: Topic | None = None
    language: str = ""
    interpreter: bool = False
    near: Municipality | None = None
    sort: str = "relevance"  # relevance | distance | name


def _audiences(viewer) -> list[str]:
    return ["public", "members"] if viewer is not None and viewer.is_authenticated else ["public"]


def visible_entries(viewer) -> QuerySet[SearchEntry]:
    return SearchEntry.objects.filter(audience__in=_audiences(viewer))


class WithoutIndex(Func):
    """SQLite's "+column": the same value, but the planner will not use an index for it."""

    template = "+%(expressions)s"
    output_field = CharField()


def search(viewer, criteria: Criteria) -> QuerySet[SearchEntry]:
    terms = words(criteria.text)[:MAX_TERMS]
    if terms and connection.vendor != "postgresql":
        # SQLite: audience and filters are words of the full-text index (see _filter_tokens), so
        # FTS5 alone selects the rows; a column filter here would make SQLite scan that index
        # first and run the full-text match once per row.
        entries = SearchEntry.objects.select_related("region", "municipality")
        if criteria.municipality is not None:
            entries = entries.filter(municipality=criteria.municipality)
        entries = _sqlite_text(entries, terms, _filter_tokens(viewer, criteria))
        # The audience is checked on the row too, not only by the index words. Unary "+"
        # keeps SQLite from driving the query by the audience index (see above).
        entries = entries.alias(row_audience=WithoutIndex("audience")).filter(row_audience__in=_audiences(viewer))
    else:
        entries = _filtered(visible_entries(viewer).select_related("region", "municipality"), criteria)
        if terms:
            entries = _postgres_text(entries, terms, _filter_tokens(viewer, criteria))
    ranked = bool(terms)

    if criteria.near is not None and criteria.near.latitude is not None:
        entries = entries.annotate(distance2=_distance_squared(criteria.near))
    if criteria.sort == "distance" and criteria.near is not None and criteria.near.latitude is not None:
        return entries.order_by(F("distance2").asc(nulls_last=True), "sort_title", "pk")
    if criteria.sort == "relevance" and ranked:
        return entries.order_by("-rank", "sort_title", "pk")
    return entries.order_by("sort_title", "pk")


def _filtered(entries: QuerySet, criteria: Criteria) -> QuerySet:
    if criteria.kind:
        entries = entries.filter(kind=criteria.kind)
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
    if criteria.interpreter:
        entries = entries.filter(is_interpreter=True)
    return entries


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


def _sqlite_text(entries: QuerySet, terms: list[str], tokens: list[str]) -> QuerySet:
    groups = []
    for term in terms:
        stemmed = stem(term)
        alternatives = {stemmed} | _similar_terms(stemmed)
        groups.append("(" + " OR ".join(f'"{alt}"*' for alt in sorted(alternatives)) + ")")
    # Filters go into the MATCH too (see indexing._filter_tokens): FTS5 then intersects with
    # the rarest word first, and the cost follows the number of hits, not of members.
    # Text words only match the text column, filter words only the filters column.
    expression = "stemmed : (" + " AND ".join(groups) + ")"
    if tokens:
        expression += " AND filters : (" + " AND ".join(tokens) + ")"
    return entries.filter(fulltext__stemmed__fts_match=expression).annotate(rank=-F("fulltext__rank"))


def _filter_tokens(viewer, criteria: "Criteria") -> list[str]:
    tokens = []
    if viewer is None or not viewer.is_authenticated:
        tokens.append(filter_token("aud", "public"))
    if criteria.kind:
        tokens.append(filter_token("kind", criteria.kind))
    if criteria.sector:
        tokens.append(filter_token("sector", criteria.sector))
    if criteria.region is not None:
        tokens.append(filter_token("region", criteria.region.pk))
    if criteria.topic is not None:
        tokens.append(filter_token("topic", criteria.topic.pk))
    if criteria.language:
        tokens.append(filter_token("lang", criteria.language))
    if criteria.interpreter:
        tokens.append(filter_token("interp", "yes"))
    return tokens


def _similar_terms(term: str) -> set[str]:
    """Index words one typo away (two for long words), when the term itself is unknown."""
    if len(term) < 4:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM directory_fts_vocab WHERE term >= %s AND term < %s LIMIT 1", [term, term + "\uffff"]
        )
        if cursor.fetchone():
            return set()
        cursor.execute(
            "SELECT term FROM directory_fts_vocab WHERE term >= %s AND term < %s AND length(term) BETWEEN %s AND %s",
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
TYPO_SIMILARITY = 0.6  # pg_trgm's default word_similarity_threshold


def _postgres_text(entries: QuerySet, terms: list[str], tokens: list[str]) -> QuerySet:
    # Full text finds words and their forms; trigram similarity forgives typos and finds the
    # tails of compound words. It is checked only on the head of the document, where names
    # and roles stand: on whole documents it costs as much as the filtered rows are many.
    head = Substr("document", 1, TYPO_WINDOW)
    condition = Q()
    if tokens:
        # The filters are also words of the search vector ("simple" configuration): the GIN
        # index intersects them, so similarity is computed only for rows that pass the filters.
        # Weight A holds only filter words, weight D only text (see indexing._save).
        filters = " & ".join(f"{token}:A" for token in tokens)
        condition &= Q(search_vector=SearchQuery(filters, search_type="raw", config="simple"))
    rank = Value(0.0)
    for index, term in enumerate(terms):
        # Terms are \w+ only, so the raw tsquery syntax is safe.
        query = SearchQuery(f"{fold(term)}:*D", search_type="raw", config="german")
        similarity = f"typo_{index}"
        entries = entries.alias(**{similarity: TrigramWordSimilarity(term, head)})
        condition &= Q(search_vector=query) | Q(**{f"{similarity}__gte": TYPO_SIMILARITY})
        rank = rank + SearchRank(F("search_vector"), query) + F(similarity)
    return entries.filter(condition).annotate(rank=ExpressionWrapper(rank, output_field=FloatField()))


# --- Region overview: the three legs of the stool at a glance -----------------------------------


ORGANISATIONS_PER_SECTOR = 8
REGION_COUNTS_SECONDS = 600


@dataclass
class RegionOverview:
    region: Region
    coordinators: list  # those whose profile the viewer may see
    hidden_coordinators: int
    organisations_by_sector: list  # [(sector key, label, count, [first organisations]), ...]
    members_by_sector: list  # [(sector label, count), ...]
    member_count: int


def region_overview(region: Region, viewer) -> RegionOverview:
    """Coordinators, organisations by sector and member counts by sector of one region.

    Counts are aggregates over all members with a profile sector (cached for ten
    minutes: they grow with the region, the page must not); names and links only appear
    where the viewer may see the profile or organisation, at most eight per sector, the
    rest one click away in the directory.
    """
    from django.core.cache import cache
    from django.db.models import Count, Window
    from django.db.models.functions import RowNumber

    # A coordinator is named only to viewers who may see their profile: holding the role
    # does not publish a name the member chose to keep to themselves. The others are counted.
    coordinators, hidden_coordinators = [], 0
    for user in region.coordinators.filter(is_active=True).select_related("profile").order_by("display_name"):
        profile = getattr(user, "profile", None)
        if profile is not None and can_see(profile.visibility, viewer, user):
            coordinators.append(user)
        else:
            hidden_coordinators += 1

    labels = dict(Sector.choices)
    visible = organisations_visible_to(viewer).filter(municipality__region=region)
    counts = dict(visible.order_by().values_list("sector").annotate(count=Count("pk")))
    first = (
        visible.select_related("municipality")
        .annotate(position=Window(RowNumber(), partition_by=F("sector"), order_by=[F("name").asc(), F("pk").asc()]))
        .filter(position__lte=ORGANISATIONS_PER_SECTOR)
        .order_by("sector", "name", "pk")
    )
    grouped: dict[str, list] = {}
    for organisation in first:
        grouped.setdefault(organisation.sector, []).append(organisation)

    members_by_sector, member_count = cache.get_or_set(
        f"landnetz:region-members:{region.pk}", lambda: _member_counts(region), REGION_COUNTS_SECONDS
    )
    return RegionOverview(
        region=region,
        coordinators=coordinators,
        hidden_coordinators=hidden_coordinators,
        organisations_by_sector=[
            (key, labels[key], counts[key], grouped.get(key, [])) for key in labels if counts.get(key)
        ],
        members_by_sector=[(labels[key], members_by_sector.get(key, 0)) for key in labels],
        member_count=member_count,
    )


def _member_counts(region: Region) -> tuple[dict[str, int], int]:
    from django.db.models import Count

    by_sector = dict(
        Profile.objects.filter(user__region=region, user__is_active=True)
        .exclude(sector="")
        .order_by()
        .values_list("sector")
        .annotate(count=Count("pk"))
    )
    return by_sector, region.members.filter(is_active=True).count()
