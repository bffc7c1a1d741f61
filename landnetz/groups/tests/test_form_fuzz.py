"""Any input to the group forms: saved exactly as typed (after the fields' documented
normalisation), or refused with the form shown again, what was typed still in it, and
nothing changed. The list filter answers every query string without an error."""

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from landnetz.groups.models import Group, GroupInvitation, GroupMembership
from tests.boundaries import IDS, TEXTS, boundary_cases, examples, plain, snapshot
from tests.html import parse

pytestmark = pytest.mark.django_db

URL = "/de/groups/new/"
STENDAL = "@stendal"  # the region's id, known only at run time
VALID = {
    "name": "Netzwerk Integration Altmark",
    "kind": "closed",
    "description": "Wir treffen uns **monatlich**.",
    "description_language": "de",
    "region": STENDAL,
}
FIELDS = list(VALID)

text = st.text(max_size=200)
field_values = st.one_of(
    text,
    st.integers().map(str),
    st.sampled_from(["", "open", "closed", "secret", "public", "de", "ar", "xx", STENDAL, *IDS]),
)


def tables():
    from landnetz.core.models import AuditEntry
    from landnetz.search.models import SearchEntry

    return (Group, GroupMembership, GroupInvitation, SearchEntry, AuditEntry)


@pytest.fixture(autouse=True)
def _no_creation_limit(settings):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "group_create": ""}


def payload_of(data: dict, regions) -> dict:
    return {key: str(regions["stendal"].pk) if value == STENDAL else value for key, value in data.items()}


def check(response, payload: dict, before: dict, user) -> None:
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:
        group = Group.objects.exclude(pk__in=[row[0] for row in before["groups.Group"]]).get()
        assert group.name == payload["name"].strip()
        assert plain(group.name)
        assert group.description == payload.get("description", "").strip()
        assert group.kind == payload["kind"]
        assert group.description_language == (payload.get("description_language") or "de")
        assert str(group.region_id or "") == payload.get("region", "")
        assert list(GroupMembership.objects.filter(group=group).values_list("user_id", "role")) == [(user.pk, "admin")]
        group.delete()  # the next example starts from the same data
        return
    assert response.status_code == 200
    assert snapshot(*tables()) == before
    form = response.context["form"]
    assert form.errors, "refused without saying why"
    document = parse(response.content)
    assert document.find_all(class_="ln-error-summary")
    assert (document.find("input", id="id_name").get("value") or "") == payload.get("name", "")
    assert document.find("textarea", name="description").raw_text().removeprefix("\n") == payload.get("description", "")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.fixed_dictionaries({}, optional={name: field_values for name in FIELDS}))
@examples(
    [{"data": VALID}, {"data": VALID | {"kind": "secret", "region": ""}}]
    + boundary_cases({"data": VALID}, data=[VALID | {"name": value} for value in TEXTS])
    + boundary_cases({"data": VALID}, data=[VALID | {"description": value} for value in TEXTS])
    + boundary_cases({"data": VALID}, data=[VALID | {"region": value} for value in IDS])
    + [{"data": VALID | {"kind": "public"}}, {"data": VALID | {"description_language": "xx"}}]
)
def test_any_input_creates_exactly_the_group_or_nothing(client, volunteer, regions, data):
    client.force_login(volunteer)
    before = snapshot(*tables())
    payload = payload_of(data, regions)
    check(client.post(URL, payload), payload, before, volunteer)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(email=st.one_of(text, st.emails().map(str)), role=st.one_of(text, st.sampled_from(["member", "admin"])))
@examples(
    [{"email": "neu@example.org", "role": "member"}, {"email": "Neu@Example.org ", "role": "admin"}]
    + [{"email": value, "role": "member"} for value in TEXTS]
    + [{"email": "neu@example.org", "role": value} for value in TEXTS]
)
def test_any_invitation_is_stored_as_typed_or_refused(client, closed_group, coordinator, email, role):
    client.force_login(coordinator)
    GroupInvitation.objects.all().delete()
    before = snapshot(*tables())
    response = client.post(
        f"/de/groups/{closed_group.slug}/members/", {"action": "invite", "email": email, "role": role}
    )
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:
        invitation = GroupInvitation.objects.get()
        assert invitation.email == email.strip().lower()
        assert invitation.role == role
        return
    assert response.status_code == 200
    assert snapshot(*tables()) == before
    assert response.context["invite_form"].errors
    assert (parse(response.content).find("input", id="id_email").get("value") or "") == email


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.fixed_dictionaries(
        {}, optional={"q": field_values, "region": field_values, "mine": field_values, "page": field_values}
    )
)
@examples([{"query": {"q": value}} for value in TEXTS] + [{"query": {"page": value}} for value in IDS])
def test_any_list_filter_answers(client, open_group, outsider, query):
    client.force_login(outsider)
    response = client.get("/de/groups/", query)
    assert response.status_code == 200


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(action=field_values, membership=field_values, invitation=field_values)
@examples([{"action": "remove", "membership": value, "invitation": ""} for value in IDS])
def test_any_member_action_changes_nothing_it_should_not(client, open_group, volunteer, action, membership, invitation):
    client.force_login(volunteer)
    before = snapshot(Group, GroupMembership, GroupInvitation)
    response = client.post(
        f"/de/groups/{open_group.slug}/members/", {"action": action, "membership": membership, "invitation": invitation}
    )
    assert response.status_code in (200, 302)
    # The only admin is never removed or demoted, whatever is sent.
    assert GroupMembership.objects.filter(group=open_group, user=volunteer, role="admin").exists()
    if action not in {"remove", "make_admin", "make_member", "hand_over", "revoke", "approve", "decline", "invite"}:
        assert snapshot(Group, GroupMembership, GroupInvitation) == before


def test_edit_keeps_what_was_typed_on_error(client, closed_group, coordinator):
    client.force_login(coordinator)
    before = snapshot(*tables())
    response = client.post(
        f"/de/groups/{closed_group.slug}/edit/", {"name": "Neu\u202e", "kind": "closed", "description": "Text bleibt"}
    )
    assert response.status_code == 200
    assert snapshot(*tables()) == before
    document = parse(response.content)
    assert document.find("input", id="id_name").get("value") == "Neu\u202e"
    assert document.find("textarea", name="description").raw_text().strip() == "Text bleibt"
