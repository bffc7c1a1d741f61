"""The pages of messaging through HTTP, as members use them (German pages)."""

import re

import pytest
from django.core import mail

from landnetz.messaging import queries
from landnetz.messaging.models import Conversation, Message, MessagingPreference, Participant
from landnetz.messaging.tests.helpers import allow, show_profile, write
from landnetz.moderation.models import Block
from tests.boundaries import MEGABYTE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = "/de/messages/"
NEW = "/de/messages/new/"


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_visitors_are_sent_to_the_login(client, direct):
    for url in [LIST, NEW, f"/de/messages/{direct.pk}/", "/de/messages/settings/", "/de/messages/blocked/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_empty_list_says_what_to_do_next(client, volunteer):
    client.force_login(volunteer)
    html = text(page(client.get(LIST)))
    assert "Sie haben noch keine Unterhaltungen" in html
    assert "/de/directory/" in page(client.get(LIST))


def test_the_counsellor_sees_the_unread_conversation_in_the_header_list_and_start_page(client, counsellor, direct):
    client.force_login(counsellor)
    home = page(client.get("/de/"))
    header = home.split("</header>")[0]
    assert re.search(
        r'href="/de/messages/"[^>]*>Nachrichten<span id="ln-messages-unread"[^>]*> <span class="ln-badge">1', header
    )
    assert 'hx-trigger="every 60s"' in header
    start = text(home)
    assert "Ihre Nachrichten" in start and "Olena Kovalenko" in start and "1 ungelesene Nachricht" in start
    listing = page(client.get(LIST))
    assert "ln-conversation--unread" in listing and "Добрий день!" in listing
    assert 'aria-current="page"' in listing.split("</header>")[0]


def test_opening_a_conversation_shows_it_oldest_first_and_marks_it_read(client, newcomer, counsellor, direct):
    client.force_login(newcomer)
    client.post(f"/de/messages/{direct.pk}/", {"body": "Zweite Nachricht", "body_language": "de"})
    client.force_login(counsellor)
    html = page(client.get(f"/de/messages/{direct.pk}/"))
    assert html.index("Добрий день!") < html.index("Zweite Nachricht")
    assert 'lang="uk"' in html  # the newcomer's interface language, recorded with her message
    assert "Neue Nachrichten" in html  # the line before the first unread message
    assert queries.unread_count(counsellor) == 0
    # The newcomer reads that her messages were read.
    client.force_login(newcomer)
    assert "Gelesen" in text(page(client.get(f"/de/messages/{direct.pk}/")))


def test_answering_redirects_to_the_new_message(client, counsellor, direct):
    client.force_login(counsellor)
    response = client.post(f"/de/messages/{direct.pk}/", {"body": "Guten Tag!\nIch rufe Sie an.", "body_language": ""})
    message = Message.objects.latest("id")
    assert response.status_code == 302 and response["Location"].endswith(
        f"/de/messages/{direct.pk}/#message-{message.pk}"
    )
    assert (message.body, message.body_language) == ("Guten Tag!\nIch rufe Sie an.", "")
    assert "Guten Tag!<br>Ich rufe Sie an." in page(client.get(f"/de/messages/{direct.pk}/"))


def test_a_megabyte_answer_is_refused_and_nothing_is_lost(client, counsellor, direct):
    client.force_login(counsellor)
    response = client.post(f"/de/messages/{direct.pk}/", {"body": MEGABYTE[:6000], "body_language": "de"})
    html = page(response)
    assert "Ihre Nachricht ist zu lang: 6000 Zeichen" in html
    assert "a" * 6000 in html  # what was typed is still in the box
    assert Message.objects.count() == 1


def test_links_are_links_and_html_is_text(client, counsellor, newcomer, direct):
    client.force_login(newcomer)
    body = "Siehe https://www.stendal.de/integration und <script>alert(1)</script> [x](javascript:alert(1))"
    client.post(f"/de/messages/{direct.pk}/", {"body": body})
    client.force_login(counsellor)
    html = page(client.get(f"/de/messages/{direct.pk}/"))
    assert '<a href="https://www.stendal.de/integration" dir="ltr" rel="noopener noreferrer nofollow">' in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_a_long_conversation_is_read_in_pages_of_fifty(client, newcomer, counsellor, direct):
    Message.objects.bulk_create(
        Message(conversation=direct, sender=newcomer, body=f"Nachricht Nummer {n:03d}.") for n in range(1, 121)
    )
    client.force_login(counsellor)
    newest = page(client.get(f"/de/messages/{direct.pk}/"))
    assert "Nachricht Nummer 120." in newest and "Nachricht Nummer 070." not in newest
    assert "Nachricht Nummer 071." in newest
    earlier = re.search(r'href="\?before=(\d+)"', newest).group(1)
    middle = page(client.get(f"/de/messages/{direct.pk}/?before={earlier}"))
    assert "Nachricht Nummer 021." in middle and "Nachricht Nummer 070." in middle and "Nummer 071." not in middle
    assert "Frühere Nachrichten" in middle and "Spätere Nachrichten" in middle
    later = re.search(r'href="\?after=(\d+)"', middle).group(1)
    assert "Nachricht Nummer 071." in page(client.get(f"/de/messages/{direct.pk}/?after={later}"))
    oldest_link = re.search(r'href="\?before=(\d+)"', middle).group(1)
    oldest = page(client.get(f"/de/messages/{direct.pk}/?before={oldest_link}"))
    assert "Добрий день!" in oldest and "Frühere Nachrichten" not in oldest


def test_a_new_conversation_with_the_picker_without_javascript(client, newcomer, counsellor):
    allow(counsellor)
    show_profile(counsellor)
    client.force_login(newcomer)
    typed = {"q": "Farida", "title": "", "body": "Добрий день! Я шукаю консультацію.", "body_language": "uk"}
    searched = page(client.post(NEW, {**typed, "action": "search"}))
    assert f'name="to" value="{counsellor.pk}"' in searched and "Farida Ahmadi" in searched
    assert "Я шукаю консультацію." in searched  # kept while searching
    assert not Conversation.objects.exists()
    response = client.post(NEW, {**typed, "to": [str(counsellor.pk)], "action": "send"})
    conversation = Conversation.objects.get()
    message = conversation.messages.get()
    assert response["Location"] == f"/de/messages/{conversation.pk}/#message-{message.pk}"
    assert (message.body, message.body_language) == ("Добрий день! Я шукаю консультацію.", "uk")


def test_to_prefills_the_recipient_and_writing_again_opens_the_conversation(client, newcomer, counsellor):
    allow(counsellor)
    show_profile(counsellor)
    client.force_login(newcomer)
    html = page(client.get(f"{NEW}?to={counsellor.pk}"))
    assert f'name="to" value="{counsellor.pk}" id="to-{counsellor.pk}" checked' in html
    client.post(NEW, {"to": [counsellor.pk], "body": "Hallo", "action": "send"})
    conversation = Conversation.objects.get()
    response = client.get(f"{NEW}?to={counsellor.pk}")
    assert response.status_code == 302 and response["Location"] == f"/de/messages/{conversation.pk}/"


def test_a_hidden_profile_cannot_be_chosen(client, newcomer, counsellor):
    allow(counsellor)
    show_profile(counsellor, "nobody")
    client.force_login(newcomer)
    assert f'value="{counsellor.pk}"' not in page(client.get(f"{NEW}?to={counsellor.pk}"))
    html = page(client.post(NEW, {"to": [counsellor.pk], "body": "Hallo", "action": "send"}))
    assert "Bitte wählen Sie Mitglieder aus der Liste." in html
    assert not Conversation.objects.exists()


def test_refused_recipients_are_named_and_what_was_typed_stays(client, newcomer, counsellor):
    show_profile(counsellor)  # default: only members of her region
    client.force_login(newcomer)
    html = page(client.post(NEW, {"to": [counsellor.pk], "body": "Добрий день", "action": "send"}))
    assert "Farida Ahmadi kann keine Nachrichten von Ihnen empfangen." in html
    assert "Добрий день" in html and not Conversation.objects.exists()


def test_a_group_conversation_with_a_title(client, coordinator, volunteer, room_owner):
    for user in (volunteer, room_owner):
        show_profile(user)
    client.force_login(coordinator)
    client.post(
        NEW,
        {
            "to": [volunteer.pk, room_owner.pk],
            "title": "Sprachcafé Planung",
            "body": "Wann passt es?",
            "action": "send",
        },
    )
    group = Conversation.objects.get()
    assert (group.kind, group.title, group.participants.count()) == ("group", "Sprachcafé Planung", 3)
    html = text(page(client.get(f"/de/messages/{group.pk}/")))
    assert "Sprachcafé Planung" in html and "3 Personen in dieser Unterhaltung" in html


def test_mute_and_unmute(client, counsellor, direct):
    client.force_login(counsellor)
    client.post(f"/de/messages/{direct.pk}/mute/", {"muted": "1"})
    assert Participant.objects.get(user=counsellor).muted
    assert "Stumm geschaltet" in text(page(client.get(f"/de/messages/{direct.pk}/")))
    client.post(f"/de/messages/{direct.pk}/mute/", {"muted": "0"})
    assert not Participant.objects.get(user=counsellor).muted
    client.post(f"/de/messages/{direct.pk}/mute/", {"muted": "yes"})
    assert not Participant.objects.get(user=counsellor).muted


def test_leave_a_group_after_confirming(client, coordinator, volunteer, room_owner):
    group, _message = write(coordinator, volunteer, room_owner, body="Hallo zusammen")
    client.force_login(room_owner)
    assert "Unterhaltung verlassen?" in page(client.get(f"/de/messages/{group.pk}/leave/"))
    assert Participant.objects.filter(user=room_owner).exists()
    client.post(f"/de/messages/{group.pk}/leave/")
    assert not Participant.objects.filter(user=room_owner).exists()
    assert client.get(f"/de/messages/{group.pk}/").status_code == 404
    client.force_login(volunteer)
    assert "Jens Kowalski hat die Unterhaltung verlassen." in text(page(client.get(f"/de/messages/{group.pk}/")))


def test_a_direct_conversation_offers_no_leaving(client, newcomer, direct):
    client.force_login(newcomer)
    assert client.get(f"/de/messages/{direct.pk}/leave/").status_code == 403
    assert client.post(f"/de/messages/{direct.pk}/leave/").status_code == 403
    assert client.get(f"/de/messages/{direct.pk}/add/").status_code == 403


def test_add_members_to_a_group(client, coordinator, volunteer, room_owner, newcomer):
    group, _message = write(coordinator, volunteer, room_owner, body="Hallo zusammen")
    allow(newcomer)
    show_profile(newcomer)
    client.force_login(volunteer)
    assert "Mitglieder hinzufügen" in page(client.get(f"/de/messages/{group.pk}/add/"))
    client.post(f"/de/messages/{group.pk}/add/", {"to": [newcomer.pk], "action": "add"})
    assert group.participants.filter(user=newcomer).exists()
    client.force_login(newcomer)
    html = text(page(client.get(f"/de/messages/{group.pk}/")))
    assert "Hallo zusammen" in html and "Olena Kovalenko ist der Unterhaltung beigetreten." in html


def test_delete_own_message_after_confirming(client, newcomer, counsellor, direct):
    message = direct.messages.get()
    client.force_login(counsellor)
    assert client.get(f"/de/messages/message/{message.pk}/delete/").status_code == 403
    client.force_login(newcomer)
    assert "Ihre Nachricht löschen?" in page(client.get(f"/de/messages/message/{message.pk}/delete/"))
    client.post(f"/de/messages/message/{message.pk}/delete/")
    message.refresh_from_db()
    assert message.is_deleted and message.body == ""
    client.force_login(counsellor)
    html = page(client.get(f"/de/messages/{direct.pk}/"))
    assert "Nachricht gelöscht" in html and "Добрий день" not in html
    assert client.get(f"/de/messages/message/{message.pk}/delete/").status_code == 403


def test_block_from_a_conversation_and_unblock(client, newcomer, counsellor, direct):
    client.force_login(counsellor)
    conversation_page = page(client.get(f"/de/messages/{direct.pk}/"))
    block_url = f"/de/messages/block/{newcomer.pk}/"
    assert block_url in conversation_page
    confirm = text(page(client.get(f"{block_url}?next=/de/messages/{direct.pk}/")))
    assert "Olena Kovalenko blockieren?" in confirm and "erfährt es nicht" in confirm
    assert not Block.objects.exists()
    response = client.post(block_url, {"next": f"/de/messages/{direct.pk}/"})
    assert response["Location"] == f"/de/messages/{direct.pk}/"
    assert Block.objects.filter(blocker=counsellor, blocked=newcomer).exists()
    # The newcomer reads the same sentence as for "nobody"; her form is gone.
    client.force_login(newcomer)
    html = text(page(client.get(f"/de/messages/{direct.pk}/")))
    assert "Dieses Mitglied kann keine Nachrichten von Ihnen empfangen." in html
    assert "Sie haben dieses Mitglied blockiert" not in html and "hat Sie blockiert" not in html
    assert client.post(f"/de/messages/{direct.pk}/", {"body": "Hallo?"}).status_code == 200
    assert direct.messages.count() == 1
    client.force_login(counsellor)
    blocked = page(client.get("/de/messages/blocked/"))
    assert "Olena Kovalenko" in blocked
    client.post("/de/messages/blocked/", {"member": newcomer.pk})
    assert not Block.objects.exists()
    client.post("/de/messages/blocked/", {"member": "9" * 30})
    client.post("/de/messages/blocked/", {"member": newcomer.pk})  # not blocked: a message, no error


def test_blocking_a_member_one_knows_nothing_of_is_404(client, newcomer, outsider):
    client.force_login(newcomer)
    assert client.get(f"/de/messages/block/{outsider.pk}/").status_code == 404
    assert client.post(f"/de/messages/block/{outsider.pk}/").status_code == 404
    assert client.post(f"/de/messages/block/{newcomer.pk}/").status_code == 404
    assert not Block.objects.exists()


def test_a_block_link_goes_back_only_to_this_site(client, newcomer, counsellor, direct):
    client.force_login(counsellor)
    response = client.post(f"/de/messages/block/{newcomer.pk}/", {"next": "https://evil.example/"})
    assert response["Location"] == "/de/messages/blocked/"


def test_who_may_write_to_me(client, volunteer):
    client.force_login(volunteer)
    html = page(client.get("/de/messages/settings/"))
    assert re.search(r'value="regions"[^>]*checked', html)  # the default
    client.post("/de/messages/settings/", {"allow_from": "nobody"})
    assert MessagingPreference.objects.get(user=volunteer).allow_from == "nobody"
    html = page(client.post("/de/messages/settings/", {"allow_from": "friends"}))
    assert "Bitte wählen Sie einen Eintrag aus der Liste." in html
    assert MessagingPreference.objects.get(user=volunteer).allow_from == "nobody"


def test_the_header_fragment(client, counsellor, direct):
    assert client.get("/de/messages/unread/").status_code == 286  # logged out: htmx stops polling
    client.force_login(counsellor)
    html = page(client.get("/de/messages/unread/"))
    assert html.startswith('<span id="ln-messages-unread"') and '<span class="ln-badge">1' in html
    Participant.objects.filter(user=counsellor).update(unread_since=None, unread_count=0)
    assert "ln-badge" not in page(client.get("/de/messages/unread/"))


def test_the_poll_is_not_activity_for_the_idle_logout(client, counsellor, settings):
    from landnetz.accounts.middleware import IDLE_KEY

    client.force_login(counsellor)
    client.get(LIST)
    session = client.session
    session[IDLE_KEY] -= 600
    session.save()
    seen = client.session[IDLE_KEY]
    client.get("/de/messages/unread/", headers={"HX-Request": "true", "Landnetz-Background": "1"})
    assert client.session[IDLE_KEY] == seen
    client.get(LIST)
    assert client.session[IDLE_KEY] > seen
    # After the idle time the poll logs out like any other request, and the polling stops.
    session = client.session
    session[IDLE_KEY] -= settings.LANDNETZ_SESSION_IDLE_SECONDS + 60
    session.save()
    assert client.get("/de/messages/unread/", headers={"Landnetz-Background": "1"}).status_code == 286


def test_no_email_while_writing(client, newcomer, counsellor, direct):
    """The e-mail about unread messages comes later (tests/test_unread_mail.py), never at once."""
    client.force_login(newcomer)
    client.post(f"/de/messages/{direct.pk}/", {"body": "Noch etwas"})
    assert not mail.outbox


def test_a_member_who_erased_their_account_is_a_former_member(client, newcomer, counsellor, direct):
    from landnetz.privacy.services import erase_member

    services_reply = direct.messages.get()
    erase_member(actor=newcomer, user=newcomer)
    client.force_login(counsellor)
    html = text(page(client.get(f"/de/messages/{direct.pk}/")))
    assert "Ein ehemaliges Mitglied" in html and "Добрий день" not in html
    assert "hat Landnetz verlassen" in html  # no answer form
    assert Message.objects.get(pk=services_reply.pk).sender_id is None


def test_writing_to_many_at_once_respects_the_limit(client, coordinator):
    members = [UserFactory(display_name=f"Gruppe {n}") for n in range(20)]
    for member in members:
        allow(member)
        show_profile(member)
    client.force_login(coordinator)
    html = page(client.post(NEW, {"to": [m.pk for m in members], "body": "Hallo", "action": "send"}))
    assert "höchstens 20 Personen" in html and not Conversation.objects.exists()
