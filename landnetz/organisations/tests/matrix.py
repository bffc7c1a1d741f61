"""Objects and forms of the organisations app for the permission matrix (docs/permissions.md).

Every organisation lies in Stendal (the matrix coordinator coordinates Stendal), is
created through the services with a real PNG logo, and has a separate administrator —
the "owner" column. The roles "member" and "coordinator" are not in it.

- ``ORGANISATION``: a public club with a plain member (shown as contact person), a
  pending join request and an open invitation — everything the members page acts on.
- ``MEMBERS_ORGANISATION``: the same kind of club, visible to logged-in members only.
- ``VERIFIED_ORGANISATION``: a public club a coordinator has verified.
- ``ORGANISATION_ELSEWHERE``: a public club in Weißenfels (Burgenlandkreis), a region the
  matrix coordinator does not coordinate.
- ``MEMBERSHIP``: the same kind of public club as ``ORGANISATION``, but its "owner" is
  the plain member (not an administrator): the one who may leave it and may not manage it.
- ``MODERATED_ORGANISATION``: a public club that a moderator has hidden after a report.
- ``INVITATION``: an open invitation to a public club; its "owner" is the member with the
  invited address.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from landnetz.core.models import Municipality
from landnetz.organisations import services
from landnetz.organisations.tests.helpers import image_bytes, valid_post
from tests.factories import UserFactory
from tests.matrix_support import MatrixObject, unique


def _stendal() -> Municipality:
    return Municipality.objects.select_related("region").get(region__slug="stendal", name="Stendal")


def _weissenfels() -> Municipality:
    return Municipality.objects.select_related("region").get(region__slug="burgenlandkreis", name="Weißenfels")


def logo() -> SimpleUploadedFile:
    return SimpleUploadedFile("logo.png", image_bytes("PNG"), content_type="image/png")


def _member(name: str):
    place = _stendal()
    return UserFactory(display_name=name, region=place.region, municipality=place)


def _club(visibility: str = "public", place: Municipality | None = None):
    place = place or _stendal()
    admin = UserFactory(display_name="Matrix Vereinsvorsitz", region=place.region, municipality=place)
    organisation = services.create_organisation(
        actor=admin,
        name=f"Matrix Verein {unique()}",
        kind="club",
        sector="civil_society",
        municipality=place,
        visibility=visibility,
        logo=logo(),
    )
    assert organisation.logo, "the matrix organisation has a logo file"
    return organisation, admin


def _full_club(visibility: str, owner: str = "admin"):
    def create(users) -> MatrixObject:
        organisation, admin = _club(visibility)
        member = _member("Matrix Vereinsmitglied")
        services.approve_request(
            actor=admin, membership=services.request_to_join(actor=member, organisation=organisation)
        )
        membership = organisation.memberships.get(user=member)
        services.set_contact_person(actor=admin, membership=membership, is_contact_person=True)
        request = services.request_to_join(actor=_member("Matrix Anfrage"), organisation=organisation)
        invitation = services.invite(actor=admin, organisation=organisation, email=f"{unique('invitee')}@example.org")
        return MatrixObject(
            organisation.slug,
            owner=admin if owner == "admin" else member,
            obj=organisation,
            extra={"member": membership, "request": request, "invitation": invitation},
        )

    return create


def _verified(users) -> MatrixObject:
    organisation, admin = _club()
    services.verify(actor=users["coordinator"], organisation=organisation)
    return MatrixObject(organisation.slug, owner=admin, obj=organisation)


def _moderated(users) -> MatrixObject:
    organisation, admin = _club()
    services.set_hidden(organisation=organisation, hidden=True)
    return MatrixObject(organisation.slug, owner=admin, obj=organisation)


def _elsewhere(users) -> MatrixObject:
    organisation, admin = _club(place=_weissenfels())
    return MatrixObject(organisation.slug, owner=admin, obj=organisation)


def _invitation(users) -> MatrixObject:
    organisation, admin = _club()
    invitee = _member("Matrix Eingeladene")
    invitation = services.invite(actor=admin, organisation=organisation, email=invitee.email)
    return MatrixObject(invitation.token, owner=invitee, obj=invitation)


OBJECTS = {
    "ORGANISATION": _full_club("public"),
    "MEMBERS_ORGANISATION": _full_club("members"),
    "VERIFIED_ORGANISATION": _verified,
    "ORGANISATION_ELSEWHERE": _elsewhere,
    "MODERATED_ORGANISATION": _moderated,
    "MEMBERSHIP": _full_club("public", owner="member"),
    "INVITATION": _invitation,
}


def _organisation_form(ctx) -> dict:
    """The organisation form as filled in by a person (with a logo)."""
    return valid_post(_stendal(), name=f"Tafel {unique()}", logo=logo())


def _action(action: str, field: str, extra: str):
    def build(ctx) -> dict:
        return {"action": action, field: str(ctx.object.extra[extra].pk)}

    return build


BODIES = {
    "ORGANISATION_FORM": _organisation_form,
    # The buttons on an organisation's page (only the CSRF token and a hidden field).
    "JOIN": lambda ctx: {},
    "LEAVE": lambda ctx: {},
    "VERIFY": lambda ctx: {"action": "verify"},
    "UNVERIFY": lambda ctx: {"action": "unverify"},
    "ACCEPT": lambda ctx: {},
    # The members page (of ORGANISATION or MEMBERSHIP).
    "INVITE": lambda ctx: {"action": "invite", "email": f"{unique('new')}@example.org", "role": "member"},
    "APPROVE": _action("approve", "membership", "request"),
    "DECLINE": _action("decline", "membership", "request"),
    "REMOVE": _action("remove", "membership", "member"),
    "MAKE_ADMIN": _action("make_admin", "membership", "member"),
    "CONTACT_OFF": _action("contact_off", "membership", "member"),
    "REVOKE": _action("revoke", "invitation", "invitation"),
}
