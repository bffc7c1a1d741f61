"""Objects and forms of the groups app for the permission matrix (docs/permissions.md).

Every group lies in Landkreis Stendal, is created through the services and has its own
administrator — the "owner" column (the matrix's member, coordinator and admin are not
in it). Group pages are for logged-in members only.

- ``OPEN_GROUP``: an open group with a plain member and an open invitation.
- ``CLOSED_GROUP``: a closed group with a plain member, a pending request to join and an
  open invitation — everything the members page acts on.
- ``SECRET_GROUP``: a secret group with a plain member and an open invitation: 404 for
  everyone outside it, network admins included.
- ``HIDDEN_GROUP``: an open group a moderator has hidden: only its admins and network
  admins still see it.
- ``GROUP_MEMBERSHIP``: a closed group like ``CLOSED_GROUP`` whose "owner" is the plain
  member: they may see the members and leave, not manage.
- ``GROUP_INVITATION`` / ``SECRET_GROUP_INVITATION``: an open invitation to a closed / a
  secret group; the "owner" is the member with the invited address.
"""

from landnetz.core.models import Region
from landnetz.groups import services
from landnetz.groups.models import GroupMembership
from tests.factories import UserFactory
from tests.matrix_support import MatrixObject, unique


def _stendal() -> Region:
    return Region.objects.get(slug="stendal")


def _person(name: str):
    region = _stendal()
    return UserFactory(display_name=name, region=region, municipality=region.municipalities.get(name="Stendal"))


def _group(kind: str, *, owner: str = "admin", hidden: bool = False):
    def create(users) -> MatrixObject:
        admin = _person("Matrix Gruppenleitung")
        group = services.create_group(actor=admin, name=f"Matrix Gruppe {unique()}", kind=kind, region=_stendal())
        member = _person("Matrix Gruppenmitglied")
        GroupMembership.objects.create(group=group, user=member, role="member", status="active")
        request = None
        if kind == "closed":
            request = services.join(actor=_person("Matrix Anfrage"), group=group)
        invitation = services.invite(actor=admin, group=group, email=f"{unique('invitee')}@example.org")
        if hidden:
            services.set_hidden(group=group, hidden=True)
        return MatrixObject(
            group.slug,
            owner=admin if owner == "admin" else member,
            obj=group,
            extra={
                "member": GroupMembership.objects.get(group=group, user=member),
                "request": request,
                "invitation": invitation,
            },
        )

    return create


def _invitation(kind: str):
    def create(users) -> MatrixObject:
        admin = _person("Matrix Gruppenleitung")
        group = services.create_group(actor=admin, name=f"Matrix Gruppe {unique()}", kind=kind, region=_stendal())
        GroupMembership.objects.create(group=group, user=_person("Matrix Gruppenmitglied"), status="active")
        invitee = _person("Matrix Eingeladene")
        invitation = services.invite(actor=admin, group=group, email=invitee.email)
        return MatrixObject(invitation.token, owner=invitee, obj=invitation)

    return create


OBJECTS = {
    "OPEN_GROUP": _group("open"),
    "CLOSED_GROUP": _group("closed"),
    "SECRET_GROUP": _group("secret"),
    "HIDDEN_GROUP": _group("open", hidden=True),
    "GROUP_MEMBERSHIP": _group("closed", owner="member"),
    "GROUP_INVITATION": _invitation("closed"),
    "SECRET_GROUP_INVITATION": _invitation("secret"),
}


def _group_form(ctx) -> dict:
    return {
        "name": f"Matrix Netzwerk {unique()}",
        "kind": "closed",
        "description": "Austausch in der **Altmark**.",
        "description_language": "de",
        "region": str(_stendal().pk),
    }


def _action(action: str, field: str, extra: str):
    def build(ctx) -> dict:
        return {"action": action, field: str(ctx.object.extra[extra].pk)}

    return build


BODIES = {
    "GROUP_FORM": _group_form,
    # The buttons on a group's page (only the CSRF token).
    "JOIN_GROUP": lambda ctx: {},
    "LEAVE_GROUP": lambda ctx: {},
    "CONFIRM_GROUP_DELETE": lambda ctx: {},
    "ACCEPT_GROUP_INVITATION": lambda ctx: {},
    # The members page.
    "INVITE_TO_GROUP": lambda ctx: {"action": "invite", "email": f"{unique('new')}@example.org", "role": "member"},
    "APPROVE_GROUP_REQUEST": _action("approve", "membership", "request"),
    "DECLINE_GROUP_REQUEST": _action("decline", "membership", "request"),
    "REMOVE_GROUP_MEMBER": _action("remove", "membership", "member"),
    "MAKE_GROUP_ADMIN": _action("make_admin", "membership", "member"),
    "HAND_OVER_GROUP": _action("hand_over", "membership", "member"),
    "REVOKE_GROUP_INVITATION": _action("revoke", "invitation", "invitation"),
}
