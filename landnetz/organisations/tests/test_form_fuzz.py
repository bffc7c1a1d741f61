"""Any input to the organisation form: never a server error, never a half-created row."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from landnetz.organisations.models import Membership, Organisation

pytestmark = pytest.mark.django_db

text = st.text(max_size=200)
field_values = st.one_of(text, st.integers().map(str), st.sampled_from(["", "52,5", "11.5", "NaN", "1e999"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            name: field_values
            for name in [
                "name",
                "kind",
                "sector",
                "description",
                "street",
                "postcode",
                "municipality",
                "latitude",
                "longitude",
                "opening_hours",
                "website",
                "email",
                "phone",
                "visibility",
            ]
        },  # fmt: skip
    ),
    topics=st.lists(field_values, max_size=3),
    languages=st.lists(st.one_of(text, st.sampled_from(["de", "ar", "xx"])), max_size=3),
)
def test_form_never_fails_and_invalid_input_creates_nothing(client, volunteer, data, topics, languages):
    client.force_login(volunteer)
    before = Organisation.objects.count()
    # Null characters cannot travel in a form post; the browser never sends them.
    payload = {key: value.replace("\x00", "") for key, value in data.items()}
    payload["topics"] = [value.replace("\x00", "") for value in topics]
    payload["languages"] = [value.replace("\x00", "") for value in languages]
    response = client.post("/de/organisations/new/", payload)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Organisation.objects.count() == before
        assert response.context["form"].errors
    else:
        organisation = Organisation.objects.latest("pk")
        assert Membership.objects.filter(organisation=organisation, role="admin").count() == 1


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=text, latitude=field_values, longitude=field_values)
def test_valid_looking_posts_never_fail(client, volunteer, stendal, name, latitude, longitude):
    from landnetz.organisations.tests.helpers import valid_post

    client.force_login(volunteer)
    payload = valid_post(stendal, name=name.replace("\x00", ""), latitude=latitude, longitude=longitude)
    response = client.post("/de/organisations/new/", payload)
    assert response.status_code in (200, 302)
