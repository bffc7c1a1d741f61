"""Shared pytest fixtures: regions and the personas everyone knows by their role."""

import os

import hypothesis
import pytest
from django.core.management import call_command

os.environ.setdefault("LANDNETZ_ENV", "test")

# tests.ci: in CI every skip fails the run unless tests/allowed_skips.toml allows it.
# pytester: runs small suites in a subprocess (the test of that rule, tests/test_ci.py).
pytest_plugins = ["tests.ci", "pytester"]

# Hypothesis: deterministic in CI, exploring on developers' machines.
# - "ci" (CI set): the same examples on every run (derandomize, which also means no example
#   database), so CI is not green or red by chance; a failure prints the blob that
#   reproduces it (@reproduce_failure).
# - "dev" (otherwise): new random examples on every run; a failure found is replayed from
#   the local, git-ignored .hypothesis/ until it passes.
# Every failure hypothesis finds is pinned with an @example in its test, so CI runs it too.
# HYPOTHESIS_PROFILE=ci runs the CI examples locally.
hypothesis.settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[hypothesis.HealthCheck.too_slow],
)
hypothesis.settings.register_profile("dev", deadline=None, print_blob=True)


def pytest_configure(config):
    from tests.ci import in_ci

    hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Regions and municipalities are reference data: load them once per test database.
    with django_db_blocker.unblock():
        call_command("load_regions", verbosity=0)


@pytest.fixture
def regions(db):
    """Regions by slug; loads them again if a transactional test flushed the tables."""
    from landnetz.core.models import Region

    if not Region.objects.exists():
        call_command("load_regions", verbosity=0)
    return {region.slug: region for region in Region.objects.all()}


def _persona(regions, email, name, region_slug, municipality_name, **extra):
    from tests.factories import UserFactory

    region = regions[region_slug]
    municipality = region.municipalities.get(name=municipality_name)
    return UserFactory(email=email, display_name=name, region=region, municipality=municipality, **extra)


@pytest.fixture
def coordinator(regions):
    user = _persona(regions, "coordinator@example.org", "Katrin Behrendt", "stendal", "Stendal")
    user.coordinated_regions.add(regions["stendal"])
    return user


@pytest.fixture
def volunteer(regions):
    return _persona(regions, "volunteer@example.org", "Helga Wiesner", "stendal", "Tangerhütte", large_text=True)


@pytest.fixture
def newcomer(regions):
    return _persona(
        regions, "newcomer@example.org", "Olena Kovalenko", "stendal", "Tangerhütte", preferred_language="uk"
    )


@pytest.fixture
def employer(regions):
    return _persona(regions, "employer@example.org", "Thomas Gräfe", "altmarkkreis-salzwedel", "Gardelegen")


@pytest.fixture
def migrant_org_chair(regions):
    return _persona(regions, "migrantorg@example.org", "Samir Haddad", "burgenlandkreis", "Weißenfels")


@pytest.fixture
def counsellor(regions):
    return _persona(regions, "counsellor@example.org", "Farida Ahmadi", "burgenlandkreis", "Naumburg (Saale)")


@pytest.fixture
def room_owner(regions):
    return _persona(regions, "roomowner@example.org", "Jens Kowalski", "stendal", "Bismark (Altmark)")


@pytest.fixture
def outsider(regions):
    return _persona(regions, "outsider@example.org", "Uwe Fremd", "harz", "Wernigerode")


@pytest.fixture
def network_admin(regions):
    """A network admin with TOTP two-factor login set up (the admin area requires it)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = _persona(
        regions, "admin@example.org", "Sabine Lorenz", "magdeburg", "Magdeburg", is_staff=True, is_superuser=True
    )
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded photos and logos go to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache: start every test with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
