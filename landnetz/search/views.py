from django.core.paginator import Paginator
from django.shortcuts import render

from landnetz.search import queries, registry
from landnetz.search.forms import SiteSearchForm

PAGE_SIZE = 20


def results(request):
    """The header search: every kind the viewer may see, one GET form, no JavaScript needed.

    Counts per kind come from the same visibility rules as the results, so content a
    viewer may not see changes neither the list nor a number.
    """
    form = SiteSearchForm(request.GET or None)
    page, counts, capped = None, [], False
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        criteria = form.criteria()
        page = Paginator(queries.search(request.user, criteria), PAGE_SIZE).get_page(request.GET.get("page"))
        # More matches than a text search ranks: the counts per kind would be those of the
        # window, so the page names the kinds without numbers (see queries.WINDOW).
        capped = page.paginator.count >= queries.WINDOW
        by_kind = queries.counts_by_kind(request.user, criteria)
        counts = [(kind.name, kind.label_plural, by_kind.get(kind.name, 0)) for kind in registry.kinds()]
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "page": page,
            "counts": counts,
            "capped": capped,
            "window": queries.WINDOW,
            "total": sum(count for _name, _label, count in counts),
            "selected_kind": form.cleaned_data.get("kind", "") if form.is_bound and form.is_valid() else "",
        },
    )
