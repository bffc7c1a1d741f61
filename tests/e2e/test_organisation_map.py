"""Placing an organisation's pin on the map (Leaflet, loaded only after a click).

The tile URL points at a file of the live server, so no request leaves the machine.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import axe, log_in, submit, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def organisation(volunteer):
    from landnetz.core.models import Municipality
    from landnetz.organisations import services

    stendal = Municipality.objects.get(region__slug="stendal", name="Stendal")
    return services.create_organisation(
        actor=volunteer, name="Willkommen in Stendal e.V.", kind="club", sector="civil_society", municipality=stendal
    )


def test_drag_the_pin_to_set_the_coordinates(page, live_server, settings, volunteer, organisation):
    settings.LANDNETZ_MAP_TILE_URL = live_server.url + "/static/img/favicon.svg?{z}/{x}/{y}"
    settings.LANDNETZ_MAP_ATTRIBUTION = "© OpenStreetMap contributors"
    before = (organisation.latitude, organisation.longitude)
    assert before[0] is not None  # the municipality's centre from the gazetteer

    leaflet_requests = []
    page.on("request", lambda request: "leaflet" in request.url and leaflet_requests.append(request.url))

    log_in(page, "en", volunteer.email, TEST_PASSWORD)
    visit(page, f"/en/organisations/{organisation.slug}/edit/")
    button = page.get_by_role("button", name="Show map to place the pin")
    expect(button).to_be_visible()
    assert leaflet_requests == [], "Leaflet was loaded before the click"
    assert page.evaluate("typeof window.L") == "undefined"

    latitude = page.locator("[name=latitude]")
    longitude = page.locator("[name=longitude]")
    start = latitude.input_value()

    button.click()
    marker = page.locator(".leaflet-marker-icon")
    expect(marker).to_be_visible()
    expect(page.get_by_role("region", name="Map for placing the pin of the organisation")).to_be_visible()
    assert any(url.endswith("leaflet.js") for url in leaflet_requests)
    axe(page)

    box = marker.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x + 6 * step, y + 4 * step)
    page.mouse.up()
    expect(latitude).not_to_have_value(start)
    new_latitude, new_longitude = latitude.input_value(), longitude.input_value()
    assert len(new_latitude.split(".")[1]) == 6 and len(new_longitude.split(".")[1]) == 6
    # Dragged down and to the right: further south and east.
    assert Decimal(new_latitude) < Decimal(start)
    assert Decimal(new_longitude) > before[1]

    # Typing coordinates moves the pin.
    position = marker.bounding_box()
    latitude.fill("52.7")
    page.wait_for_function(
        "(top) => document.querySelector('.leaflet-marker-icon').getBoundingClientRect().top !== top",
        arg=position["y"],
    )
    latitude.fill(new_latitude)
    page.wait_for_timeout(300)  # panning animation
    axe(page)

    submit(page, page.locator("main form button[type=submit]").first)
    organisation.refresh_from_db()
    assert (organisation.latitude, organisation.longitude) == (Decimal(new_latitude), Decimal(new_longitude))
    assert (organisation.latitude, organisation.longitude) != before
