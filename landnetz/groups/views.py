"""Thin views: fetch through queries, validate with a form, call a service, render or redirect.

Groups are for logged-in members: visitors are sent to the login. A group the viewer may
not see (a secret group they are not in, a hidden one they do not run, an unknown
address) is 404 on every URL; one they see but may not change is 403. No state changes
on GET.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from landnetz.core import hooks
from landnetz.groups import queries, services
from landnetz.groups.forms import KIND_EXPLANATIONS, GroupFilterForm, GroupForm, InviteForm, MemberActionForm
from landnetz.groups.models import Group
from landnetz.groups.permissions import allowed, is_group_admin, membership_state

PAGE_SIZE = 20
MEMBERS_PAGE_SIZE = 50
MEMBERS_ON_GROUP_PAGE = 12


def _add_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _require(request, perm: str, group) -> None:
    if not allowed(request.user, perm, group):
        raise PermissionDenied


@login_required
@require_http_methods(["GET"])
def group_list(request):
    form = GroupFilterForm(request.GET or None)
    text, region, mine = "", None, False
    if form.is_bound and form.is_valid():
        text, region, mine = form.cleaned_data["q"], form.cleaned_data["region"], form.cleaned_data["mine"]
    groups = queries.group_list(request.user, text=text, region=region, mine=mine)
    page = Paginator(groups, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "groups/list.html",
        {
            "page": page,
            "filter_form": form,
            "filtered": bool(text or region or mine),
            "member_of": queries.member_group_ids(request.user),
            "can_create": allowed(request.user, "groups.add_group", None),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    _require(request, "groups.add_group", None)
    form = GroupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(actor=request.user, **form.service_fields())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your group has been created. You are its administrator."))
            return redirect(group)
    return render(request, "groups/form.html", {"form": form, "group": None})


@login_required
@require_http_methods(["GET"])
def group_detail(request, slug: str):
    group = queries.group_or_404(request.user, slug)
    user = request.user
    state = membership_state(user, group)
    can_view_members = allowed(user, "groups.view_members", group)
    members = list(queries.members_of(group)[:MEMBERS_ON_GROUP_PAGE]) if can_view_members else []
    count = queries.member_count(group)
    admin = is_group_admin(user, group)
    return render(
        request,
        "groups/detail.html",
        {
            "group": group,
            "kind_explanation": KIND_EXPLANATIONS[group.kind],
            "membership_status": state[0] if state else None,
            "membership_role": state[1] if state else None,
            "member_count": count,
            "members": members,
            "more_members": can_view_members and count > len(members),
            "can_view_members": can_view_members,
            "can_manage": allowed(user, "groups.manage_group", group),
            "can_join": allowed(user, "groups.join_group", group),
            "can_request": allowed(user, "groups.request_to_join", group),
            "sole_member": state is not None and state[0] == "active" and count == 1,
            "sole_admin": admin and queries.admin_count(group) == 1 and count > 1,
            "panels": hooks.panels("group", user, group=group),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, slug: str):
    group = queries.group_or_404(request.user, slug)
    _require(request, "groups.manage_group", group)
    form = GroupForm(request.POST if request.method == "POST" else None, group=group)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.update_group(actor=request.user, group=group, **form.service_fields())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(group)
    return render(request, "groups/form.html", {"form": form, "group": group})


def _member_action(request, group, form) -> str:
    """Run one button of the members page; returns the success message."""
    action = form.cleaned_data["action"]
    membership = form.cleaned_data.get("membership")
    actor = request.user
    name = {"name": membership.user.display_name} if membership is not None else {}
    if action == "approve":
        services.approve_request(actor=actor, membership=membership)
        return _("%(name)s is now a member.") % name
    if action == "decline":
        services.decline_request(actor=actor, membership=membership)
        return _("The request of %(name)s has been declined.") % name
    if action == "remove":
        services.remove_member(actor=actor, membership=membership)
        return _("%(name)s is no longer a member.") % name
    if action == "make_admin":
        services.set_role(actor=actor, membership=membership, role="admin")
        return _("%(name)s is now an administrator.") % name
    if action == "make_member":
        services.set_role(actor=actor, membership=membership, role="member")
        return _("%(name)s is now a member without administrator rights.") % name
    if action == "hand_over":
        services.hand_over_admin(actor=actor, group=group, to=membership)
        return _("%(name)s is now an administrator, and you are a member without administrator rights.") % name
    services.revoke_invitation(actor=actor, invitation=form.cleaned_data["invitation"])
    return _("The invitation has been withdrawn.")


@login_required
@require_http_methods(["GET", "POST"])
def members(request, slug: str):
    group = queries.group_or_404(request.user, slug)
    _require(request, "groups.view_members", group)
    can_manage = allowed(request.user, "groups.manage_group", group)
    invite_form = InviteForm()
    if request.method == "POST":
        _require(request, "groups.manage_group", group)
        if request.POST.get("action") == "invite":
            invite_form = InviteForm(request.POST)
            if invite_form.is_valid():
                try:
                    services.invite(actor=request.user, group=group, **invite_form.cleaned_data)
                except ValidationError as exc:
                    _add_errors(invite_form, exc)
                else:
                    messages.success(
                        request,
                        _("We have sent an invitation to %(email)s.") % {"email": invite_form.cleaned_data["email"]},
                    )
                    return redirect("groups:members", slug=group.slug)
        else:
            form = MemberActionForm(request.POST, group=group)
            if form.is_valid():
                try:
                    messages.success(request, _member_action(request, group, form))
                except ValidationError as exc:
                    messages.error(request, " ".join(exc.messages))
            else:
                messages.error(request, _("This action is not possible. Please reload the page and try again."))
            return redirect("groups:members", slug=group.slug)
    page = Paginator(queries.members_of(group), MEMBERS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "group": group,
        "page": page,
        "member_count": page.paginator.count,
        "can_manage": can_manage,
        "own_admin": is_group_admin(request.user, group),
        "invite_form": invite_form,
    }
    if can_manage:
        context |= {
            "sole_admin": queries.admin_count(group) == 1,
            "requests": list(queries.requests_of(group)),
            "invitations": list(queries.open_invitations_of(group)),
        }
    return render(request, "groups/members.html", context)


@require_POST
@login_required
def join(request, slug: str):
    group = queries.group_or_404(request.user, slug)
    try:
        membership = services.join(actor=request.user, group=group)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if membership.status == "active":
            messages.success(request, _("Welcome! You are now a member of %(name)s.") % {"name": group.name})
        else:
            messages.success(
                request, _("Your request has been sent. The administrators of the group will answer soon.")
            )
    return redirect(group)


@require_POST
@login_required
def leave(request, slug: str):
    group = queries.group_or_404(request.user, slug)
    state = membership_state(request.user, group)
    try:
        services.leave(user=request.user, group=group)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(group)
    if state and state[0] == "requested":
        messages.success(request, _("Your request to join has been withdrawn."))
    else:
        messages.success(request, _("You have left %(name)s.") % {"name": group.name})
    if group.kind == Group.Kind.SECRET or group.hidden:
        # The group no longer exists for them.
        return redirect("groups:list")
    return redirect(group)


@login_required
@require_http_methods(["GET", "POST"])
def group_delete(request, slug: str):
    group = queries.group_or_404(request.user, slug)
    _require(request, "groups.delete_group", group)
    if request.method == "POST":
        name = group.name
        services.delete_group(actor=request.user, group=group)
        messages.success(request, _("The group %(name)s has been deleted.") % {"name": name})
        return redirect("groups:list")
    return render(request, "groups/delete.html", {"group": group, "member_count": queries.member_count(group)})


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    invitation = queries.invitation_for(token)
    group = invitation.group
    if request.method == "POST":
        try:
            services.accept_invitation(user=request.user, token=token)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("groups:invitation", token=token)
        messages.success(request, _("Welcome! You are now a member of %(name)s.") % {"name": group.name})
        return redirect(group)
    problem = services.invitation_problem(invitation, request.user)
    state = membership_state(request.user, group)
    is_member = state is not None and state[0] == "active"
    addressed = invitation.email.strip().lower() == request.user.email.strip().lower()
    return render(
        request,
        "groups/invitation.html",
        {
            "invitation": invitation,
            "group": group,
            "problem": problem.messages[0] if problem is not None else "",
            # A secret group is named only to the person the invitation was sent to.
            "show_group": group.kind != Group.Kind.SECRET or addressed or is_member,
            "kind_explanation": KIND_EXPLANATIONS[group.kind],
            "is_member": is_member,
        },
    )
