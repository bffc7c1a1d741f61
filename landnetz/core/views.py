from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from landnetz.core import hooks, queries, services
from landnetz.core.forms import LegalPageForm, PostcodeForm, TopicForm
from landnetz.core.models import LegalPage
from landnetz.core.permissions import coordinated_region_ids


@dataclass(frozen=True)
class Find:
    """One thing a visitor can find here: a link into the directory, in the page's language."""

    label: str
    url: str


# Default topics (core migration 0004) that fit what a newcomer looks for; a link falls back
# to a search word when a coordinator has deleted or renamed the topic.
FIND_TOPICS = {"course": "sprachkurse", "counselling": "beratung", "job": "arbeitsmarkt"}


def _finds() -> list[Find]:
    directory = reverse("directory:search")
    language = get_language()
    topics = queries.existing_topic_slugs(FIND_TOPICS.values())

    def link(**query) -> str:
        return f"{directory}?{urlencode(query)}"

    def topic_or_words(name: str, words: str) -> str:
        return link(topic=FIND_TOPICS[name]) if FIND_TOPICS[name] in topics else link(q=words)

    if language == settings.LANGUAGE_CODE:
        # Everyone here speaks German: who speaks the newcomer's language is who interprets.
        speaks = Find(_("Someone who interprets"), link(interpreter="on"))
    else:
        speaks = Find(_("Someone who speaks your language"), link(language=language))
    return [
        speaks,
        Find(_("A German course"), topic_or_words("course", pgettext("search word", "German course"))),
        Find(_("Counselling"), topic_or_words("counselling", pgettext("search word", "counselling"))),
        Find(_("A doctor"), link(q=pgettext("search word", "doctor"))),
        Find(_("Help with a letter from an office"), link(q=pgettext("search word", "authority"))),
        Find(_("Work and training"), topic_or_words("job", pgettext("search word", "job"))),
    ]


def home(request):
    regions = queries.regions_with_municipalities().order_by("kind", "name")
    context = {"regions": regions}
    if request.user.is_authenticated:
        # Filled by the apps (organisations, moderation, accounts) through core.hooks.
        context["worklist"] = hooks.worklist(request.user)
        context["coordinates"] = bool(coordinated_region_ids(request.user))
        # The member's own start page: feed, messages, questions, groups (core.hooks).
        context["panels"] = hooks.panels("start", request.user)
    # Visitors and newcomers first learn what they can find here, then the network's story;
    # members find the same links after what waits for them (a newcomer stays a newcomer).
    context["finds"] = _finds()
    return render(request, "core/home.html", context)


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


def legal_page(request, slug: str):
    if slug not in LegalPage.Slug.values:
        raise Http404
    page = queries.legal_page(slug, get_language())
    if page is None:
        raise Http404
    context = {"page": page, "can_edit": request.user.has_perm("core.edit_legal_page")}
    if slug == LegalPage.Slug.PLAIN_LANGUAGE:
        # The easy-to-read page says whom to ask: the operator, as configured (not a placeholder).
        context["operator"] = queries.operator_contact()
    return render(request, "core/legal_page.html", context)


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


# --- Topics (coordinators and network admins) ------------------------------------------------


def _topic_manager(request):
    if not request.user.has_perm("core.manage_topics"):
        raise PermissionDenied


@login_required
def topic_list(request):
    _topic_manager(request)
    return render(request, "core/topic_list.html", {"topics": queries.topics_with_usage()})


@login_required
@require_http_methods(["GET", "POST"])
def topic_edit(request, slug: str | None = None):
    _topic_manager(request)
    topic = queries.topic_by_slug(slug) if slug else None
    initial = {}
    if topic is not None:
        initial = {"name": topic.name} | {f"name_{code}": name for code, name in topic.translations.items()}
    form = TopicForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_topic(
                actor=request.user, topic=topic, name=form.cleaned_data["name"], translations=form.translations()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The topic has been saved."))
            return redirect("core:topic_list")
    return render(request, "core/topic_edit.html", {"form": form, "topic": topic})


@login_required
@require_http_methods(["GET", "POST"])
def topic_delete(request, slug: str):
    _topic_manager(request)
    topic = queries.topic_by_slug(slug)
    if request.method == "POST":
        services.delete_topic(actor=request.user, topic=topic)
        messages.success(request, _("The topic has been deleted."))
        return redirect("core:topic_list")
    users = topic.profiles.count() + topic.organisations.count()
    return render(request, "core/topic_delete.html", {"topic": topic, "users": users})
