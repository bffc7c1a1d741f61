from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from landnetz.search import queries, registry, services
from landnetz.search.forms import SiteSearchForm, TermForm

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


# --- The vocabulary (coordinators and network admins) ----------------------------------------

VOCABULARY_PAGE_SIZE = 50


def _vocabulary_keeper(request) -> None:
    if not request.user.has_perm("search.manage_vocabulary"):
        raise PermissionDenied


@login_required
def vocabulary_list(request):
    _vocabulary_keeper(request)
    text = request.GET.get("q", "")[:80]
    page = Paginator(queries.vocabulary_terms(text), VOCABULARY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "search/vocabulary_list.html", {"page": page, "q": text})


@login_required
@require_http_methods(["GET", "POST"])
def vocabulary_edit(request, term_id: int | None = None):
    _vocabulary_keeper(request)
    term = queries.term_by_id(term_id) if term_id else None
    form = TermForm(request.POST or None, term=term)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_term(
                actor=request.user,
                term=term,
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                broader=form.cleaned_data["broader"],
                synonyms=form.synonyms(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The word has been saved. The search will find it in a moment."))
            return redirect("search:vocabulary_list")
    return render(request, "search/vocabulary_edit.html", {"form": form, "term": term})


@login_required
@require_http_methods(["GET", "POST"])
def vocabulary_delete(request, term_id: int):
    _vocabulary_keeper(request)
    term = queries.term_by_id(term_id)
    if request.method == "POST":
        services.delete_term(actor=request.user, term=term)
        messages.success(request, _("The word has been deleted."))
        return redirect("search:vocabulary_list")
    return render(request, "search/vocabulary_delete.html", {"term": term, "narrower": term.narrower.count()})
