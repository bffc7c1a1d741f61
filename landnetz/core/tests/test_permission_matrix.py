"""Every URL × every method × every role answers as docs/permissions.md says.

Each request of a row gets fresh objects (``landnetz/<app>/tests/matrix.py``) and is
bracketed by two snapshots of the whole database: a cell with ✓ must change data, a
cell without ✓ must leave every row as it was. A row whose answers are the same for
every role fails unless its last column says why that is on purpose.
"""

import importlib
from http.cookies import SimpleCookie

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import translation

from landnetz.core.tests.permission_matrix import (
    METHODS,
    PLACEHOLDER,
    REDIRECTS,
    ROLES,
    Answer,
    accepted_methods,
    read_exemptions,
    read_matrix,
    row_line,
    url_views,
)
from tests.matrix_support import Context, MatrixObject, changes, database_snapshot

pytestmark = pytest.mark.django_db

MATRIX = read_matrix()
EXEMPTIONS = read_exemptions()


def _app_matrices():
    for app in apps.get_app_configs():
        if not app.name.startswith("landnetz."):
            continue
        try:
            yield app.name, importlib.import_module(f"{app.name}.tests.matrix")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.tests.matrix" and error.name != f"{app.name}.tests":
                raise


def _registry(attribute: str) -> dict:
    found: dict = {}
    for app, module in _app_matrices():
        for name, value in getattr(module, attribute, {}).items():
            assert name not in found, f"{attribute} {name!r} is defined twice (again in {app}.tests.matrix)"
            found[name] = value
    return found


OBJECTS = _registry("OBJECTS")
BODIES = _registry("BODIES")


# --- The table is complete and well-formed ------------------------------------------------------


def test_every_url_has_a_row():
    documented = {row.key for row in MATRIX}
    keys = set(url_views())
    missing = keys - documented
    assert not missing, f"URLs without a row in docs/permissions.md: {sorted(missing)}"
    stale = documented - keys
    assert not stale, f"Rows in docs/permissions.md for URLs that no longer exist: {sorted(stale)}"


def test_every_method_a_view_accepts_has_a_row():
    """A view that accepts POST needs a POST row (or a line under "Methods without a row")."""
    sent = {(row.key, method) for row in MATRIX for method in row.methods}
    missing, refused = [], []
    for key, view in sorted(url_views().items()):
        accepted = accepted_methods(view)
        for method in METHODS:
            exempt = any(exemption.covers(key, method) for exemption in EXEMPTIONS)
            if method in accepted and (key, method) not in sent and not exempt:
                missing.append(f"{method} {key}")
            if method not in accepted and (key, method) in sent:
                refused.append(f"{method} {key}")
    assert not missing, f"Methods the view accepts without a row (or a reason): {missing}"
    assert not refused, f"Rows send a method the view refuses (405 for everyone proves nothing): {refused}"


def test_exemptions_match_urls():
    keys = set(url_views())
    for exemption in EXEMPTIONS:
        assert exemption.method in METHODS, exemption
        matched = [key for key in keys if exemption.covers(key, exemption.method)]
        assert matched, f"'Methods without a row' names {exemption.pattern} {exemption.method}, which matches no URL"
        sent = [
            row.id for row in MATRIX if exemption.covers(row.key, exemption.method) and exemption.method in row.methods
        ]
        assert not sent, f"{exemption.pattern} {exemption.method} is exempt but has rows: {sent}"


def test_every_placeholder_and_body_exists():
    for row in MATRIX:
        for name in row.placeholders:
            assert name in OBJECTS, f"{row.id}: no tests/matrix.py defines the object {name}"
        if row.body:
            assert row.body in BODIES, f"{row.id}: no tests/matrix.py defines the body {row.body}"


@pytest.mark.parametrize("row", MATRIX, ids=[row.id for row in MATRIX])
def test_row_tells_roles_apart_or_says_why_not(row):
    answers = {str(answer) for answer in row.expected.values() if answer is not None}
    if len(answers) == 1:
        assert row.same_for_all, (
            f"docs/permissions.md:{row.line} {row.id}: every role gets {answers.pop()} — this row proves nothing "
            "about access. Send a method, body or object that the roles are treated differently for, "
            "or write why it is the same for all (last column)."
        )
    else:
        assert not row.same_for_all, (
            f"docs/permissions.md:{row.line} {row.id} tells roles apart; "
            f"remove '{row.same_for_all}' from its last column"
        )


# --- Every row as every role ------------------------------------------------------------------


@pytest.fixture
def users(volunteer, coordinator, network_admin):
    """The fixed roles; "owner" is the owner of each request's own object.

    Each has visited their profile page before: the first visit creates the member's
    empty, private profile (``accounts.queries.profile_of``), the one write on a GET.
    """
    from landnetz.accounts.queries import profile_of

    for user in (volunteer, coordinator, network_admin):
        profile_of(user)
    return {"anonymous": None, "member": volunteer, "coordinator": coordinator, "admin": network_admin}


def _objects(row, users) -> dict[str, MatrixObject]:
    return {name: OBJECTS[name](users) for name in dict.fromkeys(row.placeholders)}


def _url(row, objects: dict[str, MatrixObject]) -> str:
    if row.key.startswith("/"):
        return row.kwargs.get("path", row.key)
    kwargs = {name: _resolve(value, objects) for name, value in row.kwargs.items()}
    with translation.override("de"):
        if row.key == "admin:*":
            return reverse("admin:index")
        return reverse(row.key, kwargs=kwargs or None)


def _resolve(value: str, objects: dict[str, MatrixObject]) -> str:
    match = PLACEHOLDER.match(value)
    if match is None:
        return value
    found = objects[match["name"]]
    return str(getattr(found.obj, match["attribute"])) if match["attribute"] else found.value


def _redirect_word(response) -> str | None:
    location = response.get("Location", "")
    path = location.split("?", 1)[0]
    for word, name in REDIRECTS.items():
        with translation.override("de"):
            target = reverse(name)
        if path == target:
            return word
    return None


@pytest.fixture(scope="module")
def browser() -> Client:
    """One client for all requests (each request starts without cookies): its middleware loads once."""
    return Client()


def _send(row, method: str, role: str, users, client: Client) -> tuple[Answer | None, list[str], str]:
    """One request: fresh objects, the role's login, the row's body; the answer and what changed."""
    objects = _objects(row, users)
    owner = next((objects[name].owner for name in row.placeholders if objects[name].owner is not None), None)
    user = owner if role == "owner" else users[role]
    if role == "owner" and owner is None:
        return None, [], ""
    url = _url(row, objects)
    data = {}
    if method == "POST" and row.body:
        data = BODIES[row.body](Context(user=user, role=role, users=users, objects=objects))
    client.cookies = SimpleCookie()
    if user is not None:
        client.force_login(user)
    before = database_snapshot()
    response = client.post(url, data) if method == "POST" else client.get(url)
    changed = changes(before, database_snapshot())
    redirect = _redirect_word(response) if 300 <= response.status_code < 400 else None
    return Answer(response.status_code, redirect, bool(changed)), changed, url


@pytest.mark.parametrize("row", MATRIX, ids=[row.id for row in MATRIX])
def test_matrix_row(row, users, browser):
    for method in row.methods:
        answers, details = {}, []
        for role in ROLES:
            answer, changed, url = _send(row, method, role, users, browser)
            answers[role] = answer
            if changed:
                details.append(f"  {role}: {'; '.join(changed)}")
        if answers != row.expected:
            wrong = [
                f"{role}: expected {row.expected[role] or '–'}, got {answers[role] or '–'}"
                for role in ROLES
                if answers[role] != row.expected[role]
            ]
            pytest.fail(
                f"{method} {url} (docs/permissions.md:{row.line})\n"
                + "\n".join(wrong)
                + "\nThe row as answered:\n"
                + row_line(row, answers)
                + ("\nChanged data:\n" + "\n".join(details) if details else "")
            )
