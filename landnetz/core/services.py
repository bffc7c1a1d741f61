"""Writes of the core app: audit log, legal pages, loading regions."""

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify

from landnetz.core import hooks
from landnetz.core.models import AuditEntry, LegalPage, Municipality, PostcodeArea, Region, Topic
from landnetz.core.queries import PRIVACY_VERSION_CACHE_KEY


def audit(*, actor, verb: str, obj=None, region: Region | None = None, data: dict | None = None) -> AuditEntry:
    """Record an administrative action. Call inside the service's transaction."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        region=region,
        data=data or {},
    )


@transaction.atomic
def save_legal_page(*, actor, slug: str, language: str, title: str, body: str) -> LegalPage:
    """Create or update one language of a legal page; every change raises its version."""
    if not actor.has_perm("core.edit_legal_page"):
        raise PermissionDenied
    page = LegalPage.objects.select_for_update().filter(slug=slug, language=language).first()
    if page is None:
        page = LegalPage.objects.create(slug=slug, language=language, title=title, body=body, updated_by=actor)
    else:
        page.title, page.body, page.updated_by = title, body, actor
        page.version = F("version") + 1
        page.save()
        page.refresh_from_db()
    audit(actor=actor, verb="legal_page.saved", obj=page, data={"version": page.version})
    if slug == LegalPage.Slug.PRIVACY:
        # Members are asked to agree to the new version (accounts.middleware.ConsentMiddleware).
        # Forget it now for this transaction and again after commit for everyone else.
        cache.delete(PRIVACY_VERSION_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(PRIVACY_VERSION_CACHE_KEY))
    return page


# --- Regions from the Destatis Gemeindeverzeichnis ------------------------------------


@dataclass
class LoadResult:
    regions: int
    municipalities: int
    postcodes: int


def _number(text: str) -> int:
    digits = "".join(ch for ch in text if ch in "0123456789")
    return int(digits) if digits else 0


def _coordinate(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip().replace(",", ".")).quantize(Decimal("0.000001"))
    except InvalidOperation:
        return None


def german_slug(name: str) -> str:
    """Slug with German transliteration: "Börde" -> "boerde", "Dessau-Roßlau" -> "dessau-rosslau"."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        name = name.replace(umlaut, plain)
    return slugify(name)


def _region_name(name: str, text_key: str) -> str:
    # Destatis writes "Stendal"; people say "Landkreis Stendal" (but "Burgenlandkreis").
    # Its text key says which: 43 Kreis, 44 Landkreis, 45 Regionalverband (Saarbrücken,
    # already in the name), 41/42 cities.
    prefix = {"43": "Kreis", "44": "Landkreis"}.get(text_key)
    if prefix and "kreis" not in name.lower():
        return f"{prefix} {name}"
    return name


def _clean_name(name: str) -> str:
    # Destatis writes "Halle (Saale), Stadt"; people write "Halle (Saale)".
    for suffix in (", Stadt", ", Landeshauptstadt", ", Hansestadt", ", Lutherstadt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@transaction.atomic
def load_regions(*, land: str, gemeinden_csv: Path, postcodes_csv: Path | None = None) -> LoadResult:
    """Create or update the regions and municipalities of one Land. Idempotent."""
    regions: dict[str, Region] = {}
    municipality_count = 0
    with open(gemeinden_csv, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["land"] != land:
                continue
            if row["satzart"] == "40":
                key = f"{row['land']}{row['rb']}{row['kreis']}"
                kind = Region.Kind.CITY if row["textkennzeichen"] in {"41", "42"} else Region.Kind.DISTRICT
                name = _clean_name(row["gemeindename"])
                regions[key], _ = Region.objects.update_or_create(
                    ags=key,
                    defaults={
                        "name": _region_name(name, row["textkennzeichen"]),
                        "kind": kind,
                        "slug": german_slug(name),
                    },
                )
            elif row["satzart"] == "60":
                region_key = f"{row['land']}{row['rb']}{row['kreis']}"
                urbanisation = _number(row["verstaedterungschluessel"]) or None
                Municipality.objects.update_or_create(
                    ags=f"{region_key}{row['gemeinde']}",
                    defaults={
                        "region": regions[region_key],
                        "name": _clean_name(row["gemeindename"]),
                        "postcode": row["postleitzahl"].strip(),
                        "population": _number(row["bevoelkerung"]),
                        "urbanisation": urbanisation,
                        "latitude": _coordinate(row["breitengrad"]),
                        "longitude": _coordinate(row["laengengrad"]),
                    },
                )
                municipality_count += 1
    postcode_count = 0
    if postcodes_csv is not None:
        by_ags = dict(Municipality.objects.filter(ags__startswith=land).values_list("ags", "pk"))
        with open(postcodes_csv, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                municipality_id = by_ags.get(row["ags"])
                if municipality_id is None or not row["plz"].strip():
                    continue
                PostcodeArea.objects.update_or_create(
                    postcode=row["plz"].strip(),
                    municipality_id=municipality_id,
                    defaults={"place": row["ort"].strip()},
                )
                postcode_count += 1
    return LoadResult(len(regions), municipality_count, postcode_count)


# --- Topics -------------------------------------------------------------------------------


@transaction.atomic
def save_topic(*, actor, topic=None, name: str, translations: dict[str, str]):
    """Create or rename a topic. Names are unique (case-insensitive) in German."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if not actor.has_perm("core.manage_topics"):
        raise PermissionDenied
    clash = Topic.objects.filter(name__iexact=name.strip())
    if topic is not None:
        clash = clash.exclude(pk=topic.pk)
    if clash.exists():
        raise ValidationError({"name": _("A topic with this name already exists.")})
    created = topic is None
    if created:
        base = german_slug(name)[:50] or "thema"
        slug, number = base, 2
        while Topic.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        topic = Topic(slug=slug)
    topic.name, topic.translations = name.strip(), translations
    topic.save()
    audit(actor=actor, verb="topic.created" if created else "topic.changed", obj=topic)
    if not created:
        _reindex_topic(topic)
    return topic


@transaction.atomic
def delete_topic(*, actor, topic) -> None:
    if not actor.has_perm("core.manage_topics"):
        raise PermissionDenied
    audit(actor=actor, verb="topic.deleted", obj=topic, data={"name": topic.name})
    profiles = list(topic.profiles.select_related("user"))
    organisations = list(topic.organisations.all())
    topic.delete()
    _reindex(profiles, organisations)


def _reindex_topic(topic) -> None:
    _reindex(list(topic.profiles.select_related("user")), list(topic.organisations.all()))


def _reindex(profiles, organisations) -> None:
    # Topic names are part of the directory text of everyone who uses them.
    hooks.stale(profiles=profiles, organisations=organisations)
