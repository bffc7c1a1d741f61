from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from landnetz.moderation import queries, registry, services
from landnetz.moderation.forms import DecisionForm, ReportForm
from landnetz.moderation.models import Report

PER_PAGE = 20


@login_required
@require_http_methods(["GET", "POST"])
def report_content(request, kind: str, object_id: int):
    reportable = registry.get(kind)
    obj = reportable.visible(request.user, object_id) if reportable else None
    if obj is None:
        raise Http404
    form = ReportForm(request.POST or None)
    back_name, back_kwargs = reportable.url_of(obj)
    back = reverse(back_name, kwargs=back_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            services.report(reporter=request.user, kind=kind, object_id=object_id, **form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    for message in errors:
                        form.add_error(field, message)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. The moderators will look at it and tell you what they decided."))
            return redirect(back)
    return render(
        request,
        "moderation/report.html",
        {"form": form, "label": reportable.label, "title": reportable.title_of(obj), "back": back},
    )


@login_required
def queue(request):
    if not request.user.has_perm("moderation.view_queue"):
        raise PermissionDenied
    showing = "hidden" if request.GET.get("show") == "hidden" else "open"
    status = Report.Status.HIDDEN if showing == "hidden" else Report.Status.OPEN
    page = Paginator(queries.queue_for(request.user, status=status), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "moderation/queue.html",
        {"page": page, "rows": queries.describe(page.object_list), "showing": showing, "form": DecisionForm()},
    )


@login_required
@require_POST
def decide(request, report_id: int):
    report = queries.report_for_moderator(request.user, report_id)
    if report is None:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose what to do."))
        return redirect("moderation:queue")
    try:
        services.decide(actor=request.user, report=report, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your decision has been saved. The author and the reporters have been told."))
    return redirect("moderation:queue")
