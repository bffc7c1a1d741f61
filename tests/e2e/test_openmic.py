"""The OpenMIC as the personas use it (#9, "Done when"): the volunteer (German, large text,
keyboard only) asks about a paediatrician who speaks Arabic, for Landkreis Stendal; the
counsellor, whose profile fits, is told, and answers in the Arabic interface; the volunteer
gets the e-mail, follows its link and marks the answer as the one that helped. axe-core
runs on every page (visit/submit/press call check_page)."""

from urllib.parse import urlparse

import pytest
from django.conf import settings
from playwright.sync_api import Locator, Page

from landnetz.accounts.models import Profile, ProfileLanguage
from landnetz.asks.models import Answer, Question
from landnetz.core.models import Topic
from tests.e2e.helpers import (
    assert_mail_language,
    check_page,
    link_in,
    log_in,
    outbox_size,
    submit,
    visit,
    wait_for_mail,
)
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

QUESTION = "Wo findet eine syrische Familie in Tangerhütte eine Kinderärztin, die Arabisch spricht?"
ANSWER = "عيادة الدكتورة حداد في ستندال تتحدث العربية. الهاتف في موقعها."


def press(page: Page, target: Locator, key: str = "Enter"):
    """Focus ``target`` and press a key that navigates (the keyboard instead of the mouse)."""
    target.focus()
    with page.expect_navigation() as navigation:
        page.keyboard.press(key)
    response = navigation.value
    assert response is not None and response.status < 400, f"{page.url} answered {response and response.status}"
    check_page(page)


def tick(page: Page, target: Locator) -> None:
    """Tick a checkbox with the space bar."""
    target.focus()
    page.keyboard.press("Space")
    assert target.is_checked()


@pytest.fixture
def fitting_counsellor(counsellor):
    """Farida Ahmadi (Naumburg): health and counselling, speaks Dari, Farsi, Arabic; shown to members."""
    counsellor.preferred_language = "ar"
    counsellor.save(update_fields=["preferred_language"])
    profile = Profile.objects.create(user=counsellor, visibility="public", job_title="Migrationsberaterin")
    profile.topics.set(Topic.objects.filter(slug__in=["gesundheit", "beratung"]))
    for code in ("prs", "fa", "ar", "de"):
        ProfileLanguage.objects.create(profile=profile, code=code, level="fluent")
    return counsellor


def test_volunteer_asks_the_counsellor_answers_in_arabic_and_it_helped(
    page, new_context, volunteer, fitting_counsellor
):
    # --- The volunteer asks, with the keyboard, in German, with large text. --------------
    log_in(page, "de", volunteer.email, TEST_PASSWORD)
    visit(page, "/de/openmic/")
    assert "ln-large-text" in (page.locator("html").get_attribute("class") or "")
    assert "Noch hat niemand eine Frage gestellt" in page.locator("main").inner_text()
    press(page, page.locator("main a[href='/de/openmic/ask/']").first)
    page.locator("[name=title]").focus()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Tab")
    page.keyboard.type("Die Familie wohnt seit Mai in Tangerhütte. Das Kind ist zwei Jahre alt.")
    assert page.locator("[name=region]").input_value() == "stendal"  # her own region, chosen for her
    health = Topic.objects.get(slug="gesundheit")
    tick(page, page.locator(f"input[name=topics][value='{health.pk}']"))
    tick(page, page.locator("input[name=languages][value=ar]"))
    press(page, page.locator("main button[name=preview]"))
    preview = page.locator("#preview")
    assert "zuerst 1 Mitglied" in preview.inner_text()
    assert not Question.objects.exists()
    assert page.locator("[name=title]").input_value() == QUESTION  # nothing typed is lost
    press(page, page.locator("main form button[type=submit]").first)
    question = Question.objects.get()
    assert page.url.endswith(f"/de/openmic/{question.pk}/")
    asked = page.locator("section[aria-labelledby=asked-heading]").inner_text()
    assert "Wir haben zuerst 1 Mitglied gefragt" in asked
    assert "Gesundheit" in asked and "Arabisch" in asked
    assert "Farida" not in page.locator("main").inner_text()  # never who

    # --- The counsellor is told, and answers in the Arabic interface. --------------------
    counsellor_page = new_context(locale="ar").new_page()
    log_in(counsellor_page, "ar", fitting_counsellor.email, TEST_PASSWORD)
    visit(counsellor_page, "/ar/")
    panel = counsellor_page.locator("section[aria-labelledby=openmic-heading]")
    assert panel.locator(f"a[href='/ar/openmic/{question.pk}/']").count() == 1
    submit(counsellor_page, "header a[href='/ar/notifications/']")
    item = counsellor_page.locator("main .ln-notification--unread")
    assert QUESTION in item.inner_text()
    submit(counsellor_page, item.locator("button"))
    assert counsellor_page.url.endswith(f"/ar/openmic/{question.pk}/")
    assert "سُئلت أنت أيضًا" in counsellor_page.locator("main").inner_text()
    assert counsellor_page.locator("h1").get_attribute("lang") == "de"
    before = outbox_size()
    counsellor_page.fill("textarea[name=body]", ANSWER)
    counsellor_page.select_option("select[name=language]", "ar")
    submit(counsellor_page, "main form[action$='/answer/'] button[type=submit]")
    answer = Answer.objects.get()
    assert answer.language == "ar"
    assert counsellor_page.locator(f"#answer-{answer.pk} .ln-prose").get_attribute("lang") == "ar"

    # --- The volunteer gets the e-mail, follows it and marks the answer as helpful. --------
    mail = wait_for_mail(volunteer.email, before)
    assert_mail_language(mail, "de")
    assert QUESTION in mail.subject and "Farida Ahmadi" in mail.subject
    # The link points to SITE_URL (the e-mail is sent by a task, not from a request): its path here.
    link = link_in(mail, f"/openmic/{question.pk}/")
    assert link.startswith(settings.SITE_URL.rstrip("/") + "/de/")
    visit(page, urlparse(link).path)
    helped = page.locator(f"#answer-{answer.pk} button", has_text="Diese Antwort hat mir geholfen")
    press(page, helped)
    assert "als hilfreich markiert" in page.locator("main").inner_text()
    question.refresh_from_db()
    assert question.status == "solved"
    assert page.locator(f"#answer-{answer.pk}").get_by_text("hat der fragenden Person geholfen").count() == 1

    # --- The solved question is knowledge: the counsellor finds it in the site search. ------
    visit(counsellor_page, "/ar/search/?q=Kinderärztin")
    assert counsellor_page.locator(f"main a[href='/ar/openmic/{question.pk}/']").count() == 1


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_openmic_pages_pass_axe_with_errors_and_empty_states(page, volunteer, fitting_counsellor, lang):
    from landnetz.asks import services

    question = services.ask_question(
        asker=fitting_counsellor,
        title="Wer kennt einen Sprachkurs mit Kinderbetreuung in Stendal?",
        body_language="de",
        region=volunteer.region,
        topics=[Topic.objects.get(slug="sprachkurse")],
        languages=["uk"],
    )
    answer = services.post_answer(author=volunteer, question=question, body="Die VHS Stendal.", language="de")
    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    visit(page, f"/{lang}/openmic/?status=solved")  # empty result with filters
    visit(page, f"/{lang}/openmic/ask/")
    submit(page, "main form button[type=submit] >> nth=0")  # nothing typed: an accessible error
    assert page.locator(".ln-error-summary").is_visible()
    visit(page, f"/{lang}/openmic/{question.pk}/")
    submit(page, f"#answer-{answer.pk} a[href$='/answers/{answer.pk}/edit/']")
    visit(page, f"/{lang}/openmic/answers/{answer.pk}/delete/")
    visit(page, f"/{lang}/openmic/{question.pk}/")
    page.fill("textarea[name=body]", "")
    submit(page, "main form[action$='/answer/'] button[type=submit]")
    assert page.locator(".ln-error-summary").is_visible()
