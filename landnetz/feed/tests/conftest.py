"""Fixtures of the feed tests."""

import pytest

from landnetz.core.models import Region


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids); pages under /de/ still render German."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def stendal(regions) -> Region:
    return regions["stendal"]


@pytest.fixture
def harz(regions) -> Region:
    return regions["harz"]


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    """Tests write many posts; the rate-limit tests set the real limits again."""
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "post": "1000/m", "comment": "1000/m"}


@pytest.fixture
def factory_members(stendal):
    """``factory_members("Name")``: a member in Stendal with a profile other members see."""
    from landnetz.feed.tests.helpers import visible_profile
    from tests.factories import UserFactory

    def make(name: str):
        user = UserFactory(display_name=name, region=stendal)
        visible_profile(user)
        return user

    return make
