"""Messages in the browser: the newcomer (Ukrainian interface, a 360 px phone) writes to the
counsellor in Ukrainian; the counsellor (German) sees the unread count appear in the header
without reloading, opens the conversation and answers. Then every messaging page in German
and Arabic, with axe-core on each."""

import re

import pytest
from playwright.sync_api import expect

from landnetz.accounts.queries import profile_of
from landnetz.messaging import services
from landnetz.messaging.models import Conversation, Message, MessagingPreference
from landnetz.moderation.services import block_member, report
from tests.e2e.helpers import log_in, submit, visit
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

QUESTION = "Добрий день! Я отримала лист від Ausländerbehörde. Чи можете ви мені допомогти?"
ANSWER = "Guten Tag, Frau Kovalenko! Gern. Ich rufe Sie am Donnerstag um 10 Uhr an."


def _open_to_everyone(user, visibility: str = "public") -> None:
    MessagingPreference.objects.create(user=user, allow_from="everyone")
    profile = profile_of(user)
    profile.visibility = visibility
    profile.save()
    from landnetz.core import hooks

    hooks.stale(profiles=[profile])


def test_the_newcomer_writes_to_the_counsellor_in_ukrainian_and_gets_an_answer(new_context, newcomer, counsellor):
    _open_to_everyone(counsellor)

    # The counsellor is logged in at her desk; the page polls the header's number every minute.
    desk = new_context(locale="de-DE").new_page()
    desk.clock.install()
    log_in(desk, "de", counsellor.email, TEST_PASSWORD)
    visit(desk, "/de/messages/")
    assert desk.locator("header #ln-messages-unread .ln-badge").count() == 0

    # The newcomer on her phone, in Ukrainian.
    phone = new_context(locale="uk-UA", viewport={"width": 360, "height": 740}).new_page()
    log_in(phone, "uk", newcomer.email, TEST_PASSWORD)
    visit(phone, "/uk/messages/")
    submit(phone, "main a[href='/uk/messages/new/']")
    phone.fill("main [name=q]", "Farida")
    submit(phone, "main button[name=action][value=search]")
    phone.get_by_label(re.compile("Farida Ahmadi")).check()
    phone.fill("main [name=body]", QUESTION)
    assert phone.locator("main [name=body_language]").input_value() == "uk"  # her interface language
    submit(phone, "main button[name=action][value=send]")
    conversation = Conversation.objects.get()
    assert phone.url.endswith(f"/uk/messages/{conversation.pk}/#message-{Message.objects.get().pk}")
    assert QUESTION in phone.locator("main .ln-thread").inner_text()
    assert phone.locator("main").evaluate("main => main.scrollWidth <= main.clientWidth + 1")  # no sideways scrolling

    # A minute later the counsellor's header shows it, without reloading the page.
    desk.clock.fast_forward(61_000)
    badge = desk.locator("header #ln-messages-unread .ln-badge")
    expect(badge).to_have_text(re.compile(r"^1"))
    submit(desk, "header a[href='/de/messages/']")
    item = desk.locator("main .ln-conversation--unread")
    assert "Olena Kovalenko" in item.inner_text()
    submit(desk, item.locator("a.ln-conversation__link"))
    message = desk.locator(f"#message-{Message.objects.get().pk} .ln-thread__body")
    assert message.get_attribute("lang") == "uk" and message.inner_text().strip() == QUESTION
    assert desk.locator("header #ln-messages-unread .ln-badge").count() == 0  # read now
    desk.fill("main [name=body]", ANSWER)
    desk.click("main form details summary")  # "Language of the message" is folded away
    desk.select_option("main [name=body_language]", "de")
    submit(desk, f"main form[action$='/messages/{conversation.pk}/'] button[type=submit]")
    assert ANSWER in desk.locator("main .ln-thread").inner_text()

    # The newcomer reads the answer; her own message is marked as read.
    visit(phone, f"/uk/messages/{conversation.pk}/")
    thread = phone.locator("main .ln-thread").inner_text()
    assert ANSWER in thread and "Прочитано" in thread
    answer = Message.objects.get(body=ANSWER)
    assert answer.body_language == "de" and answer.sender == counsellor


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_every_messaging_page_passes_axe(new_context, lang, volunteer, newcomer, room_owner, coordinator):
    """The volunteer's pages: list, a direct and a group conversation, a new message with
    search results and with an error, settings, blocked members, the confirmations; the
    coordinator's reported message."""
    for user in (newcomer, room_owner):
        _open_to_everyone(user, "members")
    direct, first = services.start_conversation(actor=volunteer, recipients=[newcomer], body="Hallo Olena!")
    services.post_message(
        actor=newcomer, conversation=direct, body="Привіт! https://www.tangerhuette.de", body_language="uk"
    )
    group, _message = services.start_conversation(
        actor=volunteer, recipients=[newcomer, room_owner], body="Sprachcafé am Donnerstag?", title="Sprachcafé Planung"
    )
    services.post_message(actor=newcomer, conversation=group, body="مرحبًا بالجميع", body_language="ar")
    block_member(actor=volunteer, member=UserFactory(display_name="Blockiertes Mitglied"))
    reported = services.post_message(actor=room_owner, conversation=group, body="Werbung!")
    report(reporter=volunteer, kind="messaging.message", object_id=reported.pk, reason="spam")

    page = new_context(locale=lang).new_page()
    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    for url in [
        f"/{lang}/messages/",
        f"/{lang}/messages/{direct.pk}/",
        f"/{lang}/messages/{group.pk}/",
        f"/{lang}/messages/new/?to={room_owner.pk}",
        f"/{lang}/messages/settings/",
        f"/{lang}/messages/blocked/",
        f"/{lang}/messages/block/{newcomer.pk}/",
        f"/{lang}/messages/{group.pk}/leave/",
        f"/{lang}/messages/{group.pk}/add/",
        f"/{lang}/messages/message/{first.pk}/delete/",
        f"/{lang}/",
    ]:
        visit(page, url)
    # The picker with results, then the form with an error (no message written).
    visit(page, f"/{lang}/messages/new/")
    page.fill("main [name=q]", "Jens")
    submit(page, "main button[name=action][value=search]")
    page.locator(f"main input[name=to][value='{room_owner.pk}']").check()
    submit(page, "main button[name=action][value=send]")
    assert page.locator("main .ln-error-summary").is_visible()
    # The coordinator moderates Stendal: the reported message, alone.
    moderator = new_context(locale=lang).new_page()
    log_in(moderator, lang, coordinator.email, TEST_PASSWORD)
    visit(moderator, f"/{lang}/messages/message/{reported.pk}/")
    assert "Werbung!" in moderator.locator("main").inner_text()
