"""The organisation models in the admin area (network admins only)."""

import pytest

from landnetz.organisations.tests.helpers import add_member

pytestmark = pytest.mark.django_db


def test_admin_pages_render(client, network_admin, org, coordinator, make_invitation):
    add_member(org, coordinator)
    invitation = make_invitation(org, "x@example.org")
    client.force_login(network_admin)
    for url in [
        "/de/admin/organisations/organisation/",
        f"/de/admin/organisations/organisation/{org.pk}/change/",
        "/de/admin/organisations/membership/",
        "/de/admin/organisations/invitation/",
        f"/de/admin/organisations/invitation/{invitation.pk}/change/",
    ]:
        assert client.get(url).status_code == 200, url


def test_members_cannot_open_the_admin_area(client, volunteer, org):
    client.force_login(volunteer)
    assert client.get("/de/admin/organisations/organisation/").status_code == 302
