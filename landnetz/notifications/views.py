from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from landnetz.notifications import queries, services
from landnetz.notifications.forms import ChannelsForm
from landnetz.notifications.tokens import read_unsubscribe_token

PER_PAGE = 20


@login_required
@require_http_methods(["GET", "POST"])
def notification_list(request):
    if request.method == "POST":
        services.mark_read(user=request.user)
        messages.success(request, _("All notifications are marked as read."))
        return redirect("notifications:list")
    page = Paginator(queries.notifications_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    items = [(item, queries.text_of(item), queries.path_of(item)) for item in page.object_list]
    return render(request, "notifications/list.html", {"page": page, "items": items})


@login_required
@require_POST
def open_notification(request, notification_id: int):
    """Mark as read, then go to the page the notification is about."""
    notification = queries.notifications_of(request.user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404
    services.mark_read(user=request.user, notification=notification)
    return redirect(queries.path_of(notification) or "notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    form = ChannelsForm(request.POST or None, channels=queries.channels_of(request.user))
    if request.method == "POST" and form.is_valid():
        for kind, channel in form.cleaned_data.items():
            services.set_channel(user=request.user, kind=kind, channel=channel)
        messages.success(request, _("Your e-mail settings have been saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})


@csrf_exempt  # RFC 8058: mail programs send the one-click POST without a session or CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET shows what the link does (no change on GET); POST unsubscribes from that kind."""
    try:
        _member, kind = read_unsubscribe_token(token)
    except ValidationError as error:
        return render(request, "notifications/unsubscribe.html", {"error": error.messages[0]}, status=400)
    if request.method == "POST":
        services.unsubscribe(token=token)
        return render(request, "notifications/unsubscribe.html", {"kind": kind, "done": True})
    return render(request, "notifications/unsubscribe.html", {"kind": kind, "done": False})
