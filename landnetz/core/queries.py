"""Reads of the core app."""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Prefetch, QuerySet, Sum
from django.http import Http404

from landnetz.core.models import AuditEntry, LegalPage, Municipality, PostcodeArea, Region, Topic


def regions_with_municipalities() -> QuerySet[Region]:
    return Region.objects.annotate(
        municipality_count=Count("municipalities"), population=Sum("municipalities__population")
    ).prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.order_by("name")))


def region_by_slug(slug: str) -> Region:
    return Region.objects.annotate(population=Sum("municipalities__population")).get(slug=slug)


def municipalities_of(region: Region) -> QuerySet[Municipality]:
    return region.municipalities.order_by("name")


def municipalities_for_postcode(postcode: str) -> QuerySet[Municipality]:
    ids = PostcodeArea.objects.filter(postcode=postcode).values("municipality_id")
    return Municipality.objects.filter(pk__in=ids).select_related("region").order_by("name")


def _place_keys(name: str) -> set[str]:
    """Spellings of a place name people type: "Tangerhütte", "Tangerhuette", "Tangerhutte"."""
    lowered = " ".join(name.lower().replace("-", " ").split())
    spelled_out = lowered.translate(_SPELL_OUT)
    bare = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
    return {lowered, spelled_out, bare.replace("ß", "ss")}


_SPELL_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def municipality_named(text: str) -> Municipality | None:
    """The municipality called ``text`` however its umlauts were typed ("Tangerhuette",
    "Tangerhutte"), else the only one whose name starts with it, else None."""
    wanted = _place_keys(text)
    if not text.strip():
        return None
    exact, starting = [], []
    municipalities = Municipality.objects.only("id", "name", "region_id", "latitude", "longitude").order_by("name")
    for municipality in municipalities:
        keys = _place_keys(municipality.name)
        if keys & wanted:
            exact.append(municipality)
        elif any(key.startswith(want) for key in keys for want in wanted):
            starting.append(municipality)
    if exact:
        return exact[0]
    return starting[0] if len(starting) == 1 else None


def municipality_for_place(text: str) -> Municipality | None:
    """A typed place: a five-digit postcode (its first municipality by name) or a name."""
    text = text.strip()
    if len(text) == 5 and text.isascii() and text.isdigit():
        return municipalities_for_postcode(text).first()
    return municipality_named(text)


def legal_page(slug: str, language: str) -> LegalPage | None:
    """The page in the asked language, else in German (always present), else None."""
    pages = {
        p.language: p for p in LegalPage.objects.filter(slug=slug, language__in={language, settings.LANGUAGE_CODE})
    }
    return pages.get(language) or pages.get(settings.LANGUAGE_CODE)


PRIVACY_VERSION_CACHE_KEY = "landnetz:privacy-statement-version"


def privacy_statement_version() -> int:
    """The version of the (German) privacy statement that consent refers to.

    Asked on every request of a member (see accounts' ConsentMiddleware), so it is cached;
    ``core.services.save_legal_page`` forgets it when the statement changes.
    """

    def read() -> int:
        page = (
            LegalPage.objects.filter(slug=LegalPage.Slug.PRIVACY, language=settings.LANGUAGE_CODE)
            .only("version")
            .first()
        )
        return page.version if page else settings.LANDNETZ_PRIVACY_DEFAULT_VERSION

    return cache.get_or_set(PRIVACY_VERSION_CACHE_KEY, read, 300)


def audit_entries() -> QuerySet[AuditEntry]:
    return AuditEntry.objects.select_related("actor", "region")


def topics_with_usage() -> QuerySet[Topic]:
    """Topics with how many profiles and organisations use them (for coordinators)."""
    return Topic.objects.annotate(
        people=Count("profiles", distinct=True), orgs=Count("organisations", distinct=True)
    ).order_by("name")


def topic_by_slug(slug: str) -> Topic:
    try:
        return Topic.objects.get(slug=slug)
    except Topic.DoesNotExist as exc:
        raise Http404 from exc


def existing_topic_slugs(slugs) -> set[str]:
    """Which of ``slugs`` are topics (coordinators may rename or delete the default ones)."""
    return set(Topic.objects.filter(slug__in=list(slugs)).values_list("slug", flat=True))


@dataclass(frozen=True)
class OperatorContact:
    name: str
    address: str
    email: str
    phone: str

    @property
    def phone_link(self) -> str:
        return "tel:" + "".join(char for char in self.phone if char.isdigit() or char == "+")


def operator_contact() -> OperatorContact | None:
    """Who runs this Landnetz and how to reach them (settings ``LANDNETZ_OPERATOR_*``);
    None when nothing is configured."""
    contact = OperatorContact(
        name=settings.LANDNETZ_OPERATOR_NAME.strip(),
        address=settings.LANDNETZ_OPERATOR_ADDRESS.strip(),
        email=settings.LANDNETZ_OPERATOR_EMAIL.strip(),
        phone=settings.LANDNETZ_OPERATOR_PHONE.strip(),
    )
    return contact if any([contact.name, contact.address, contact.email, contact.phone]) else None
