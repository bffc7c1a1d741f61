"""Objects and forms of the moderation app for the permission matrix (docs/permissions.md).

- ``REPORT``: an open report (by another member) of a public profile in Stendal, the
  region the matrix coordinator coordinates; its "owner" is the reported member.
- ``REPORT_ELSEWHERE``: the same in Weißenfels (Burgenlandkreis), a region the matrix
  coordinator does not coordinate.
"""

from landnetz.accounts import services as account_services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality
from landnetz.moderation import services
from tests.factories import UserFactory
from tests.matrix_support import MatrixObject


def _report(region_slug: str, place: str):
    def create(users) -> MatrixObject:
        municipality = Municipality.objects.select_related("region").get(region__slug=region_slug, name=place)
        reported = UserFactory(display_name="Matrix Gemeldete", region=municipality.region, municipality=municipality)
        profile = profile_of(reported)
        account_services.update_profile(user=reported, profile=profile, data={"visibility": "public"}, languages=[])
        report = services.report(
            reporter=UserFactory(display_name="Matrix Meldende"),
            kind="accounts.profile",
            object_id=reported.pk,
            reason="spam",
            comment="Werbung für einen Kredit.",
        )
        return MatrixObject(str(report.pk), owner=reported, obj=report)

    return create


OBJECTS = {
    "REPORT": _report("stendal", "Stendal"),
    "REPORT_ELSEWHERE": _report("burgenlandkreis", "Weißenfels"),
}

BODIES = {
    # "Report this profile": a reason and a comment.
    "REPORT_FORM": lambda ctx: {"reason": "spam", "comment": "Das ist Werbung."},
    # A decision in the queue: hide, with the reason the author reads.
    "HIDE": lambda ctx: {"action": "hide", "reason": "Werbung ist hier nicht erlaubt."},
}
