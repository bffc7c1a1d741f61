"""Ids beyond the database's range answer 404 or a form error, never 500 (issue #6, item 8)."""

import ast
from pathlib import Path

import pytest

from landnetz.core.ids import is_valid_id

pytestmark = pytest.mark.django_db

TOO_BIG = ["9223372036854775808", "99999999999999999999999", str(2**64)]
LANDNETZ = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("value", TOO_BIG + ["0", "-1", "١٢", "1e3", ""])
def test_only_ids_a_row_can_have_are_valid(value):
    assert not is_valid_id(value)


def test_largest_id_is_valid():
    assert is_valid_id(str(2**63 - 1)) and is_valid_id(1)


@pytest.mark.parametrize("number", TOO_BIG)
def test_person_urls_with_huge_ids_are_404(client, volunteer, number):
    client.force_login(volunteer)
    assert client.get(f"/de/people/{number}/").status_code == 404
    assert client.get(f"/de/people/{number}/photo/").status_code == 404


@pytest.mark.parametrize("number", TOO_BIG)
def test_profile_form_with_huge_topic_id_is_a_form_error(client, volunteer, number):
    from landnetz.accounts.models import Profile
    from landnetz.accounts.tests.test_profile import profile_data

    client.force_login(volunteer)
    response = client.post("/de/accounts/profile/", profile_data(topics=[number], bio="Neuer Text"))
    assert response.status_code == 200
    assert "topics" in response.context["form"].errors
    assert "Neuer Text" in response.content.decode()  # nothing typed is lost
    assert Profile.objects.get(user=volunteer).bio != "Neuer Text"


@pytest.mark.parametrize("number", TOO_BIG)
def test_organisation_form_with_huge_ids_is_a_form_error(client, volunteer, number):
    from landnetz.core.models import Municipality
    from landnetz.organisations.models import Organisation
    from landnetz.organisations.tests.helpers import valid_post

    client.force_login(volunteer)
    stendal = Municipality.objects.get(name="Stendal")
    for field, value in [("topics", [number]), ("municipality", number)]:
        response = client.post("/en/organisations/new/", {**valid_post(stendal), field: value})
        assert response.status_code == 200, field
        assert field in response.context["form"].errors
    assert not Organisation.objects.exists()


def test_no_project_form_uses_djangos_unchecked_model_choice_fields():
    offenders = []
    for path in LANDNETZ.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in {"ModelChoiceField", "ModelMultipleChoiceField"}
                and isinstance(node.value, ast.Name)
                and node.value.id == "forms"
                and path.name != "ids.py"
            ):
                offenders.append(f"{path.relative_to(LANDNETZ)}:{node.lineno}")
    assert offenders == [], "use landnetz.core.ids.ModelChoiceField / ModelMultipleChoiceField"


def test_no_url_uses_the_unchecked_int_converter():
    from django.urls import get_resolver

    def routes(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                yield from routes(pattern, route)
            else:
                yield route

    unchecked = [route for route in routes(get_resolver()) if "<int:" in route]
    # django-allauth's and the admin's own routes; their views answer 404 for huge ids (below).
    assert [route for route in unchecked if "admin" not in route and "accounts/2fa/" not in route] == []


@pytest.mark.parametrize("number", TOO_BIG)
def test_allauth_and_admin_id_urls_answer_404_for_huge_ids(client, volunteer, network_admin, number):
    client.force_login(volunteer)
    for path in ["webauthn/keys/{}/remove/", "webauthn/keys/{}/edit/"]:
        assert client.get("/de/accounts/2fa/" + path.format(number)).status_code == 404
    client.force_login(network_admin)
    assert client.get(f"/de/admin/accounts/user/{number}/change/").status_code == 404
