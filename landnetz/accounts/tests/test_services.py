import pytest

from landnetz.accounts import services
from landnetz.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_coordinator_changes_are_audited(network_admin, volunteer, regions):
    services.set_coordinated_regions(actor=network_admin, user=volunteer, regions=[regions["stendal"], regions["harz"]])
    services.set_coordinated_regions(actor=network_admin, user=volunteer, regions=[regions["harz"]])
    entries = list(AuditEntry.objects.order_by("id").values_list("verb", "region__slug"))
    assert entries == [
        ("coordinator.assigned", "harz"),
        ("coordinator.assigned", "stendal"),
        ("coordinator.removed", "stendal"),
    ]
    assert set(volunteer.coordinated_regions.all()) == {regions["harz"]}


def test_admin_area_assigns_coordinator_through_the_service(client, network_admin, volunteer, regions):
    client.force_login(network_admin)
    url = f"/de/admin/accounts/user/{volunteer.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "email": volunteer.email,
        "display_name": volunteer.display_name,
        "region": volunteer.region_id,
        "municipality": volunteer.municipality_id,
        "preferred_language": "de",
        "large_text": "on",
        "is_active": "on",
        "coordinated_regions": [regions["stendal"].pk],
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AuditEntry.objects.filter(verb="coordinator.assigned", actor=network_admin).count() == 1
