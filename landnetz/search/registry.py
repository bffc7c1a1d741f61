"""What the site search knows about the apps above it: their kinds and their audiences.

The search seam imports no feature app. Each app that wants its objects found registers a
``SearchKind`` in its ``AppConfig.ready`` (people and organisations today; posts, groups,
events, offers… later) and calls ``landnetz.search.index.reindex`` inside the transaction
of every service that changes such an object. A kind turns its objects into ``Document``s:
plain data, built only from what the object's owner made visible to the document's
audience. The search app stores, filters and ranks them; results render through the
kind's own template fragment.

Audiences: ``"public"`` (everyone), ``"members"`` (logged-in members) or a narrower one
such as ``"group:12"`` that an app names. Apps that hand out narrower audiences register
an ``audiences(viewer)`` provider saying which of them a viewer belongs to; a document
is found only by viewers whose audiences contain its own, in results and in counts.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Model
from django.db.models.signals import post_delete

from landnetz.search.models import SearchEntry

PUBLIC = "public"
MEMBERS = "members"


@dataclass
class Document:
    """One searchable object, as its app describes it.

    ``text`` parts are what a search word may match (visible fields only); ``tags`` are
    extra filter words made from keys the app controls (e.g. ``"interp:yes"``), never
    from user text. ``key`` is what the kind's URL needs (a user id, a slug).
    """

    kind: str
    object_id: int
    key: str
    title: str
    audience: str
    text: Sequence[str] = ()
    summary: str = ""
    language: str = ""  # the language the text is written in ("" = unknown or mixed)
    sector: str = ""
    region_id: int | None = None
    municipality_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    topics: Sequence = ()  # core.Topic objects
    languages: Sequence[str] = ()  # languages the person or offer speaks (codes)
    tags: Sequence[str] = ()


@dataclass(frozen=True)
class SearchKind:
    """A kind of searchable object and how the search gets at it.

    - ``documents(objects)``: the documents for these objects (one per visible object;
      objects that should not be found are left out). Called with one object after a
      change and with batches of 2 000 by ``rebuild_search``: fetch related rows per
      batch, not per object.
    - ``everything()``: a queryset of all objects of the kind, loaded the way
      ``documents`` wants them (``select_related``/``prefetch_related``).
    - ``url(key)``: the object's page.
    - ``model``: deleting such an object removes its document (cascades included).
    - ``result_template``: renders one result; gets ``entry`` (a ``SearchEntry``).
    """

    name: str
    label: str
    label_plural: str
    model: type[Model]
    documents: Callable[[Sequence], Iterable[Document]]
    everything: Callable[[], Iterable]
    url: Callable[[str], str]
    result_template: str


_kinds: dict[str, SearchKind] = {}
_audience_providers: list[Callable] = []


def register(kind: SearchKind) -> None:
    if kind.name in _kinds and _kinds[kind.name] != kind:
        raise ValueError(f"search kind {kind.name!r} registered twice")
    _kinds[kind.name] = kind
    post_delete.connect(_forget_deleted, sender=kind.model, dispatch_uid=f"search-forget-{kind.name}")


def kinds() -> list[SearchKind]:
    return list(_kinds.values())


def get(name: str) -> SearchKind:
    return _kinds[name]


def kind_for_model(model: type[Model]) -> list[SearchKind]:
    return [kind for kind in _kinds.values() if kind.model is model]


def register_audiences(provider: Callable) -> None:
    """``provider(viewer)`` returns the narrower audiences (``"group:12"``) the viewer is in."""
    _audience_providers.append(provider)


def audiences_of(viewer) -> list[str]:
    if viewer is None or not viewer.is_authenticated:
        return [PUBLIC]
    extra = {audience for provider in _audience_providers for audience in provider(viewer)}
    return [PUBLIC, MEMBERS, *sorted(extra)]


def _forget_deleted(sender, instance, **kwargs) -> None:
    # Connected per registered model, so other models keep Django's fast (signal-free) delete.
    names = [kind.name for kind in kind_for_model(sender)]
    SearchEntry.objects.filter(kind__in=names, object_id=instance.pk).delete()
