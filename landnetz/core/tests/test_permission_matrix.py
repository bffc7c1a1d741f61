"""Every URL × every role answers as docs/permissions.md says."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from landnetz.core.tests.permission_matrix import ROLES, read_matrix, url_keys

pytestmark = pytest.mark.django_db

MATRIX = read_matrix()


def test_every_url_has_a_row():
    documented = {row.key for row in MATRIX}
    missing = url_keys() - documented
    assert not missing, f"URLs without a row in docs/permissions.md: {sorted(missing)}"
    stale = documented - url_keys()
    assert not stale, f"Rows in docs/permissions.md for URLs that no longer exist: {sorted(stale)}"


def url_for(row, placeholders: dict[str, str]) -> str:
    if row.key.startswith("/"):
        return row.kwargs.get("path", row.key)
    kwargs = {name: placeholders.get(value, value) for name, value in row.kwargs.items()}
    with translation.override("de"):
        if row.key == "admin:*":
            return reverse("admin:index")
        return reverse(row.key, kwargs=kwargs or None)


@pytest.fixture
def users(volunteer, coordinator, network_admin):
    return {"anonymous": None, "member": volunteer, "coordinator": coordinator, "admin": network_admin}


@pytest.fixture
def placeholders(users) -> dict[str, str]:
    """Objects that object URLs in the matrix refer to by UPPER_CASE names.

    Every app may have ``tests/matrix.py`` with ``create(users) -> dict[str, str]``.
    """
    values: dict[str, str] = {}
    for app in apps.get_app_configs():
        if not app.name.startswith("landnetz."):
            continue
        try:
            module = importlib.import_module(f"{app.name}.tests.matrix")
        except ModuleNotFoundError:
            continue
        values |= module.create(users)
    return values


@pytest.mark.parametrize("row", MATRIX, ids=[row.key for row in MATRIX])
def test_matrix_row(row, users, placeholders, client):
    url = url_for(row, placeholders)
    answers = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        answers[role] = client.get(url).status_code
    assert answers == row.expected, f"GET {url}"
