"""Thin views: fetch through queries, validate with a form, call a service, render or redirect.

A post the viewer may not read → 404 (``queries``); readable but not theirs to change →
403 (``permissions``). No state change on GET. Every button works as a plain POST and
redirect; with htmx the feed's results and a post's reactions are swapped in place.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from landnetz.core.ids import is_valid_id
from landnetz.core.languages import WRITTEN_LANGUAGES
from landnetz.core.templatetags.landnetz import isolate
from landnetz.feed import permissions, queries, services
from landnetz.feed.forms import CommentForm, FeedFilterForm, PinForm, PostForm, ReactionForm, is_slug
from landnetz.feed.models import PostAttachment, PostImage, Reaction
from landnetz.groups import queries as group_queries

GROUP_PANEL_PREFIX = "group-post"


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _back(request, default: str) -> str:
    """Where a button sends the member back to: the page it was on (this site only)."""
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _tell_about_mentions(request, written: services.Written) -> None:
    """One polite sentence per name that mentions nobody, the same whatever the reason
    (unknown, hidden, several members of the name, or a block: see ``feed.mentions``)."""
    for name in written.unresolved:
        messages.info(
            request,
            _(
                "“%(name)s” was not mentioned: we found no single member of this name whom you can mention. "
                "The name stays in your text as you wrote it."
            )
            % {"name": isolate(name)},
        )
    for user in written.unreached:
        messages.info(
            request,
            _("%(name)s cannot read this post and was not told about the mention.")
            % {"name": isolate(user.display_name)},
        )


# --- the feed ---------------------------------------------------------------------------------


@login_required
@require_safe
@vary_on_headers("HX-Request")
def feed(request):
    form = FeedFilterForm(request.GET or None, user=request.user)
    page = None
    filters = {}
    if not form.is_bound or form.is_valid():
        if form.is_bound:
            filters = {key: form.cleaned_data.get(key) for key in ("region", "group")}
            filters["kind"] = form.cleaned_data.get("kind") or ""
        cursor = queries.Cursor.decode(request.GET.get("after"))
        page = queries.feed_page(request.user, cursor=cursor, **filters)
    query = request.GET.copy()
    query.pop("after", None)
    context = {
        "form": form,
        "page": page,
        "filtered": any(filters.values()),
        "query": query.urlencode(),
        "pin_form": PinForm(),
        "next_url": request.get_full_path(),
    }
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "feed/list.html#results", context)
        patch_cache_control(response, no_store=True)
        return response
    return render(request, "feed/list.html", context)


# --- posts -----------------------------------------------------------------------------------


def _fixed_group(request):
    slug = request.GET.get("group") or request.POST.get("fixed_group") or ""
    if not slug:
        return None
    if not is_slug(slug):
        raise Http404
    group = group_queries.visible_group(request.user, slug)
    if group is None:
        raise Http404
    if not permissions.may_post_to_group(request.user, group):
        raise PermissionDenied
    return group


@login_required
@require_http_methods(["GET", "POST"])
def post_create(request):
    group = _fixed_group(request)
    bound = request.method == "POST"
    # The short form on a group's page names its fields with a prefix (one page, several forms).
    prefix = GROUP_PANEL_PREFIX if bound and request.POST.get("form") == GROUP_PANEL_PREFIX and group else None
    form = PostForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        user=request.user,
        group=group,
        prefix=prefix,
    )
    if bound and form.is_valid():
        try:
            written = services.create_post(actor=request.user, **form.service_fields())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your post has been published."))
            _tell_about_mentions(request, written)
            return redirect(written.obj)
    return render(request, "feed/form.html", {"form": form, "post": None, "group": group}, status=200)


@login_required
@require_safe
def post_detail(request, post_id: int):
    post = queries.post_for(request.user, post_id)
    return _detail(request, post)


def _detail(request, post, *, comment_form=None, reply_to=None, status=200):
    comments = Paginator(queries.comments_of(post, request.user), queries.COMMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    queries.decorate_comments(comments.object_list, post, request.user)
    if reply_to is not None and reply_to not in {comment.pk for comment in comments.object_list}:
        reply_to = None  # the comment replied to is not on this page (any more): errors and text below
    return render(
        request,
        "feed/detail.html",
        {
            "post": post,
            "comments": comments,
            "comment_form": comment_form
            if reply_to is None and comment_form is not None
            else CommentForm(user=request.user),
            "reply_form": comment_form if reply_to is not None else None,
            "reply_to": reply_to,
            "pin_form": PinForm(),
            "languages": WRITTEN_LANGUAGES,
            "next_url": post.get_absolute_url(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, post_id: int):
    post = queries.post_for_action(request.user, post_id)
    if not permissions.can_edit_post(request.user, post):
        raise PermissionDenied
    bound = request.method == "POST"
    form = PostForm(request.POST if bound else None, request.FILES if bound else None, user=request.user, post=post)
    if bound and form.is_valid():
        try:
            written = services.update_post(actor=request.user, post=post, **form.service_fields())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your changes have been saved."))
            _tell_about_mentions(request, written)
            return redirect(written.obj)
    return render(request, "feed/form.html", {"form": form, "post": post, "group": None})


@login_required
@require_http_methods(["GET", "POST"])
def post_delete(request, post_id: int):
    post = queries.post_for_action(request.user, post_id)
    if not permissions.can_delete_post(request.user, post):
        raise PermissionDenied
    if request.method == "POST":
        services.delete_post(actor=request.user, post=post)
        messages.success(request, _("The post has been deleted."))
        return redirect("feed:list")
    comment_count = post.comments.count()
    return render(
        request,
        "feed/delete.html",
        {"post": post, "comment_count": comment_count, "is_own": post.author_id == request.user.pk},
    )


@require_POST
@login_required
def pin(request, post_id: int):
    post = queries.post_for_action(request.user, post_id)
    if not permissions.can_pin_post(request.user, post):
        raise PermissionDenied
    if request.POST.get("action") == "unpin":
        services.unpin_post(actor=request.user, post=post)
        messages.success(request, _("The post is no longer pinned."))
    else:
        form = PinForm(request.POST)
        if form.is_valid():
            try:
                services.pin_post(actor=request.user, post=post, days=form.cleaned_data["days"])
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("The post is pinned: members in %(region)s see it first in their feed.")
                    % {"region": post.region.name},
                )
        else:
            messages.error(request, _("Please choose how long from the list."))
    return redirect(_back(request, post.get_absolute_url()))


@require_POST
@login_required
@vary_on_headers("HX-Request")
def react(request, post_id: int):
    post = queries.post_for_action(request.user, post_id)
    form = ReactionForm(request.POST)
    status = ""
    if not form.is_valid():
        messages.error(request, _("Please choose a reaction from the list."))
    else:
        try:
            now_on = services.toggle_reaction(actor=request.user, post=post, kind=form.cleaned_data["kind"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            label = Reaction.Kind(form.cleaned_data["kind"]).label
            status = (
                _("You reacted: %(reaction)s.") if now_on else _("Your reaction was taken back: %(reaction)s.")
            ) % {"reaction": label}
    if request.htmx:
        decorated = queries.decorate([post.pk], request.user)
        if not decorated:
            raise Http404
        response = render(
            request,
            "feed/includes/reactions.html",
            {"post": decorated[0], "status": status, "swap": True, "next_url": _back(request, post.get_absolute_url())},
        )
        patch_cache_control(response, no_store=True)
        return response
    if status:
        messages.success(request, status)
    return redirect(_back(request, post.get_absolute_url()))


# --- comments -----------------------------------------------------------------------------------


@require_POST
@login_required
def comment_create(request, post_id: int):
    form = CommentForm(request.POST, user=request.user)
    try:
        post = queries.post_for_action(request.user, post_id)
    except Http404:
        # Deleted meanwhile (or never readable): say so, and give the text back.
        return render(
            request,
            "feed/gone.html",
            {"text": (request.POST.get("body") or "")[:10_000]},
            status=404,
        )
    if not permissions.may_take_part(request.user, post):
        raise PermissionDenied
    reply_to = None
    if form.is_valid():
        reply_to = form.cleaned_data.get("parent")
        try:
            written = services.add_comment(
                actor=request.user,
                post=post,
                parent=reply_to,
                body=form.cleaned_data["body"],
                body_language=form.cleaned_data["body_language"],
            )
        except services.Gone as exc:
            if exc.code == "post_gone":
                return render(request, "feed/gone.html", {"text": form.cleaned_data["body"]}, status=404)
            # The comment replied to is gone: the text comes back in the comment box below.
            form.add_error("body", exc)
            reply_to = None
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request, _("Your reply has been published.") if reply_to else _("Your comment has been published.")
            )
            _tell_about_mentions(request, written)
            return redirect(written.obj.get_absolute_url())
    else:
        reply_to = (request.POST.get("parent") or "").strip() or None
        reply_to = int(reply_to) if reply_to and is_valid_id(reply_to) else None
    return _detail(request, queries.post_for(request.user, post.pk), comment_form=form, reply_to=reply_to)


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request, comment_id: int):
    comment = queries.comment_for_action(request.user, comment_id)
    if not permissions.can_edit_comment(request.user, comment):
        raise PermissionDenied
    form = CommentForm(request.POST or None, user=request.user, comment=comment)
    if request.method == "POST" and form.is_valid():
        try:
            written = services.update_comment(
                actor=request.user,
                comment=comment,
                body=form.cleaned_data["body"],
                body_language=form.cleaned_data["body_language"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your changes have been saved."))
            _tell_about_mentions(request, written)
            return redirect(written.obj.get_absolute_url())
    return render(request, "feed/comment_form.html", {"form": form, "comment": comment})


@login_required
@require_http_methods(["GET", "POST"])
def comment_delete(request, comment_id: int):
    comment = queries.comment_for_action(request.user, comment_id)
    if not permissions.can_delete_comment(request.user, comment):
        raise PermissionDenied
    if request.method == "POST":
        services.delete_comment(actor=request.user, comment=comment)
        messages.success(request, _("The comment has been deleted."))
        return redirect(comment.post)
    replies = comment.replies.count()
    return render(request, "feed/comment_delete.html", {"comment": comment, "replies": replies})


# --- people -----------------------------------------------------------------------------------


@require_POST
@login_required
def follow(request, user_id: int):
    member = queries.followable(request.user, user_id)
    if request.POST.get("action") == "unfollow":
        services.unfollow(actor=request.user, member=member)
        messages.success(request, _("You no longer follow %(name)s.") % {"name": isolate(member.display_name)})
    else:
        services.follow(actor=request.user, member=member)
        messages.success(
            request,
            _("You follow %(name)s: their posts come into your feed. Only the two of you can see this.")
            % {"name": isolate(member.display_name)},
        )
    return redirect(_back(request, reverse("feed:following")))


@login_required
@require_safe
def following(request):
    follows = Paginator(queries.follows_of(request.user), 50).get_page(request.GET.get("page"))
    followers = Paginator(queries.followers_of(request.user), 50).get_page(request.GET.get("followers"))
    return render(
        request,
        "feed/following.html",
        {"follows": follows, "followers": followers, "next_url": request.get_full_path()},
    )


# --- pictures and files -------------------------------------------------------------------------


def _file_response(handle, *, content_type: str, disposition: str):
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@require_safe
def image(request, post_id: int, image_id: int):
    post = queries.post_for_action(request.user, post_id)
    picture = PostImage.objects.filter(post=post, pk=image_id).first()
    if picture is None:
        raise Http404
    try:
        handle = picture.image.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return _file_response(handle, content_type="image/jpeg", disposition=f'inline; filename="picture-{picture.pk}.jpg"')


@login_required
@require_safe
def attachment(request, post_id: int, file_id: int):
    post = queries.post_for_action(request.user, post_id)
    item = PostAttachment.objects.filter(post=post, pk=file_id).first()
    if item is None:
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=item.name, content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
