"""Thin views: fetch through queries, validate with a form, call a service, render or redirect.

Not visible → 404 (through ``queries``); visible but not allowed → 403. No state
changes on GET.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from landnetz.organisations import queries, services
from landnetz.organisations.forms import (
    InviteForm,
    MemberActionForm,
    OrganisationFilterForm,
    OrganisationForm,
)
from landnetz.organisations.maps import map_context, with_map_csp
from landnetz.organisations.permissions import membership_state

PAGE_SIZE = 25


def _add_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _require(request, perm: str, organisation) -> None:
    if not request.user.has_perm(perm, organisation):
        raise PermissionDenied


def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    sector, region, verified = None, None, None
    if form.is_bound and form.is_valid():
        sector, region = form.cleaned_data["sector"] or None, form.cleaned_data["region"]
        verified = {"yes": True, "no": False}.get(form.cleaned_data["verified"])
    organisations = queries.organisation_list(request.user, sector=sector, region=region, verified=verified)
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/list.html",
        {
            "page": page,
            "filter_form": form,
            "filtered": bool(sector or region or verified is not None),
            "my_organisations": list(queries.organisations_of(request.user)),
            "can_create": request.user.has_perm("organisations.add_organisation"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@with_map_csp
def organisation_create(request):
    if not request.user.has_perm("organisations.add_organisation"):
        raise PermissionDenied
    bound = request.method == "POST"
    form = OrganisationForm(request.POST if bound else None, request.FILES if bound else None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.create_organisation(actor=request.user, **form.service_fields())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your organisation has been registered. You are its administrator."))
            return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": None, "map": map_context()})


def organisation_detail(request, slug: str):
    organisation = queries.organisation_for(request.user, slug)
    state = membership_state(request.user, organisation)
    user = request.user
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "membership_status": state[0] if state else None,
            "membership_role": state[1] if state else None,
            "can_change": user.has_perm("organisations.change_organisation", organisation),
            "can_manage": user.has_perm("organisations.manage_members", organisation),
            "can_delete": user.has_perm("organisations.delete_organisation", organisation),
            "can_verify": user.has_perm("organisations.verify_organisation", organisation),
            "can_join": user.is_authenticated and state is None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@with_map_csp
def organisation_edit(request, slug: str):
    organisation = queries.organisation_with_relations(request.user, slug)
    _require(request, "organisations.change_organisation", organisation)
    bound = request.method == "POST"
    form = OrganisationForm(
        request.POST if bound else None, request.FILES if bound else None, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.update_organisation(
                actor=request.user, organisation=organisation, **form.service_fields()
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(organisation)
    return render(
        request,
        "organisations/form.html",
        {"form": form, "organisation": organisation, "map": map_context()},
    )


def _member_action(request, organisation, form) -> str:
    """Run one button of the members page; returns the success message."""
    action = form.cleaned_data["action"]
    membership = form.cleaned_data.get("membership")
    actor = request.user
    if action == "approve":
        services.approve_request(actor=actor, membership=membership)
        return _("%(name)s is now a member.") % {"name": membership.user.display_name}
    if action == "decline":
        services.decline_request(actor=actor, membership=membership)
        return _("The request of %(name)s has been declined.") % {"name": membership.user.display_name}
    if action == "remove":
        services.remove_member(actor=actor, membership=membership)
        return _("%(name)s is no longer a member.") % {"name": membership.user.display_name}
    if action in ("make_admin", "make_member"):
        role = "admin" if action == "make_admin" else "member"
        services.set_role(actor=actor, membership=membership, role=role)
        if role == "admin":
            return _("%(name)s is now an administrator.") % {"name": membership.user.display_name}
        return _("%(name)s is now a member without administrator rights.") % {"name": membership.user.display_name}
    if action in ("contact_on", "contact_off"):
        on = action == "contact_on"
        services.set_contact_person(actor=actor, membership=membership, is_contact_person=on)
        if on:
            return _("%(name)s is now shown as contact person.") % {"name": membership.user.display_name}
        return _("%(name)s is no longer shown as contact person.") % {"name": membership.user.display_name}
    services.revoke_invitation(actor=actor, invitation=form.cleaned_data["invitation"])
    return _("The invitation has been withdrawn.")


@login_required
@require_http_methods(["GET", "POST"])
def members(request, slug: str):
    organisation = queries.organisation_by_slug(request.user, slug)
    _require(request, "organisations.manage_members", organisation)
    invite_form = InviteForm()
    if request.method == "POST" and request.POST.get("action") == "invite":
        invite_form = InviteForm(request.POST)
        if invite_form.is_valid():
            try:
                services.invite(actor=request.user, organisation=organisation, **invite_form.cleaned_data)
            except ValidationError as exc:
                _add_errors(invite_form, exc)
            else:
                messages.success(
                    request,
                    _("We have sent an invitation to %(email)s.") % {"email": invite_form.cleaned_data["email"]},
                )
                return redirect("organisations:members", slug=organisation.slug)
    elif request.method == "POST":
        form = MemberActionForm(request.POST, organisation=organisation)
        if form.is_valid():
            try:
                messages.success(request, _member_action(request, organisation, form))
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
        else:
            messages.error(request, _("This action is not possible. Please reload the page and try again."))
        if not request.user.has_perm("organisations.manage_members", organisation):
            # The admin handed over or left: the members page is no longer theirs.
            return redirect(organisation)
        return redirect("organisations:members", slug=organisation.slug)
    memberships = list(queries.memberships_of(organisation))
    active = [m for m in memberships if m.status == "active"]
    return render(
        request,
        "organisations/members.html",
        {
            "organisation": organisation,
            "active": active,
            "sole_admin": sum(1 for m in active if m.role == "admin") == 1,
            "requests": [m for m in memberships if m.status == "requested"],
            "invitations": list(queries.open_invitations_of(organisation)),
            "invite_form": invite_form,
        },
    )


@require_POST
@login_required
def join(request, slug: str):
    organisation = queries.organisation_by_slug(request.user, slug)
    try:
        services.request_to_join(actor=request.user, organisation=organisation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Your request has been sent. The administrators of the organisation will answer by e-mail."),
        )
    return redirect(organisation)


@require_POST
@login_required
def leave(request, slug: str):
    organisation = queries.organisation_by_slug(request.user, slug)
    state = membership_state(request.user, organisation)
    try:
        services.leave(user=request.user, organisation=organisation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if state and state[0] == "requested":
            messages.success(request, _("Your request to join has been withdrawn."))
        else:
            messages.success(request, _("You have left %(name)s.") % {"name": organisation.name})
    return redirect(organisation)


@require_POST
@login_required
def verify(request, slug: str):
    organisation = queries.organisation_by_slug(request.user, slug)
    _require(request, "organisations.verify_organisation", organisation)
    if request.POST.get("action") == "unverify":
        services.unverify(actor=request.user, organisation=organisation)
        messages.success(request, _("The verification has been removed."))
    else:
        services.verify(actor=request.user, organisation=organisation)
        messages.success(request, _("The organisation is now marked as verified."))
    return redirect(organisation)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_delete(request, slug: str):
    organisation = queries.organisation_by_slug(request.user, slug)
    _require(request, "organisations.delete_organisation", organisation)
    if request.method == "POST":
        name = organisation.name
        services.delete_organisation(actor=request.user, organisation=organisation)
        messages.success(request, _("%(name)s has been deleted.") % {"name": name})
        return redirect("organisations:list")
    return render(request, "organisations/delete.html", {"organisation": organisation})


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    invitation = queries.invitation_for(token)
    if request.method == "POST":
        try:
            services.accept_invitation(user=request.user, token=token)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("organisations:invitation", token=token)
        messages.success(
            request,
            _("Welcome! You are now a member of %(name)s.") % {"name": invitation.organisation.name},
        )
        return redirect(invitation.organisation)
    state = membership_state(request.user, invitation.organisation)
    return render(
        request,
        "organisations/invitation.html",
        {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "email_matches": invitation.email.lower() == request.user.email.lower(),
            "is_member": state is not None and state[0] == "active",
        },
    )


def logo(request, slug: str):
    organisation = queries.organisation_by_slug(request.user, slug)
    if not organisation.logo:
        raise Http404
    try:
        handle = organisation.logo.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type="image/png")
    response["Content-Disposition"] = 'inline; filename="logo.png"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = (
        "public, max-age=3600" if organisation.visibility == "public" else "private, max-age=3600"
    )
    return response
