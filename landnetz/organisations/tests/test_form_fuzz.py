"""Any input to the organisation form: saved exactly as typed (after the fields' documented
normalisation), or refused with the form shown again and nothing created."""

from decimal import Decimal

import pytest
from django import forms
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from landnetz.core.validators import ascii_digits
from landnetz.organisations.models import Membership, Organisation, OrganisationLanguage
from tests.boundaries import IDS, TEXTS, boundary_cases, examples, plain, snapshot
from tests.html import parse

pytestmark = pytest.mark.django_db

URL = "/de/organisations/new/"
STENDAL = "@stendal"  # the municipality's id, known only at run time
TEXT_FIELDS = ["name", "description", "street", "postcode", "opening_hours", "website", "email", "phone"]
FIELDS = [*TEXT_FIELDS, "kind", "sector", "municipality", "latitude", "longitude", "visibility"]
VALID = {
    "name": "Tafel Stendal",
    "kind": "club",
    "sector": "civil_society",
    "description": "Wir verteilen **Lebensmittel**.",
    "street": "Bahnhofstraße 1",
    "postcode": "39576",
    "municipality": STENDAL,
    "latitude": "",
    "longitude": "",
    "opening_hours": "Mo–Fr 9–12 Uhr",
    "website": "https://tafel-stendal.example",
    "email": "info@tafel-stendal.example",
    "phone": "+49 (3931) 12-34/5",
    "visibility": "public",
}
COORDINATES = ["52,6061", " 52.6 ", "٥٢٫٦", "NaN", "1e999", "-1", "0", "91"]

text = st.text(max_size=200)
field_values = st.one_of(
    text,
    st.integers().map(str),
    st.sampled_from(["", "52,5", "11.5", "NaN", "1e999", STENDAL, "club", "civil_society", "public"]),
)


def tables():
    from landnetz.core.models import AuditEntry
    from landnetz.search.models import SearchEntry

    return (Organisation, Membership, OrganisationLanguage, Organisation.topics.through, SearchEntry, AuditEntry)


def coordinate(typed: str) -> Decimal:
    """The form's documented reading of a coordinate: "52,6" is 52.6, six decimal places."""
    return Decimal(typed.strip().replace(",", ".").replace(" ", "")).quantize(Decimal("0.000001"))


def post(client, stendal, data: dict, topics=(), languages=()):
    payload = {key: str(stendal.pk) if value == STENDAL else value for key, value in data.items()}
    payload |= {"topics": list(topics), "languages": list(languages)}
    return payload, client.post(URL, payload)


def check(response, payload: dict, before: dict, volunteer) -> None:
    """Accepted: one organisation holding exactly what was sent. Refused: nothing changed."""
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:
        organisation = Organisation.objects.exclude(pk__in=[row[0] for row in before["organisations.Organisation"]])
        organisation = organisation.select_related("municipality").get()
        for name in ("name", "description", "street", "opening_hours", "email"):
            assert getattr(organisation, name) == payload.get(name, "").strip(), name
            assert plain(getattr(organisation, name)), name
        assert organisation.postcode == ascii_digits(payload.get("postcode", "").strip())
        assert organisation.phone == ascii_digits(payload.get("phone", "").strip())
        website = forms.URLField(required=False, assume_scheme="https").clean(payload.get("website", ""))
        assert organisation.website == website
        for name in ("kind", "sector", "visibility"):
            assert getattr(organisation, name) == payload[name], name
        assert str(organisation.municipality_id) == payload["municipality"]
        if payload.get("latitude", "").strip():
            position = (coordinate(payload["latitude"]), coordinate(payload["longitude"]))
        else:  # no coordinates typed: the centre of the municipality
            position = (organisation.municipality.latitude, organisation.municipality.longitude)
        assert (organisation.latitude, organisation.longitude) == position
        assert sorted(str(pk) for pk in organisation.topics.values_list("pk", flat=True)) == sorted(
            set(payload["topics"])
        )
        assert sorted(organisation.languages.values_list("code", flat=True)) == sorted(set(payload["languages"]))
        admins = Membership.objects.filter(organisation=organisation, role="admin", status="active")
        assert [membership.user_id for membership in admins] == [volunteer.pk]
        organisation.delete()  # the next example starts from the same data
        return
    assert response.status_code == 200
    assert snapshot(*tables()) == before
    form = response.context["form"]
    assert form.errors, "refused without saying why"
    document = parse(response.content)
    assert document.find_all(class_="ln-error-summary")
    for name in ("name", "street", "postcode", "website", "email", "phone", "latitude", "longitude"):
        assert (document.find("input", name=name).get("value") or "") == payload.get(name, ""), name
    for name in ("description", "opening_hours"):
        assert document.find("textarea", name=name).raw_text().removeprefix("\n") == payload.get(name, ""), name


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.fixed_dictionaries({}, optional={name: field_values for name in FIELDS}),
    topics=st.lists(field_values, max_size=3),
    languages=st.lists(st.one_of(text, st.sampled_from(["de", "ar", "xx"])), max_size=3),
)
@examples(
    [
        {"data": VALID, "topics": [], "languages": ["de", "ar"]},
        # Found by hypothesis on main (issue #14): an id beyond 64 bits was an OverflowError (500).
        {"data": VALID, "topics": ["9223372036854775808"], "languages": []},
    ]
    + boundary_cases({"data": VALID, "topics": [], "languages": []}, topics=[[value] for value in IDS if value])
    + boundary_cases({"data": VALID, "topics": [], "languages": []}, languages=[[value] for value in TEXTS])
    + [
        {"data": VALID | {name: value}, "topics": [], "languages": []}
        for name in TEXT_FIELDS
        for value in TEXTS
        if value or name == "name"  # the others may be empty
    ]
    + [{"data": VALID | {"municipality": value}, "topics": [], "languages": []} for value in IDS]
    + [{"data": VALID | {"kind": value}, "topics": [], "languages": []} for value in TEXTS]
)
def test_any_input_creates_exactly_the_organisation_or_nothing(client, volunteer, stendal, data, topics, languages):
    client.force_login(volunteer)
    before = snapshot(*tables())
    payload, response = post(client, stendal, data, topics, languages)
    check(response, payload, before, volunteer)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=text, latitude=field_values, longitude=field_values)
@examples(
    boundary_cases({"name": "Tafel Stendal", "latitude": "52.6", "longitude": "11.86"}, name=TEXTS)
    + [{"name": "Tafel", "latitude": value, "longitude": "11.86"} for value in TEXTS + COORDINATES]
    + [{"name": "Tafel", "latitude": "52.6", "longitude": value} for value in TEXTS + COORDINATES]
)
def test_valid_looking_posts_keep_name_and_position_exactly(client, volunteer, stendal, name, latitude, longitude):
    client.force_login(volunteer)
    before = snapshot(*tables())
    payload, response = post(client, stendal, VALID | {"name": name, "latitude": latitude, "longitude": longitude})
    check(response, payload, before, volunteer)
