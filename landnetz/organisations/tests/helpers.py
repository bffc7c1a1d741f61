"""Helpers shared by the organisations tests."""

import io

from PIL import Image


def add_member(organisation, user, role="member", **fields):
    from landnetz.organisations.models import Membership

    return Membership.objects.create(organisation=organisation, user=user, role=role, **fields)


def image_bytes(fmt="PNG", size=(64, 48), color=(200, 30, 30), **save_args) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt, **save_args)
    return buffer.getvalue()


def valid_post(place, **overrides) -> dict:
    data = {
        "name": "Tafel Stendal",
        "kind": "club",
        "sector": "civil_society",
        "description": "Wir verteilen **Lebensmittel**.",
        "street": "Bahnhofstraße 1",
        "postcode": "39576",
        "municipality": str(place.pk),
        "latitude": "",
        "longitude": "",
        "opening_hours": "Mo–Fr 9–12 Uhr",
        "website": "https://tafel-stendal.example",
        "email": "info@tafel-stendal.example",
        "phone": "+49 (3931) 12-34/5",
        "visibility": "public",
    }
    data.update(overrides)
    return data
