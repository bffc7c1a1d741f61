"""The directory ("who does what where"): the site search limited to people and organisations.

Everything else (stemming, typos, filters, audiences, both databases) is the search
seam's; the directory adds its form's criteria and the region overview.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber

from landnetz.accounts.models import Profile
from landnetz.accounts.permissions import can_see
from landnetz.core.models import Municipality, Region, Sector, Topic
from landnetz.directory.search import INTERPRETER_TAG, NEWCOMERS_TAG, PERSON
from landnetz.search import queries as site_search
from landnetz.search.models import SearchEntry
from landnetz.search.registry import audiences_of

# The organisations app registers this kind; the directory only names it.
ORGANISATION = "organisation"
KINDS = (PERSON, ORGANISATION)

distance_km = site_search.distance_km


@dataclass
class Criteria:
    text: str = ""
    kind: str = ""  # "" (both), "person" or "organisation"
    sector: str = ""
    region: Region | None = None
    municipality: Municipality | None = None
    topic: Topic | None = None
    language: str = ""
    interpreter: bool = False
    open_to_newcomers: bool = False
    near: Municipality | None = None
    radius_km: int | None = None  # only with ``near``; None: any distance
    sort: str = "relevance"  # relevance | distance | name


def search(viewer, criteria: Criteria) -> QuerySet[SearchEntry]:
    return site_search.search(
        viewer,
        site_search.Criteria(
            text=criteria.text,
            kinds=(criteria.kind,) if criteria.kind else KINDS,
            sector=criteria.sector,
            region=criteria.region,
            municipality=criteria.municipality,
            topic=criteria.topic,
            language=criteria.language,
            tags=tuple(
                tag
                for tag, wanted in [
                    (INTERPRETER_TAG, criteria.interpreter),
                    (NEWCOMERS_TAG, criteria.open_to_newcomers),
                ]
                if wanted
            ),
            near=criteria.near,
            radius_km=criteria.radius_km,
            sort=criteria.sort,
        ),
    )


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
    # From the search index: it holds exactly the organisations findable by this viewer's
    # audiences (moderation-hidden ones are not in it).
    visible = SearchEntry.objects.filter(kind=ORGANISATION, region=region, audience__in=audiences_of(viewer))
    counts = dict(visible.order_by().values_list("sector").annotate(count=Count("pk")))
    first = (
        visible.select_related("municipality")
        .only("kind", "key", "title", "sector", "sort_title", "municipality__name")
        .annotate(
            position=Window(RowNumber(), partition_by=F("sector"), order_by=[F("sort_title").asc(), F("pk").asc()])
        )
        .filter(position__lte=ORGANISATIONS_PER_SECTOR)
        .order_by("sector", "sort_title", "pk")
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
    by_sector = dict(
        Profile.objects.filter(user__region=region, user__is_active=True)
        .exclude(sector="")
        .order_by()
        .values_list("sector")
        .annotate(count=Count("pk"))
    )
    return by_sector, region.members.filter(is_active=True).count()


# --- Region page: its members and the export of what it lists -----------------------------------


def region_members(region: Region, viewer) -> QuerySet[SearchEntry]:
    """The members of ``region`` as far as each shows themselves to ``viewer``, by name.

    Read from the search index, which holds a profile only for the audience its member
    chose (public or members) and nothing of a profile shown to nobody.
    """
    people = search(viewer, Criteria(kind=PERSON, region=region, sort="name"))
    return (
        people.prefetch_related(None)
        .select_related(None)
        .select_related("municipality")
        .only("kind", "key", "title", "summary", "sort_title", "municipality__name")
    )


def region_export(region: Region, viewer) -> list[SearchEntry]:
    """Organisations, then people of ``region`` that ``viewer`` may see, with their languages
    and topics (three queries, whatever the size of the region)."""
    entries = search(viewer, Criteria(region=region, sort="name")).prefetch_related("languages", "topics")
    return sorted(entries, key=lambda entry: (entry.kind != ORGANISATION, entry.sort_title, entry.pk))
