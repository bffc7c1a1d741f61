"""Thin views: fetch through queries, validate with a form, call a service, render or redirect.

A conversation the member does not take part in answers 404 (also for network admins);
one they take part in but may not change in that way (leave a direct conversation) 403.
Opening a conversation marks it as read — the one write on a GET, and only of the
member's own read marker.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from landnetz.core.ids import is_valid_id
from landnetz.messaging import cards, permissions, queries, services
from landnetz.messaging.forms import (
    AddParticipantsForm,
    MemberForm,
    MuteForm,
    NewConversationForm,
    PreferenceForm,
    ReplyForm,
    default_language,
)
from landnetz.messaging.models import MAX_PARTICIPANTS
from landnetz.messaging.reporting import KIND as REPORT_KIND

LIST_SIZE = 25
STOP_POLLING = 286  # htmx stops polling on this status


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _id_param(request, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if is_valid_id(value) else None


def _conversation_url(conversation_id: int, message_id: int | None = None) -> str:
    url = reverse("messaging:conversation", kwargs={"conversation_id": conversation_id})
    return f"{url}#message-{message_id}" if message_id else url


# --- The list and the header ------------------------------------------------------------------


@login_required
@require_GET
def conversation_list(request):
    page = Paginator(queries.conversations_of(request.user), LIST_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "messaging/list.html",
        {"page": page, "cards": [cards.card(participant) for participant in page.object_list]},
    )


@require_GET
def unread_badge(request):
    """The header's number, polled by htmx every minute (``Landnetz-Background``: not
    activity for the idle logout). Logged out: htmx stops polling."""
    if not request.user.is_authenticated:
        return HttpResponse(status=STOP_POLLING)
    return render(request, "messaging/unread_badge.html")


# --- A new conversation --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def new_conversation(request):
    user = request.user
    searching = request.method == "GET" or request.POST.get("action") == "search"
    if request.method == "GET":
        chosen = queries.pickable_members(user, [int(v) for v in request.GET.getlist("to") if is_valid_id(v)])
        if len(chosen) == 1 and not request.GET.get("q"):
            existing = services.existing_direct(user, chosen[0])
            if existing is not None:  # writing again opens the conversation the two have
                return redirect(_conversation_url(existing.pk))
        searched = request.GET if request.GET.get("q") else None
        form = NewConversationForm(searched, sender=user, searching=True, initial={"body_language": default_language()})
        if searched is None:
            form.recipients = chosen
        else:
            form.is_valid()
    else:
        form = NewConversationForm(request.POST, sender=user, searching=searching)
        if form.is_valid() and not searching:
            try:
                conversation, message = services.start_conversation(
                    actor=user,
                    recipients=form.recipients,
                    body=form.cleaned_data["body"],
                    body_language=form.cleaned_data["body_language"],
                    title=form.cleaned_data.get("title", ""),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Your message has been sent."))
                return redirect(_conversation_url(conversation.pk, message.pk))
    return render(request, "messaging/new.html", _picker_context(request, form))


def _picker_context(request, form) -> dict:
    chosen = list(form.recipients)
    text = form.cleaned_data.get("q", "") if form.is_bound and hasattr(form, "cleaned_data") else ""
    found = queries.find_members(request.user, text) if text else []
    chosen_ids = {user.pk for user in chosen}
    return {
        "form": form,
        "chosen": chosen,
        "found": [user for user in found if user.pk not in chosen_ids],
        "searched": bool(text),
        "max_others": MAX_PARTICIPANTS - 1,
    }


# --- One conversation -------------------------------------------------------------------------------


def _read_receipt(card, page_messages, user) -> tuple[int | None, int]:
    """The id of the viewer's last message on the page that others have read, and by how many."""
    mine = [message for message in page_messages if message.sender_id == user.pk and message.kind == "text"]
    if not mine:
        return None, 0
    last = mine[-1]
    people = getattr(card.conversation, "people", [])
    readers = sum(1 for row in people if row.user_id != user.pk and row.last_read_message_id >= last.pk)
    return (last.pk if readers else None), readers


@login_required
@require_http_methods(["GET", "POST"])
def conversation(request, conversation_id: int):
    user = request.user
    participant = queries.participation(user, conversation_id)
    conversation = participant.conversation
    form = ReplyForm(request.POST or None, initial={"body_language": default_language()})
    if request.method == "POST" and form.is_valid():
        try:
            message = services.post_message(actor=user, conversation=conversation, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            return redirect(_conversation_url(conversation.pk, message.pk))
    before, after = _id_param(request, "before"), _id_param(request, "after")
    page = queries.message_page(conversation, before=before, after=after)
    read_before = participant.last_read_message_id
    if page.newest and page.messages:
        services.mark_read(user=user, participant=participant, up_to=page.messages[-1].pk)
    card = cards.card(participant)
    receipt_id, readers = _read_receipt(card, page.messages, user)
    refusal = permissions.writing_refusal(conversation, user)
    return render(
        request,
        "messaging/conversation.html",
        {
            "card": card,
            "conversation": conversation,
            "participant": participant,
            "page": page,
            "first_unread": next(
                (m.pk for m in page.messages if m.pk > read_before and m.sender_id != user.pk and m.kind == "text"),
                None,
            ),
            "receipt_id": receipt_id,
            "readers": readers,
            "form": form,
            "refusal": services.REFUSALS[refusal] if refusal else None,
            "can_leave": rules.test_rule("messaging.leave_conversation", user, conversation),
            "can_add": rules.test_rule("messaging.add_participants", user, conversation)
            and len(card.others) + 1 < MAX_PARTICIPANTS,
            "report_kind": REPORT_KIND,
        },
    )


@login_required
@require_POST
def mute(request, conversation_id: int):
    participant = queries.participation(request.user, conversation_id)
    form = MuteForm(request.POST)
    if not form.is_valid() or form.cleaned_data["muted"] is None:
        messages.error(request, _("This action is not possible. Please reload the page and try again."))
    else:
        muted = form.cleaned_data["muted"]
        services.set_muted(user=request.user, participant=participant, muted=muted)
        if muted:
            messages.success(request, _("Muted: you get no e-mails about this conversation."))
        else:
            messages.success(request, _("The conversation is no longer muted."))
    return redirect(_conversation_url(conversation_id))


@login_required
@require_http_methods(["GET", "POST"])
def leave(request, conversation_id: int):
    participant = queries.participation(request.user, conversation_id)
    if not rules.test_rule("messaging.leave_conversation", request.user, participant.conversation):
        raise PermissionDenied
    if request.method == "POST":
        services.leave_conversation(user=request.user, participant=participant)
        messages.success(request, _("You have left the conversation."))
        return redirect("messaging:list")
    return render(request, "messaging/leave.html", {"card": cards.card(participant)})


@login_required
@require_http_methods(["GET", "POST"])
def add_participants(request, conversation_id: int):
    user = request.user
    participant = queries.participation(user, conversation_id)
    conversation = participant.conversation
    if not rules.test_rule("messaging.add_participants", user, conversation):
        raise PermissionDenied
    searching = request.method == "GET" or request.POST.get("action") == "search"
    if request.method == "GET":
        form = AddParticipantsForm(request.GET if request.GET.get("q") else None, sender=user, searching=True)
        if form.is_bound:
            form.is_valid()
    else:
        form = AddParticipantsForm(request.POST, sender=user, searching=searching)
        if form.is_valid() and not searching:
            try:
                services.add_participants(actor=user, conversation=conversation, members=form.recipients)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("The members have been added. They can read the whole conversation."))
                return redirect(_conversation_url(conversation.pk))
    context = _picker_context(request, form)
    present = {row.user_id for row in conversation.people}
    context["found"] = [member for member in context["found"] if member.pk not in present]
    context["card"] = cards.card(participant)
    context["free"] = MAX_PARTICIPANTS - len(present)
    return render(request, "messaging/add.html", context)


# --- One message --------------------------------------------------------------------------------------


@login_required
@require_GET
def message(request, message_id: int):
    """A participant is taken to the message in its conversation; a moderator of a report
    about it reads this message alone; everyone else gets 404."""
    user = request.user
    try:
        found = queries.message_of(user, message_id)
    except Http404:
        reported = queries.reported_message_for_moderator(user, message_id, REPORT_KIND)
        if reported is None:
            raise
        return render(request, "messaging/message.html", {"message": reported})
    url = reverse("messaging:conversation", kwargs={"conversation_id": found.conversation_id})
    return redirect(f"{url}?before={found.pk + 1}#message-{found.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def delete_message(request, message_id: int):
    found = queries.message_of(request.user, message_id)
    if not rules.test_rule("messaging.delete_message", request.user, found):
        raise PermissionDenied
    if request.method == "POST":
        services.delete_message(actor=request.user, message=found)
        messages.success(request, _("Your message has been deleted."))
        return redirect(_conversation_url(found.conversation_id, found.pk))
    return render(request, "messaging/delete_message.html", {"message": found})


# --- Who may write to me, blocks -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = PreferenceForm(request.POST or None, initial={"allow_from": queries.allow_from(request.user)})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_allow_from(user=request.user, allow_from=form.cleaned_data["allow_from"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your choice has been saved."))
            return redirect("messaging:settings")
    return render(request, "messaging/settings.html", {"form": form})


def _back(request, default: str) -> str:
    """Where to go after blocking: a path of this site, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and target.isascii()
        and target.isprintable()
        and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    ):
        return target
    return default


@login_required
@require_http_methods(["GET", "POST"])
def block(request, user_id: int):
    member = queries.blockable_member(request.user, user_id)
    back = _back(request, reverse("messaging:blocked"))
    if request.method == "POST":
        services.block(actor=request.user, member=member)
        messages.success(
            request,
            _("You have blocked %(name)s. They can no longer write to you or mention you.")
            % {"name": member.display_name},
        )
        return HttpResponseRedirect(back)
    return render(request, "messaging/block.html", {"member": member, "back": back})


@login_required
@require_http_methods(["GET", "POST"])
def blocked(request):
    if request.method == "POST":
        form = MemberForm(request.POST)
        block_row = None
        if form.is_valid():
            block_row = queries.blocked_members(request.user).filter(blocked_id=form.cleaned_data["member"]).first()
        if block_row is None:
            messages.error(request, _("This member is not on your list of blocked members."))
        else:
            services.unblock(actor=request.user, member=block_row.blocked)
            messages.success(
                request,
                _("%(name)s is no longer blocked. Their messages reach you again as you chose in your settings.")
                % {"name": block_row.blocked.display_name},
            )
        return redirect("messaging:blocked")
    page = Paginator(queries.blocked_members(request.user), LIST_SIZE).get_page(request.GET.get("page"))
    return render(request, "messaging/blocked.html", {"page": page})
