import csv

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from landnetz.core import queries as core_queries
from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.core.models import Region, Sector
from landnetz.directory import queries
from landnetz.directory.forms import SearchForm
from landnetz.search import queries as site_search
from landnetz.search import registry as search_registry

PAGE_SIZE = 20
NEAREST_OUTSIDE = 3
FILTERS = ("kind", "sector", "region", "topic", "language", "interpreter", "open_to_newcomers")


def _without(query, *names, **replace) -> str:
    changed = query.copy()
    for name in names:
        changed.pop(name, None)
    for name, value in replace.items():
        changed[name] = value
    return changed.urlencode()


def _nothing_found_help(request, form, query) -> dict:
    """What to try when a search finds nothing: links that widen it, and the nearest
    matches beyond the radius (one more query, only on this page)."""
    data = form.cleaned_data
    tries = {}
    if data.get("near") is not None and data.get("radius") != "any":
        tries["larger_radius"] = _without(query, radius="any")
        criteria = form.criteria()
        criteria.radius_km, criteria.sort = None, "distance"
        nearest = list(queries.search(request.user, criteria)[:NEAREST_OUTSIDE])
        for entry in nearest:
            entry.distance_km = queries.distance_km(entry)
        tries["nearest"] = nearest
    if data.get("q"):
        tries["without_text"] = _without(query, "q")
    if any(data.get(name) for name in FILTERS):
        tries["fewer_filters"] = _without(query, *FILTERS)
    return tries


@vary_on_headers("HX-Request")
def search(request):
    """The directory: one GET form, whole page without JavaScript, results fragment for htmx."""
    form = SearchForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        criteria = form.criteria() if form.is_bound else queries.Criteria()
        page = Paginator(queries.search(request.user, criteria), PAGE_SIZE).get_page(request.GET.get("page"))
        for entry in page.object_list:
            entry.distance_km = queries.distance_km(entry)
    query = request.GET.copy()
    query.pop("page", None)
    capped = (
        page is not None
        and bool(form.is_bound and form.cleaned_data.get("q"))
        and (page.paginator.count >= site_search.WINDOW)
    )
    context = {"form": form, "page": page, "capped": capped, "window": site_search.WINDOW}
    if page is not None and form.is_bound and page.paginator.count == 0:
        context["tries"] = _nothing_found_help(request, form, query)
    fragment = request.htmx and not request.htmx.history_restore_request
    if not fragment:
        return render(request, "directory/search.html", context)
    if page is None:
        # The error summary lives in the form, outside the swapped results: load the whole page.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = request.get_full_path()
        return response
    response = render(request, "directory/search.html#results", context)
    patch_cache_control(response, no_store=True)  # never shown for Back/Forward as a whole page
    return response


def _region_or_404(slug: str) -> Region:
    try:
        return core_queries.region_by_slug(slug)
    except Region.DoesNotExist as exc:
        raise Http404 from exc


def region(request, slug: str):
    place = _region_or_404(slug)
    members = Paginator(queries.region_members(place, request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/region.html",
        {
            "region": place,
            "overview": queries.region_overview(place, request.user),
            "members": members,
            "municipalities": core_queries.municipalities_of(place),
        },
    )


# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@require_safe
def region_csv(request, slug: str):
    """What the region page lists for this viewer, as a spreadsheet: the organisations and
    members the viewer may see, only with what the search index holds for that audience."""
    place = _region_or_404(slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="landnetz-{place.slug}.csv"'
    add_never_cache_headers(response)  # names of people: never kept by a cache
    response.write("\ufeff")  # the byte order mark makes Excel read UTF-8
    # Semicolons: German Excel reads a comma-separated file as one column.
    writer = csv.writer(response, delimiter=";")
    sectors = dict(Sector.choices)
    writer.writerow(
        [
            _("Type"),
            _("Name"),
            _("Role or job title"),
            _("Sector"),
            _("Municipality"),
            _("Languages"),
            _("Topics"),
            _("Page on Landnetz"),
        ]
    )
    for entry in queries.region_export(place, request.user):
        writer.writerow(
            _cell(value)
            for value in [
                search_registry.get(entry.kind).label,
                entry.title,
                entry.summary,
                sectors.get(entry.sector, ""),
                entry.municipality.name if entry.municipality else "",
                ", ".join(str(LANGUAGE_NAMES.get(language.code, language.code)) for language in entry.languages.all()),
                ", ".join(topic.label for topic in entry.topics.all()),
                request.build_absolute_uri(search_registry.get(entry.kind).url(entry.key)),
            ]
        )
    return response
