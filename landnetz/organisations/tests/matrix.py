"""Objects for the permission matrix (docs/permissions.md).

- ``STENDAL_ORGANISATION``: a public club in Stendal. Its only administrator is a
  separate member, so the matrix roles are: "member" = a logged-in outsider,
  "coordinator" = coordinates Stendal (may verify it), "admin" = network admin.
- ``MEMBERS_ORGANISATION``: an organisation in the Burgenlandkreis that only logged-in
  members may see (outside the coordinator's region).
- ``INVITATION``: an open invitation to the Stendal club for an address none of the
  roles has.
"""

from landnetz.core.models import Municipality
from landnetz.organisations import services
from landnetz.organisations.models import Invitation
from tests.factories import UserFactory


def _organisation(name: str, region_slug: str, place: str, **fields):
    municipality = Municipality.objects.select_related("region").get(region__slug=region_slug, name=place)
    owner = UserFactory(display_name=f"Matrix admin of {name}", region=municipality.region)
    organisation = services.create_organisation(
        actor=owner,
        name=name,
        kind="club",
        sector="civil_society",
        municipality=municipality,
        **fields,
    )
    return organisation, owner


def create(users) -> dict[str, str]:
    stendal, owner = _organisation("Stendal Demo-Verein", "stendal", "Stendal")
    hidden, _ = _organisation("Matrix Verein Weißenfels", "burgenlandkreis", "Weißenfels", visibility="members")
    invitation = Invitation.objects.create(
        organisation=stendal,
        email="matrix-invitee@example.org",
        token="matrix-invitation-token",
        invited_by=owner,
    )
    return {
        "STENDAL_ORGANISATION": stendal.slug,
        "MEMBERS_ORGANISATION": hidden.slug,
        "INVITATION": invitation.token,
    }
