from django.contrib.auth.decorators import login_required
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from landnetz.core import queries, services
from landnetz.core.forms import LegalPageForm, PostcodeForm
from landnetz.core.models import LegalPage, Region


def home(request):
    regions = queries.regions_with_municipalities().order_by("kind", "name")
    return render(request, "core/home.html", {"regions": regions})


def region_list(request):
    form = PostcodeForm(request.GET or None)
    matches = None
    if form.is_bound and form.is_valid():
        matches = list(queries.municipalities_for_postcode(form.cleaned_data["postcode"]))
    return render(
        request,
        "core/region_list.html",
        {"regions": queries.regions_with_municipalities(), "postcode_form": form, "matches": matches},
    )


def region_detail(request, slug: str):
    try:
        region = queries.region_by_slug(slug)
    except Region.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "core/region_detail.html",
        {"region": region, "municipalities": queries.municipalities_of(region)},
    )


def legal_page(request, slug: str):
    if slug not in LegalPage.Slug.values:
        raise Http404
    page = queries.legal_page(slug, get_language())
    if page is None:
        raise Http404
    return render(
        request,
        "core/legal_page.html",
        {"page": page, "can_edit": request.user.has_perm("core.edit_legal_page")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def legal_page_edit(request, slug: str):
    if slug not in LegalPage.Slug.values:
        raise Http404
    if not request.user.has_perm("core.edit_legal_page"):
        raise PermissionDenied
    language = request.POST.get("language") or request.GET.get("language") or get_language()
    existing = queries.legal_page(slug, language)
    initial = {"language": language}
    if existing is not None and existing.language == language:
        initial |= {"title": existing.title, "body": existing.body}
    form = LegalPageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_legal_page(actor=request.user, slug=slug, **form.cleaned_data)
        messages.success(request, _("The page has been saved."))
        return redirect("core:legal_page", slug=slug)
    return render(
        request,
        "core/legal_page_edit.html",
        {"form": form, "slug": slug, "slug_label": LegalPage.Slug(slug).label, "existing": existing},
    )


@login_required
def audit_log(request):
    if not request.user.has_perm("core.view_audit_log"):
        raise PermissionDenied
    page = Paginator(queries.audit_entries(), 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page})
