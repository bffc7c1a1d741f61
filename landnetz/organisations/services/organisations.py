"""Creating, changing, verifying and deleting organisations."""

from collections.abc import Iterable
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landnetz.core.languages import LANGUAGE_NAMES, WRITTEN_LANGUAGES
from landnetz.core.models import Municipality
from landnetz.core.permissions import is_member
from landnetz.core.services import audit, german_slug
from landnetz.notifications.services import notify
from landnetz.organisations import notifications as kinds
from landnetz.organisations.images import clean_logo
from landnetz.organisations.models import Membership, Organisation, OrganisationLanguage
from landnetz.organisations.permissions import forget_memberships
from landnetz.organisations.search import ORGANISATION
from landnetz.organisations.services.common import (
    ACTIVE,
    ADMIN,
    DUPLICATE_NAME,
    _lock,
    _member_users,
    _region,
    _reindex_profiles,
    _require,
)
from landnetz.search import index as search_index


def _unique_slug(name: str, municipality: Municipality, exclude_pk: int | None = None) -> str:
    place = german_slug(municipality.name) or "ort"
    base = (german_slug(name) or "organisation")[: 170 - len(place) - 5].strip("-")
    stem = base if base == place or base.endswith(f"-{place}") else f"{base}-{place}"
    slug, number = stem, 2
    others = Organisation.objects.exclude(pk=exclude_pk) if exclude_pk else Organisation.objects.all()
    while others.filter(slug=slug).exists():
        slug, number = f"{stem}-{number}", number + 1
    return slug


def _check_name(name: str, municipality: Municipality, exclude_pk: int | None = None) -> None:
    duplicates = Organisation.objects.filter(name__iexact=name.strip(), municipality=municipality)
    if exclude_pk:
        duplicates = duplicates.exclude(pk=exclude_pk)
    if duplicates.exists():
        raise ValidationError(
            {"name": ValidationError(DUPLICATE_NAME, code="duplicate", params={"municipality": municipality.name})}
        )


def _check_languages(languages: Iterable[str]) -> list[str]:
    codes = list(dict.fromkeys(languages or []))
    unknown = [code for code in codes if code not in LANGUAGE_NAMES]
    if unknown:
        raise ValidationError(
            {"languages": ValidationError(_("Please choose languages from the list."), code="unknown")}
        )
    return codes


def _processed_logo(logo):
    if not logo:
        return None
    try:
        return clean_logo(logo)
    except ValidationError as exc:
        raise ValidationError({"logo": exc.error_list}) from None


def _save_checked(organisation: Organisation) -> None:
    """Validate the model and save; the name constraint may still race, so map that too."""
    organisation.full_clean(exclude=["logo"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        _check_name(organisation.name, organisation.municipality, exclude_pk=organisation.pk)
        raise ValidationError(_("The organisation could not be saved. Please try again."), code="conflict") from None


def _set_languages(organisation: Organisation, codes: list[str]) -> None:
    organisation.languages.all().delete()
    OrganisationLanguage.objects.bulk_create(
        OrganisationLanguage(organisation=organisation, code=code) for code in codes
    )


def _replace_logo(organisation: Organisation, logo) -> None:
    old_name = organisation.logo.name if organisation.logo else ""
    storage = organisation.logo.storage
    if logo is not None:
        organisation.logo.save("logo.png", logo, save=False)
    else:
        organisation.logo = ""
    if old_name:
        transaction.on_commit(partial(storage.delete, old_name))


def _text_language(language: str, fallback: str) -> str:
    """The language a description is written in; not given: ``fallback`` (the writer's own)."""
    if not language:
        return fallback if fallback in dict(WRITTEN_LANGUAGES) else settings.LANGUAGE_CODE
    if language not in dict(WRITTEN_LANGUAGES):
        raise ValidationError(
            {"description_language": ValidationError(_("Please choose a language from the list."), code="unknown")}
        )
    return language


@transaction.atomic
def create_organisation(
    *,
    actor,
    name: str,
    kind: str,
    sector: str,
    municipality: Municipality,
    description: str = "",
    description_language: str = "",
    topics: Iterable = (),
    languages: Iterable[str] = (),
    street: str = "",
    postcode: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    opening_hours: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    visibility: str = Organisation.Visibility.PUBLIC,
    logo=None,
) -> Organisation:
    """Register an organisation; its creator becomes its first administrator."""
    if not is_member(actor) or not actor.has_perm("organisations.add_organisation"):
        raise PermissionDenied
    name = name.strip()
    _check_name(name, municipality)
    codes = _check_languages(languages)
    logo = _processed_logo(logo)
    if latitude is None and longitude is None:
        # The offline gazetteer: the municipality's centre from the Destatis data.
        latitude, longitude = municipality.latitude, municipality.longitude
    organisation = Organisation(
        name=name,
        kind=kind,
        sector=sector,
        description=description,
        description_language=_text_language(description_language, actor.preferred_language),
        street=street,
        postcode=postcode,
        opening_hours=opening_hours,
        website=website,
        email=email,
        phone=phone,
        visibility=visibility,
        slug=_unique_slug(name, municipality),
        municipality=municipality,
        latitude=latitude,
        longitude=longitude,
        created_by=actor,
    )
    _save_checked(organisation)
    if logo is not None:
        organisation.logo.save("logo.png", logo, save=True)
    organisation.topics.set(topics)
    _set_languages(organisation, codes)
    Membership.objects.create(organisation=organisation, user=actor, role=ADMIN, status=ACTIVE)
    audit(actor=actor, verb="organisation.created", obj=organisation, region=_region(organisation))
    search_index.reindex(ORGANISATION, [organisation])
    _reindex_profiles(actor)
    forget_memberships(actor)
    return organisation


@transaction.atomic
def update_organisation(
    *,
    actor,
    organisation: Organisation,
    name: str,
    kind: str,
    sector: str,
    municipality: Municipality,
    description: str = "",
    description_language: str = "",
    topics: Iterable = (),
    languages: Iterable[str] = (),
    street: str = "",
    postcode: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    opening_hours: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    visibility: str = Organisation.Visibility.PUBLIC,
    logo=None,
    remove_logo: bool = False,
) -> Organisation:
    """Change an organisation's page. A new name or place removes the verification."""
    _require(actor, "organisations.change_organisation", organisation)
    organisation = _lock(organisation)
    name = name.strip()
    _check_name(name, municipality, exclude_pk=organisation.pk)
    codes = _check_languages(languages)
    logo = _processed_logo(logo)
    old_municipality = organisation.municipality
    if latitude is None and longitude is None:
        latitude, longitude = municipality.latitude, municipality.longitude
    elif municipality.pk != old_municipality.pk and (latitude, longitude) == (
        old_municipality.latitude,
        old_municipality.longitude,
    ):
        # The form still showed the old municipality's centre: follow the move.
        latitude, longitude = municipality.latitude, municipality.longitude
    changed_identity = name != organisation.name or municipality.pk != old_municipality.pk
    # Member profiles in the directory name the organisation where its visibility allows.
    profiles_affected = name != organisation.name or visibility != organisation.visibility
    organisation.name, organisation.kind, organisation.sector = name, kind, sector
    organisation.description, organisation.opening_hours = description, opening_hours
    organisation.description_language = _text_language(description_language, organisation.description_language)
    organisation.street, organisation.postcode = street, postcode
    organisation.website, organisation.email, organisation.phone = website, email, phone
    organisation.visibility = visibility
    organisation.municipality = municipality
    organisation.latitude, organisation.longitude = latitude, longitude
    data = {}
    if changed_identity and organisation.verified_at is not None:
        organisation.verified_at, organisation.verified_by = None, None
        data["verification_removed"] = True
    _save_checked(organisation)
    if logo is not None or (remove_logo and organisation.logo):
        _replace_logo(organisation, logo)
        organisation.save(update_fields=["logo"])
    organisation.topics.set(topics)
    _set_languages(organisation, codes)
    audit(
        actor=actor,
        verb="organisation.updated",
        obj=organisation,
        region=_region(organisation),
        data=data,
    )
    search_index.reindex(ORGANISATION, [organisation])
    if profiles_affected:
        _reindex_profiles(*_member_users(organisation))
    return organisation


@transaction.atomic
def delete_organisation(*, actor, organisation: Organisation) -> None:
    _require(actor, "organisations.delete_organisation", organisation)
    delete_organisation_rows(actor=actor, organisation=organisation)


def delete_organisation_rows(*, actor, organisation: Organisation) -> None:
    """Delete an organisation with its index entry and logo file; the caller checked permission.

    Used by ``delete_organisation``, the admin area and the erasure of its last member.
    """
    organisation = _lock(organisation)
    users = _member_users(organisation)
    audit(
        actor=actor,
        verb="organisation.deleted",
        obj=organisation,
        region=_region(organisation),
        data={"slug": organisation.slug},
    )
    logo_name = organisation.logo.name if organisation.logo else ""
    storage = organisation.logo.storage
    search_index.remove(ORGANISATION, [organisation.pk])
    organisation.delete()
    if logo_name:
        transaction.on_commit(partial(storage.delete, logo_name))
    _reindex_profiles(*users)
    forget_memberships(actor, *users)


@transaction.atomic
def verify(*, actor, organisation: Organisation) -> Organisation:
    """Confirm that the organisation exists and is who it says (region coordinators)."""
    _require(actor, "organisations.verify_organisation", organisation)
    organisation = _lock(organisation)
    organisation.verified_at = timezone.now()
    organisation.verified_by = actor
    organisation.save(update_fields=["verified_at", "verified_by", "updated_at"])
    audit(actor=actor, verb="organisation.verified", obj=organisation, region=_region(organisation))
    search_index.reindex(ORGANISATION, [organisation])
    admins = Membership.objects.filter(organisation=organisation, status=ACTIVE, role=ADMIN).select_related("user")
    notify(
        recipients=[membership.user for membership in admins],
        kind=kinds.VERIFIED,
        actor=actor,
        data={"organisation": organisation.name},
        url=("organisations:detail", {"slug": organisation.slug}),
    )
    return organisation


@transaction.atomic
def unverify(*, actor, organisation: Organisation) -> Organisation:
    _require(actor, "organisations.verify_organisation", organisation)
    organisation = _lock(organisation)
    organisation.verified_at = None
    organisation.verified_by = None
    organisation.save(update_fields=["verified_at", "verified_by", "updated_at"])
    audit(actor=actor, verb="organisation.unverified", obj=organisation, region=_region(organisation))
    search_index.reindex(ORGANISATION, [organisation])
    return organisation


@transaction.atomic
def set_hidden(*, organisation: Organisation, hidden: bool) -> None:
    """Hide a reported organisation from everyone but its admins, or show it again
    (called by the moderation seam, which checks who may)."""
    organisation = _lock(organisation)
    organisation.moderation_hidden = hidden
    organisation.save(update_fields=["moderation_hidden", "updated_at"])
    search_index.reindex(ORGANISATION, [organisation])
    _reindex_profiles(*_member_users(organisation))
