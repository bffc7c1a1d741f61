"""Fixtures of the organisations tests: organisations built through the services."""

import pytest

from landnetz.core.models import Municipality


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Logos go to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids); pages under /de/ still render German."""
    from django.utils import translation

    with translation.override("en"):
        yield


def municipality(region_slug: str, name: str) -> Municipality:
    return Municipality.objects.select_related("region").get(region__slug=region_slug, name=name)


@pytest.fixture
def stendal(regions):
    return municipality("stendal", "Stendal")


@pytest.fixture
def weissenfels(regions):
    return municipality("burgenlandkreis", "Weißenfels")


@pytest.fixture
def make_org(db):
    """``make_org(admin, name=..., municipality=..., **fields)`` through the service."""
    from landnetz.organisations import services

    def make(admin, *, name: str, municipality, **fields):
        fields.setdefault("kind", "club")
        fields.setdefault("sector", "civil_society")
        return services.create_organisation(actor=admin, name=name, municipality=municipality, **fields)

    return make


@pytest.fixture
def org(make_org, volunteer, stendal):
    """A public club in Stendal; ``volunteer`` is its only administrator."""
    return make_org(volunteer, name="Willkommen in Stendal e.V.", municipality=stendal)


@pytest.fixture
def members_only_org(make_org, migrant_org_chair, weissenfels):
    return make_org(
        migrant_org_chair,
        name="Interkultureller Verein Weißenfels",
        municipality=weissenfels,
        visibility="members",
        kind="migrant_organisation",
        sector="migrant_organisation",
    )


@pytest.fixture
def make_invitation(db):
    def make(organisation, email, role="member"):
        from landnetz.organisations.models import Invitation

        return Invitation.objects.create(organisation=organisation, email=email, role=role)

    return make
