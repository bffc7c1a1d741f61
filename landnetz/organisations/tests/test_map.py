"""The optional map on the organisation form: offered only with a tile URL, loaded only on click."""

import pytest

from landnetz.organisations.maps import tile_source

pytestmark = pytest.mark.django_db

OSM = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"


def _img_src(response) -> list[str]:
    policy = response.headers["Content-Security-Policy"]
    for directive in policy.split(";"):
        name, *sources = directive.split()
        if name == "img-src":
            return sources
    raise AssertionError(f"no img-src in {policy}")


@pytest.mark.parametrize(
    ("url", "source"),
    [
        (OSM, "https://*.tile.openstreetmap.org"),
        ("https://tiles.example.org:8443/{z}/{x}/{y}.png?key=1", "https://tiles.example.org:8443"),
        ("http://{s}.tiles.example.org/{z}/{x}/{y}.png", "http://*.tiles.example.org"),
        ("/tiles/{z}/{x}/{y}.png", None),
        ("javascript:alert(1)", None),
        ("", None),
    ],
)
def test_tile_source(url, source):
    assert tile_source(url) == source


@pytest.mark.parametrize("path", ["/en/organisations/new/", "edit"])
def test_no_map_without_tile_url(client, settings, volunteer, org, path):
    settings.LANDNETZ_MAP_TILE_URL = ""
    client.force_login(volunteer)
    url = f"/en/organisations/{org.slug}/edit/" if path == "edit" else path
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Show map to place the pin" not in html
    assert "data-tile-url" not in html
    assert "organisation-map.js" not in html
    assert "leaflet" not in html
    assert "tile.openstreetmap.org" not in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/en/organisations/new/", "edit"])
def test_map_offered_with_tile_url(client, settings, volunteer, org, path):
    settings.LANDNETZ_MAP_TILE_URL = OSM
    settings.LANDNETZ_MAP_ATTRIBUTION = "© OpenStreetMap contributors"
    client.force_login(volunteer)
    url = f"/en/organisations/{org.slug}/edit/" if path == "edit" else path
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Show map to place the pin" in html
    assert 'data-tile-url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert 'data-attribution="© OpenStreetMap contributors"' in html
    assert "contacts the map tile server" in html
    assert 'role="region"' in html
    # The map sits below the coordinates, and is an enhancement: the inputs stay.
    assert html.index('name="longitude"') < html.index("data-map-picker") < html.index('name="opening_hours"')
    # Only our own script up front; Leaflet is only named as a URL for it to load on click.
    assert '<script src="/static/js/organisation-map.js"' in html
    assert '<script src="/static/vendor/leaflet' not in html
    assert '<link rel="stylesheet" href="/static/vendor/leaflet' not in html
    assert 'data-leaflet-js="/static/vendor/leaflet/leaflet.js"' in html
    # Nothing from the tile server is in the page (the browser asks for tiles after the click).
    assert "<img" not in html.split("data-map-picker", 1)[1].split("</form>", 1)[0]
    # The tile host is allowed for images on this page, and only there.
    assert "https://*.tile.openstreetmap.org" in _img_src(response)
    assert "'self'" in _img_src(response)
    other = client.get(f"/en/organisations/{org.slug}/")
    assert "tile.openstreetmap.org" not in other.headers["Content-Security-Policy"]


def test_map_script_uses_no_inline_code(client, settings, volunteer):
    settings.LANDNETZ_MAP_TILE_URL = OSM
    client.force_login(volunteer)
    html = client.get("/en/organisations/new/").content.decode()
    assert " onclick=" not in html
    assert "<script>" not in html


def test_coordinates_from_the_map_are_saved(client, settings, volunteer, org):
    """What the map writes (six decimals) is accepted by the form like typed coordinates."""
    from landnetz.organisations.tests.helpers import valid_post

    settings.LANDNETZ_MAP_TILE_URL = OSM
    client.force_login(volunteer)
    data = valid_post(org.municipality, name=org.name, latitude="52.612345", longitude="11.861234")
    response = client.post(f"/en/organisations/{org.slug}/edit/", data)
    assert response.status_code == 302
    org.refresh_from_db()
    assert str(org.latitude) == "52.612345" and str(org.longitude) == "11.861234"
