"""Fixtures of the messaging tests."""

import pytest

from landnetz.messaging.tests.helpers import allow, write


@pytest.fixture(autouse=True)
def _english():
    """Messages of services are asserted in English (the msgids); pages under /de/ still render German."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def direct(newcomer, counsellor):
    """Olena (newcomer, Stendal) wrote to Farida (counsellor, Burgenlandkreis), who takes messages from everyone."""
    allow(counsellor)
    conversation, _message = write(newcomer, counsellor, body="Добрий день! Мені потрібна консультація.")
    return conversation
