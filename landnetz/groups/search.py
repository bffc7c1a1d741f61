"""Groups in the site search (kind ``group``).

Audiences: group pages are for logged-in members, so an open or closed group is found by
every member (``members``); a secret group only by its own members (``group:<id>``,
``apps.ready`` registers which of those audiences a viewer belongs to). A group hidden by
a moderator is not found at all. The document holds the name, the description, the kind
and the region: nothing about the members.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from landnetz.groups.models import Group
from landnetz.search.index import labels
from landnetz.search.registry import MEMBERS, Document, SearchKind

GROUP = "group"
KIND_TAG = "groupkind"


def audience_of(group: Group) -> str:
    return f"group:{group.pk}" if group.kind == Group.Kind.SECRET else MEMBERS


def kind_label(entry) -> str:
    """The kind of group of a search entry, in the active language."""
    for tag in entry.tag_list:
        name, _sep, value = tag.partition(":")
        if name == KIND_TAG and value in Group.Kind.values:
            return str(KIND_NAMES[value])
    return ""


KIND_NAMES = {
    Group.Kind.OPEN: _("Open group"),
    Group.Kind.CLOSED: _("Closed group"),
    Group.Kind.SECRET: _("Secret group"),
}


def group_documents(groups) -> list[Document]:
    return [_document(group) for group in groups if not group.hidden]


def _document(group: Group) -> Document:
    region = group.region
    return Document(
        kind=GROUP,
        object_id=group.pk,
        key=group.slug,
        title=group.name,
        audience=audience_of(group),
        language=group.description_language,
        text=[
            group.name,
            group.description,
            *labels(KIND_NAMES[group.kind]),
            *labels(_("Group")),
            *([region.name] if region is not None else []),
        ],
        summary=group.description[:300],
        tags=[f"{KIND_TAG}:{group.kind}"],
        region_id=group.region_id,
    )


def everything():
    return Group.objects.select_related("region")


GROUPS = SearchKind(
    name=GROUP,
    label=_("Group"),
    label_plural=_("Groups"),
    model=Group,
    documents=group_documents,
    everything=everything,
    url=lambda key: reverse("groups:detail", kwargs={"slug": key}),
    result_template="groups/search_result.html",
)
