from pathlib import Path

import pytest
from django.core.management import call_command

from landnetz.core.models import Municipality, PostcodeArea, Region
from tests.html import parse

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


def test_another_land_loads_from_files_in_the_shared_format(regions):
    """``load_regions --land`` with files in the format of ``shared/data`` (an excerpt kept in the repository)."""
    data = Path(__file__).with_name("data")
    call_command(
        "load_regions", land="10", gemeinden=data / "gemeinden-excerpt.csv", postcodes=data / "plz-excerpt.csv"
    )
    saarland = Region.objects.filter(ags__startswith="10")
    assert sorted(saarland.values_list("name", flat=True)) == [
        "Landkreis Merzig-Wadern",
        "Landkreis Neunkirchen",
        "Landkreis Saarlouis",
        "Landkreis St. Wendel",
        "Regionalverband Saarbrücken",
        "Saarpfalz-Kreis",
    ]
    assert Municipality.objects.filter(ags__startswith="10").count() == 53
    assert PostcodeArea.objects.filter(municipality__ags__startswith="10").count() == 69
    assert not Region.objects.filter(ags__startswith="11").exists()  # Berlin is in the file, not in --land 10
    assert Region.objects.filter(ags__startswith="15").count() == 14  # Sachsen-Anhalt untouched


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
    status = parse(client.get("/de/regions/", {"postcode": "10115"}).content).find(role="status")  # Berlin
    assert status.text().startswith("Wir kennen keine Gemeinde mit der Postleitzahl 10115")
    assert status.find_all("li") == []
