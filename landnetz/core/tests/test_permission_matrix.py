"""Every URL × every role answers as docs/permissions.md says."""

import pytest
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


def url_for(row) -> str:
    if row.key.startswith("/"):
        return row.kwargs.get("path", row.key)
    with translation.override("de"):
        if row.key == "admin:*":
            return reverse("admin:index")
        return reverse(row.key, kwargs=row.kwargs or None)


@pytest.fixture
def users(volunteer, coordinator, network_admin):
    return {"anonymous": None, "member": volunteer, "coordinator": coordinator, "admin": network_admin}


@pytest.mark.parametrize("row", MATRIX, ids=[row.key for row in MATRIX])
def test_matrix_row(row, users, client):
    url = url_for(row)
    answers = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        answers[role] = client.get(url).status_code
    assert answers == row.expected, f"GET {url}"
