import pytest
from django.core.management import call_command

from landnetz.core.models import Municipality, PostcodeArea, Region

pytestmark = pytest.mark.django_db


def test_sachsen_anhalt_has_14_regions_and_218_municipalities(regions):
    assert Region.objects.count() == 14
    assert Region.objects.filter(kind=Region.Kind.CITY).count() == 3
    assert Municipality.objects.count() == 218
    stendal = Municipality.objects.get(ags="15090535")
    assert stendal.name == "Stendal"
    assert stendal.region.name == "Landkreis Stendal"
    assert 52.5 < float(stendal.latitude) < 52.7
    assert stendal.population > 30_000


def test_loading_twice_changes_nothing(regions):
    counts = (Region.objects.count(), Municipality.objects.count(), PostcodeArea.objects.count())
    call_command("load_regions", verbosity=0)
    assert counts == (Region.objects.count(), Municipality.objects.count(), PostcodeArea.objects.count())


def test_another_land_loads_from_the_shared_file(regions, settings):
    from pathlib import Path

    shared = Path(settings.BASE_DIR).parent / "shared" / "data" / "gemeindeverzeichnis-destatis.csv"
    if not shared.exists():
        pytest.skip("shared data folder not beside the project")
    call_command("load_regions", land="16", gemeinden=shared, postcodes=shared.with_name("plz-ort-landkreis.csv"))
    assert Region.objects.filter(ags__startswith="16").count() == 23  # Thüringen
    assert Municipality.objects.filter(ags__startswith="16").count() > 600


def test_region_pages(client, regions):
    html = client.get("/de/regions/").content.decode()
    assert "Landkreis Stendal" in html and "Tangerhütte" in html and "Burgenlandkreis" in html
    html = client.get("/de/regions/stendal/").content.decode()
    assert "Tangerhütte" in html and "Bismark (Altmark)" in html
    assert client.get("/de/regions/atlantis/").status_code == 404


def test_postcode_lookup(client, regions):
    html = client.get("/de/regions/", {"postcode": "39517"}).content.decode()
    assert "Tangerhütte" in html
    response = client.get("/de/regions/", {"postcode": "3951x"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert "ln-error-summary" in response.content.decode()
    html = client.get("/de/regions/", {"postcode": "10115"}).content.decode()  # Berlin
    assert 'role="status"' in html


@pytest.mark.parametrize("url", ["/de/", "/de/regions/", "/de/regions/stendal/", "/de/regions/?postcode=39517"])
def test_query_count_does_not_grow_with_members(client, regions, url, django_assert_max_num_queries):
    from tests.factories import UserFactory

    with django_assert_max_num_queries(8):
        client.get(url)
    UserFactory.create_batch(30, region=regions["stendal"])
    with django_assert_max_num_queries(8):
        client.get(url)
