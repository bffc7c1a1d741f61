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
