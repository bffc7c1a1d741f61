"""Any input to the forms of messaging: stored exactly as typed (the message with its outer
blank space removed), or refused with the form shown again, what was typed still in it,
and no row changed."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from landnetz.messaging.models import Conversation, Message, MessagingPreference, Participant
from landnetz.messaging.tests.helpers import allow, show_profile, write
from landnetz.moderation.models import Block
from landnetz.moderation.services import block_member
from tests.boundaries import IDS, MEGABYTE, TEXTS, boundary_cases, examples, plain, snapshot
from tests.html import parse

pytestmark = pytest.mark.django_db

text = st.text(max_size=300)
LANGUAGES = ["", "de", "uk", "ar", "prs", "xx", "gsg"]
languages = st.one_of(st.sampled_from(LANGUAGES), text)
WRITTEN = {"de", "uk", "ar", "prs"}


def tables() -> dict:
    return snapshot(Conversation, Participant, Message, MessagingPreference, Block)


def textarea(response, name: str = "body") -> str:
    return parse(response.content).find("textarea", name=name).raw_text().removeprefix("\n")


def accepted_body(body: str) -> bool:
    stripped = body.strip()
    return bool(stripped) and len(stripped) <= 5000 and plain(stripped)


# --- The answer in a conversation ------------------------------------------------------------------


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=text, language=languages)
@examples(
    [{"body": "Добрий день!\n\nДякую.", "language": "uk"}, {"body": MEGABYTE[:5001], "language": "de"}]
    + boundary_cases({"body": "Hallo", "language": "de"}, body=TEXTS, language=TEXTS)
)
def test_any_answer_is_stored_exactly_or_not_at_all(client, newcomer, direct, body, language):
    cache.clear()  # rate limits: every example starts fresh
    client.force_login(newcomer)
    before = tables()
    newest = Message.objects.order_by("-id").values_list("pk", flat=True).first()
    response = client.post(f"/de/messages/{direct.pk}/", {"body": body, "body_language": language})
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:
        assert accepted_body(body) and language in WRITTEN | {""}
        message = Message.objects.get(pk__gt=newest)
        assert (message.body, message.body_language, message.sender_id) == (body.strip(), language, newcomer.pk)
        return
    assert response.status_code == 200
    assert tables() == before
    assert response.context["form"].errors
    if len(body) <= 100_000:
        assert textarea(response) == body.replace("\r\n", "\n") or textarea(response) == body


# --- A new conversation --------------------------------------------------------------------------------


@pytest.fixture
def people(counsellor, volunteer, room_owner):
    for user in (counsellor, volunteer, room_owner):
        allow(user)
        show_profile(user)
    block_member(actor=room_owner, member=volunteer)
    return {"@counsellor": counsellor, "@volunteer": volunteer, "@room_owner": room_owner}


recipient = st.one_of(
    st.sampled_from(["@counsellor", "@volunteer", "@room_owner", "@self"]), text, st.sampled_from(IDS)
)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    to=st.lists(recipient, max_size=4),
    title=text,
    body=text,
    language=languages,
    action=st.sampled_from(["send", "search", "", "delete"]),
)
@examples(
    [
        {"to": ["@counsellor"], "title": "", "body": "Добрий день", "language": "uk", "action": "send"},
        {"to": ["@counsellor", "@volunteer"], "title": "Sprachcafé", "body": "Hallo", "language": "", "action": "send"},
        # The room owner blocked the volunteer: the two cannot be put into one conversation.
        {"to": ["@room_owner", "@volunteer"], "title": "", "body": "Hallo", "language": "de", "action": "send"},
        {"to": ["@counsellor"], "title": "", "body": "Hallo", "language": "de", "action": "search"},
    ]
    + boundary_cases(
        {"to": ["@counsellor"], "title": "", "body": "Hallo", "language": "de", "action": "send"},
        to=[[value] for value in IDS] + [[value] for value in TEXTS],
        title=TEXTS,
        body=TEXTS,
    )
)
def test_a_new_conversation_holds_exactly_what_was_typed_or_nothing_is_stored(
    client, newcomer, people, to, title, body, language, action
):
    cache.clear()
    client.force_login(newcomer)
    ids = [
        str(people[value].pk) if value in people else str(newcomer.pk) if value == "@self" else value for value in to
    ]
    before = tables()
    newest = Message.objects.order_by("-id").values_list("pk", flat=True).first() or 0
    response = client.post(
        "/de/messages/new/", {"to": ids, "title": title, "body": body, "body_language": language, "action": action}
    )
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:
        assert action != "search" and accepted_body(body)
        message = Message.objects.select_related("conversation").get(pk__gt=newest)
        assert (message.body, message.body_language) == (body.strip(), language)
        others = {int(pk) for pk in ids} - {newcomer.pk}
        members = set(message.conversation.participants.values_list("user_id", flat=True))
        assert members == others | {newcomer.pk}
        if message.conversation.kind == "group":
            assert message.conversation.title == title.strip()
        assert people["@room_owner"].pk not in members or people["@volunteer"].pk not in members
        return
    assert response.status_code == 200
    assert tables() == before
    if len(body) <= 100_000:
        assert textarea(response) in (body, body.replace("\r\n", "\n"))
    if action != "search":
        assert response.context["form"].errors


# --- Settings, unblock, mute, block, add -----------------------------------------------------------------


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.one_of(st.sampled_from(["everyone", "regions", "nobody"]), text))
@examples([{"choice": value} for value in TEXTS])
def test_who_may_write_to_me_takes_one_of_the_three_or_nothing(client, volunteer, choice):
    client.force_login(volunteer)
    before = tables()
    response = client.post("/de/messages/settings/", {"allow_from": choice})
    if choice in {"everyone", "regions", "nobody"}:
        assert response.status_code == 302
        assert MessagingPreference.objects.get(user=volunteer).allow_from == choice
        MessagingPreference.objects.filter(user=volunteer).delete()
    else:
        assert response.status_code == 200 and response.context["form"].errors
        assert tables() == before


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(member=st.one_of(st.sampled_from(["@blocked", "@other"]), text, st.sampled_from(IDS)))
@examples([{"member": value} for value in IDS + TEXTS + ["@blocked"]])
def test_unblock_takes_only_a_member_one_blocked(client, newcomer, volunteer, outsider, member):
    Block.objects.all().delete()
    block_member(actor=newcomer, member=volunteer)
    other = Block.objects.create(blocker=outsider, blocked=volunteer)
    client.force_login(newcomer)
    value = {"@blocked": str(volunteer.pk), "@other": str(outsider.pk)}.get(member, member)
    response = client.post("/de/messages/blocked/", {"member": value})
    assert response.status_code == 302
    assert Block.objects.filter(pk=other.pk).exists()
    assert Block.objects.filter(blocker=newcomer).exists() == (member != "@blocked")


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(muted=st.one_of(st.sampled_from(["1", "0"]), text))
@examples([{"muted": value} for value in TEXTS])
def test_mute_takes_only_yes_or_no(client, counsellor, direct, muted):
    client.force_login(counsellor)
    Participant.objects.filter(user=counsellor).update(muted=False)
    response = client.post(f"/de/messages/{direct.pk}/mute/", {"muted": muted})
    assert response.status_code == 302
    assert Participant.objects.get(user=counsellor).muted == (muted == "1")


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.one_of(text, st.sampled_from(["/de/messages/", "//evil.example/", "https://evil.example/x"])))
@examples([{"target": value} for value in TEXTS])
def test_after_blocking_the_way_back_stays_on_this_site(client, newcomer, counsellor, direct, target):
    Block.objects.all().delete()
    client.force_login(counsellor)
    response = client.post(f"/de/messages/block/{newcomer.pk}/", {"next": target})
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith("//")
    assert Block.objects.filter(blocker=counsellor, blocked=newcomer).exists()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    to=st.lists(st.one_of(st.sampled_from(["@room_owner", "@member", "@self"]), text, st.sampled_from(IDS)), max_size=3)
)
@examples([{"to": [value]} for value in IDS + TEXTS + ["@room_owner", "@member"]])
def test_adding_members_adds_exactly_them_or_nobody(client, coordinator, volunteer, newcomer, room_owner, to):
    cache.clear()
    group = Conversation.objects.filter(kind="group").first()
    if group is None:
        group, _message = write(coordinator, volunteer, newcomer, body="Sprachcafé Planung")
        allow(room_owner)
        show_profile(room_owner)
    Participant.objects.filter(conversation=group, user=room_owner).delete()
    client.force_login(volunteer)
    named = {"@room_owner": room_owner.pk, "@member": newcomer.pk, "@self": volunteer.pk}
    ids = [str(named.get(value, value)) for value in to]
    before = tables()
    response = client.post(f"/de/messages/{group.pk}/add/", {"to": ids, "action": "add"})
    if response.status_code == 302:
        assert str(room_owner.pk) in ids
        assert group.participants.filter(user=room_owner).exists()
        return
    assert response.status_code == 200 and response.context["form"].errors
    assert tables() == before
