"""Organisations in the site search, and the organisation names in their members' documents."""

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.core.models import Sector
from landnetz.organisations.models import Membership, Organisation
from landnetz.search.index import labels
from landnetz.search.registry import Document, SearchKind

ORGANISATION = "organisation"
KIND_TAG = "orgkind"


def kind_label(entry) -> str:
    """The organisation kind of a search entry, in the active language."""
    for tag in entry.tag_list:
        name, _, value = tag.partition(":")
        if name == KIND_TAG and value in Organisation.Kind.values:
            return str(Organisation.Kind(value).label)
    return ""


def organisation_documents(organisations) -> list[Document]:
    organisations = list(organisations)
    prefetch_related_objects(organisations, "municipality__region", "topics", "languages")
    return [_document(organisation) for organisation in organisations if not organisation.moderation_hidden]


def _document(organisation: Organisation) -> Document:
    municipality = organisation.municipality
    latitude = organisation.latitude if organisation.latitude is not None else municipality.latitude
    longitude = organisation.longitude if organisation.longitude is not None else municipality.longitude
    topics = list(organisation.topics.all())
    codes = [language.code for language in organisation.languages.all()]
    return Document(
        kind=ORGANISATION,
        object_id=organisation.pk,
        key=organisation.slug,
        title=organisation.name,
        audience=organisation.visibility,
        language=organisation.description_language,
        text=[
            organisation.name,
            organisation.description,
            *labels(Organisation.Kind(organisation.kind).label),
            *labels(Sector(organisation.sector).label),
            *[name for topic in topics for name in [topic.name, *topic.translations.values()]],
            *[str(LANGUAGE_NAMES.get(code, code)) for code in codes],
            municipality.name,
            municipality.region.name,
        ],
        # The kind is shown in the reader's language (search_result.html), so it is kept as
        # a key, not as the label of the language the index was written in.
        tags=[f"{KIND_TAG}:{organisation.kind}"],
        sector=organisation.sector,
        region_id=municipality.region_id,
        municipality_id=municipality.pk,
        latitude=None if latitude is None else float(latitude),
        longitude=None if longitude is None else float(longitude),
        topics=topics,
        languages=codes,
    )


def organisations_of_members(user_ids) -> dict[int, list[tuple[str, str]]]:
    """(name, visibility) of each member's organisations, for the people's documents.

    Active memberships of organisations not hidden by moderation, in the default
    membership order; one query for the whole batch.
    """
    found: dict[int, list[tuple[str, str]]] = {}
    if not user_ids:
        return found
    memberships = (
        Membership.objects.filter(user_id__in=user_ids, status=Membership.Status.ACTIVE)
        .exclude(organisation__moderation_hidden=True)
        .values_list("user_id", "organisation__name", "organisation__visibility")
    )
    for user_id, name, visibility in memberships:
        found.setdefault(user_id, []).append((name, visibility))
    return found


def everything():
    return Organisation.objects.select_related("municipality__region").prefetch_related("topics", "languages")


ORGANISATIONS = SearchKind(
    name=ORGANISATION,
    label=_("Organisation"),
    label_plural=_("Organisations"),
    model=Organisation,
    documents=organisation_documents,
    everything=everything,
    url=lambda key: reverse("organisations:detail", kwargs={"slug": key}),
    result_template="organisations/search_result.html",
)
