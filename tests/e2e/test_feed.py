"""News in the browser: the coordinator pins an announcement for the Landkreis Stendal, in
German; a member in Stendal sees it first, a member in the Harz does not. A member writes in
Arabic on a 360 px phone, comments, reacts and posts in a group. axe-core on every page."""

import pytest

from landnetz.feed import services
from landnetz.feed.models import Comment, Post, Reaction
from landnetz.groups.models import Group, GroupMembership
from tests.e2e.helpers import log_in, submit, visit
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ANNOUNCEMENT = "Neue Sprechstunde der Integrationskoordination: jeden Dienstag im Landratsamt Stendal."


def test_the_coordinator_pins_an_announcement_that_stendal_sees_first(new_context, coordinator, volunteer, outsider):
    services.create_post(actor=outsider, body="Ein Beitrag für alle aus dem Harz", body_language="de")

    page = new_context(locale="de").new_page()
    log_in(page, "de", coordinator.email, TEST_PASSWORD)
    visit(page, "/de/news/")
    submit(page, page.locator("main a.kern-btn[href='/de/news/new/']"))
    # Sent empty: the form says what is missing (and stays accessible).
    page.check("input[name=target][value=region]")
    submit(page, "main form button[type=submit]")
    assert page.locator(".ln-error-summary").is_visible()
    page.fill("[name=body]", ANNOUNCEMENT)
    page.check("input[name=kind][value=announcement]")
    page.check("input[name=target][value=region]")
    page.select_option("select[name=region]", "stendal")
    submit(page, "main form button[type=submit]")
    post = Post.objects.get(body=ANNOUNCEMENT)
    assert page.url.endswith(f"/de/news/{post.pk}/")
    assert post.body_language == "de" and post.region.slug == "stendal"
    page.select_option(f"#pin-days-{post.pk}", "30")
    submit(page, f"main form[action='/de/news/{post.pk}/pin/'] button[type=submit]")
    assert "sehen ihn zuerst" in page.locator(".ln-messages").inner_text()
    post.refresh_from_db()
    assert post.pinned_until is not None

    # A member in Stendal: first on her start page and first in her feed.
    member = new_context(locale="de").new_page()
    log_in(member, "de", volunteer.email, TEST_PASSWORD)
    visit(member, "/de/")
    news = member.locator("main section[aria-labelledby=feed-panel-heading] li")
    assert ANNOUNCEMENT in news.first.inner_text() and "Für Ihre Region angeheftet" in news.first.inner_text()
    visit(member, "/de/news/")
    first = member.locator("main article.ln-post").first
    assert ANNOUNCEMENT in first.inner_text() and "Für Ihre Region angeheftet" in first.inner_text()

    # A member in the Harz: not in the feed; with the region filter, in its place and not pinned.
    harz = new_context(locale="de").new_page()
    log_in(harz, "de", outsider.email, TEST_PASSWORD)
    visit(harz, "/de/news/")
    assert ANNOUNCEMENT not in harz.locator("main").inner_text()
    assert "Für Ihre Region angeheftet" not in harz.locator("main").inner_text()
    harz.select_option("select[name=region]", "stendal")  # htmx swaps the results in place
    harz.wait_for_function("document.querySelector('#results').innerText.includes('Sprechstunde')")
    assert "Für Ihre Region angeheftet" not in harz.locator("#results").inner_text()
    assert "region=stendal" in harz.url
    visit(harz, harz.url)  # the same address without JavaScript's help: the same results
    assert harz.locator("main article.ln-post").count() == 1


def test_a_member_writes_in_arabic_on_a_phone_comments_and_reacts(new_context, migrant_org_chair, counsellor):
    first = services.create_post(actor=counsellor, body="من يعرف دورة لغة ألمانية في نومبورغ؟", body_language="ar").obj
    club = Group.objects.create(name="Sprachcafé Weißenfels", slug="sprachcafe-weissenfels", kind="open")
    GroupMembership.objects.create(group=club, user=counsellor, role="admin", status="active")
    GroupMembership.objects.create(group=club, user=migrant_org_chair, role="member", status="active")

    phone = new_context(locale="ar", viewport={"width": 360, "height": 740}).new_page()
    log_in(phone, "ar", migrant_org_chair.email, TEST_PASSWORD)
    visit(phone, "/ar/news/new/")
    assert phone.locator("select[name=body_language]").input_value() == "ar"
    phone.fill("[name=body]", "نلتقي يوم السبت في **مقهى اللغة** في فايسنفلس. الجميع مرحب بهم!")
    submit(phone, "main form button[type=submit]")
    mine = Post.objects.get(author=migrant_org_chair)
    assert mine.body_language == "ar" and mine.target == "network"
    assert phone.locator("main .ln-post__body").get_attribute("lang") == "ar"
    assert phone.locator("main .ln-post__body strong").inner_text() == "مقهى اللغة"
    no_scroll = phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_scroll, "the post page scrolls sideways on a phone"

    # A comment on the counsellor's question, and a reaction (swapped in place, focus kept).
    visit(phone, f"/ar/news/{first.pk}/")
    phone.fill("#comment-body-new", "نعم، في مركز التعليم الشعبي كل يوم اثنين.")
    phone.select_option("#comment-language-new", "ar")
    submit(phone, "main form.ln-comment-form button[type=submit]")
    comment = Comment.objects.get(post=first)
    assert comment.author == migrant_org_chair and comment.body_language == "ar"
    assert phone.locator(f"#comment-{comment.pk} .ln-comment__body").get_attribute("lang") == "ar"
    button = phone.locator(f"#react-{first.pk}-thanks")
    button.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_function(
        f"document.getElementById('react-{first.pk}-thanks').getAttribute('aria-pressed') === 'true'"
    )
    assert Reaction.objects.filter(post=first, user=migrant_org_chair, kind="thanks").exists()
    assert phone.evaluate("document.activeElement.id") == f"react-{first.pk}-thanks"
    assert phone.locator("#feed-status").inner_text().strip()

    # The group's page shows its posts and a short form to post there.
    visit(phone, f"/ar/groups/{club.slug}/")
    phone.locator("main details.ln-group-post > summary").click()
    phone.fill("[name='group-post-body']", "سنحضر الكعك للقاء القادم.")
    submit(phone, "main details.ln-group-post form button[type=submit]")
    in_group = Post.objects.get(group=club)
    assert in_group.author == migrant_org_chair and in_group.body_language == "ar"
    visit(phone, f"/ar/groups/{club.slug}/")
    assert "سنحضر الكعك" in phone.locator("main section[aria-labelledby=group-feed-heading]").inner_text()
    visit(phone, "/ar/news/")
    visit(phone, "/ar/news/following/")


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_every_news_page_passes_axe(new_context, volunteer, newcomer, lang):
    item = services.create_post(
        actor=newcomer, body="Привіт! Шукаю курс німецької в Тангерхютте.", body_language="uk"
    ).obj
    comment = services.add_comment(actor=volunteer, post=item, body="Dienstags im Sprachcafé!", body_language="de").obj
    page = new_context(locale=lang).new_page()
    log_in(page, lang, volunteer.email, TEST_PASSWORD)
    for url in [
        f"/{lang}/news/",
        f"/{lang}/news/?kind=nonsense",
        f"/{lang}/news/{item.pk}/",
        f"/{lang}/news/comments/{comment.pk}/edit/",
        f"/{lang}/news/comments/{comment.pk}/delete/",
        f"/{lang}/news/following/",
        f"/{lang}/news/new/",
    ]:
        visit(page, url)
    submit(page, "main form button[type=submit]")  # the empty form with its errors
    assert page.locator(".ln-error-summary").is_visible()
    mine = services.create_post(actor=volunteer, body="Mein Beitrag", body_language="de").obj
    visit(page, f"/{lang}/news/{mine.pk}/edit/")
    visit(page, f"/{lang}/news/{mine.pk}/delete/")
