"""Someone outside the organisation tries every URL that changes or reveals something.

Whatever they do: 403 (or 404 where the organisation is hidden from them) and nothing
changes in the database.
"""

import pytest
from django.core.files.base import ContentFile

from landnetz.core.models import AuditEntry
from landnetz.organisations.models import Invitation, Membership, Organisation
from landnetz.organisations.tests.helpers import add_member, image_bytes, valid_post

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Organisation.objects.order_by("pk").values()),
        list(Membership.objects.order_by("pk").values()),
        list(Invitation.objects.order_by("pk").values()),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def target(org, coordinator, make_invitation):
    """A Stendal organisation with a member, a request and an open invitation."""
    add_member(org, coordinator, is_contact_person=True)
    org.logo.save("logo.png", ContentFile(image_bytes("PNG")), save=True)
    return {
        "organisation": org,
        "member": Membership.objects.get(organisation=org, user=coordinator),
        "admin": Membership.objects.get(organisation=org, role="admin"),
        "invitation": make_invitation(org, "friend@example.org"),
    }


def attempts(target, municipality):
    org = target["organisation"]
    base = f"/de/organisations/{org.slug}"
    member, admin, invitation = target["member"], target["admin"], target["invitation"]
    return [
        ("get", f"{base}/edit/", {}),
        ("post", f"{base}/edit/", valid_post(municipality, name="Hijacked")),
        ("get", f"{base}/members/", {}),
        ("post", f"{base}/members/", {"action": "remove", "membership": member.pk}),
        ("post", f"{base}/members/", {"action": "remove", "membership": admin.pk}),
        ("post", f"{base}/members/", {"action": "make_admin", "membership": member.pk}),
        ("post", f"{base}/members/", {"action": "make_member", "membership": admin.pk}),
        ("post", f"{base}/members/", {"action": "contact_off", "membership": member.pk}),
        ("post", f"{base}/members/", {"action": "revoke", "invitation": invitation.pk}),
        (
            "post",
            f"{base}/members/",
            {"action": "invite", "email": "me@example.org", "role": "admin"},
        ),
        ("get", f"{base}/delete/", {}),
        ("post", f"{base}/delete/", {}),
        ("post", f"{base}/verify/", {}),
        ("post", f"{base}/verify/", {"action": "unverify"}),
    ]


def test_outsider_gets_403_and_nothing_changes(client, target, outsider, stendal):
    before = snapshot()
    client.force_login(outsider)
    for method, url, data in attempts(target, stendal):
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, (method, url, data)
    # Reading the (public) logo is allowed; leaving an organisation one is not in fails softly.
    assert client.get(f"/de/organisations/{target['organisation'].slug}/logo/").status_code == 200
    client.post(f"/de/organisations/{target['organisation'].slug}/leave/")
    assert snapshot() == before


def test_plain_member_of_the_organisation_gets_403(client, target, coordinator, stendal, regions):
    """The coordinator is a plain member here: may verify (Stendal), not manage."""
    before = snapshot()
    client.force_login(coordinator)
    for method, url, data in attempts(target, stendal):
        if url.endswith("/verify/"):
            continue
        assert getattr(client, method)(url, data).status_code == 403, (method, url, data)
    assert snapshot() == before


def test_hidden_organisation_is_404_for_visitors_everywhere(client, members_only_org, weissenfels):
    members_only_org.logo.save("logo.png", ContentFile(image_bytes("PNG")), save=True)
    base = f"/de/organisations/{members_only_org.slug}"
    before = snapshot()
    assert client.get(f"{base}/").status_code == 404
    assert client.get(f"{base}/logo/").status_code == 404
    # Every other URL needs a login first.
    for path in ("edit/", "members/", "delete/"):
        assert client.get(f"{base}/{path}").status_code == 302
    for path in ("join/", "leave/", "verify/", "delete/", "edit/", "members/"):
        assert client.post(f"{base}/{path}", {}).status_code == 302
    assert snapshot() == before


def test_unknown_slug_is_404_for_members(client, outsider):
    client.force_login(outsider)
    for path in ("", "edit/", "members/", "delete/", "logo/"):
        assert client.get(f"/de/organisations/nothing-here/{path}").status_code == 404
    for path in ("join/", "leave/", "verify/", "delete/"):
        assert client.post(f"/de/organisations/nothing-here/{path}").status_code == 404


def test_admin_of_one_organisation_cannot_act_on_another(client, target, make_org, outsider, stendal):
    make_org(outsider, name="Eigener Verein", municipality=stendal)
    before = snapshot()
    client.force_login(outsider)
    for method, url, data in attempts(target, stendal):
        assert getattr(client, method)(url, data).status_code == 403, (method, url, data)
    assert snapshot() == before


def test_no_state_change_on_get(client, target, outsider, volunteer, stendal):
    org = target["organisation"]
    client.force_login(volunteer)
    before = snapshot()
    for path in ("", "edit/", "members/", "delete/", "logo/"):
        assert client.get(f"/de/organisations/{org.slug}/{path}").status_code == 200
    for path in ("join/", "leave/", "verify/"):
        assert client.get(f"/de/organisations/{org.slug}/{path}").status_code == 405
    client.force_login(outsider)
    client.get(f"/de/organisations/invitations/{target['invitation'].token}/")
    assert snapshot() == before
